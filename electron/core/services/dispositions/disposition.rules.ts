/**
 * Which disposition may be asked for, checked at request.create: 没收 and an ordinary sale need the case's effective
 * judgment or ruling (its move to 执行 on a 判决书/裁定书); 先行处置 (an early sale) only for items flagged perishable
 * or value-losing. The rules themselves are in shared/domain/disposition-value.ts.
 */
import type { Ctx } from '../../context';
import type { ItemRow } from '../../db/schema';
import type { RequestDetails } from '../../../../shared/api/request.contract';
import type { CaseStage } from '../../../../shared/domain/enums';
import type { DispositionMethod } from '../../../../shared/domain/requests';
import { JUDGMENT_DOC_KINDS, notEarlySellable, refuseMethod, type CaseJudgment } from '../../../../shared/domain/disposition-value';
import { AppError, conflict } from '../../errors';
import { itemFlags, itemLabel } from '../custody/custody.lookup';

/** The judgment or ruling of the case's latest move to 执行, or null. */
export async function caseJudgment(ctx: Pick<Ctx, 'db'>, caseId: number): Promise<CaseJudgment | null> {
  const moves = await ctx.db
    .selectFrom('custody_events')
    .select(['legal_doc_no', 'payload'])
    .where('case_id', '=', caseId)
    .where('type', '=', 'CASE_STAGE_CHANGED')
    .orderBy('seq', 'desc')
    .execute();
  for (const m of moves) {
    const p = JSON.parse(m.payload) as { stageTo?: string; docKind?: string; docDate?: string };
    if (p.stageTo === 'execution' && (JUDGMENT_DOC_KINDS as readonly string[]).includes(p.docKind ?? '')) {
      return { docKind: p.docKind!, docNo: m.legal_doc_no ?? '', docDate: p.docDate ?? null };
    }
  }
  return null;
}

/** Refuses a disposition the stage, the basis document or the items' flags do not allow; returns what the request records. */
export async function checkDisposition(ctx: Ctx, input: { method: DispositionMethod; early?: boolean | undefined }, items: ItemRow[]): Promise<Pick<RequestDetails, 'early' | 'judgment'>> {
  const kase = await ctx.db.selectFrom('cases').select(['id', 'case_no', 'stage']).where('id', '=', items[0]!.case_id).executeTakeFirstOrThrow();
  const judgment = await caseJudgment(ctx, kase.id);
  const early = input.early === true;
  const refusal = refuseMethod({ method: input.method, early, caseNo: kase.case_no, stage: kase.stage as CaseStage, agencyKind: ctx.user.agencyKind, judgment });
  if (refusal) throw conflict(refusal);
  if (early) {
    const bad = notEarlySellable(items.map((i) => ({ ...i, flags: itemFlags(i) })));
    if (bad.length) {
      throw new AppError(
        'CONFLICT',
        `先行处置只适用于标记为易腐或易贬值的物品，以下物品未标记：${bad.map((i) => i.code).join('、')}`,
        bad.map((i) => `${itemLabel(i)}：未标记「易腐」或「易贬值」`),
      );
    }
  }
  return { ...(early ? { early: true } : {}), judgment: input.method === 'confiscate' || (input.method === 'sell' && !early) ? judgment : null };
}
