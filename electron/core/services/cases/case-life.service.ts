/**
 * The case lifecycle. The agency hosting a case moves it on a legal document (CASE_STAGE_CHANGED, a case-level
 * ledger event) along CASE_STAGE_MOVES: 侦查 → 审查起诉 → 审判 → 执行 → 结案, back by 退回补充侦查, or out by 撤案 /
 * 不起诉. Each agency records its own number for the case; any of them finds it.
 */
import type { HandlerMap } from '../../api/handler-types';
import type { Ctx } from '../../context';
import { AGENCY_CASE_NO_LABELS, CASE_STAGE_MOVES } from '../../../../shared/domain/case-life';
import { CASE_STAGE_LABELS, type AgencyKind, type CaseStage } from '../../../../shared/domain/enums';
import { appendEvent } from '../../ledger/ledger.append';
import { assertCaseVisible } from '../../access/visibility';
import { badInput, conflict, forbidden } from '../../errors';
import { localDay } from '../custody/custody.lookup';
import { caseDtos } from '../items/item.handlers';

async function loadCase(ctx: Ctx, caseId: number) {
  await assertCaseVisible(ctx, caseId);
  const c = await ctx.db
    .selectFrom('cases as c')
    .innerJoin('agencies as a', 'a.id', 'c.host_agency_id')
    .select(['c.id', 'c.case_no', 'c.stage', 'c.host_agency_id', 'a.name as host_name'])
    .where('c.id', '=', caseId)
    .executeTakeFirstOrThrow();
  return c;
}

const NO_COLUMN: Partial<Record<AgencyKind, 'police_no' | 'procuratorate_no' | 'court_no'>> = { police: 'police_no', procuratorate: 'procuratorate_no', court: 'court_no' };

export const caseLifeHandlers: HandlerMap<'case.changeStage' | 'case.setAgencyNo'> = {
  'case.changeStage': async (ctx, input) => {
    const c = await loadCase(ctx, input.caseId);
    if (c.host_agency_id !== ctx.user.agencyId) throw forbidden(`案件 ${c.case_no} 现由${c.host_name}主办，只有该单位的办案人员或审批人可以变更诉讼阶段`);
    const from = c.stage as CaseStage;
    const move = CASE_STAGE_MOVES[from].find((m) => m.to === input.to);
    if (!move) {
      const allowed = CASE_STAGE_MOVES[from].map((m) => `${m.label}（${CASE_STAGE_LABELS[m.to]}）`).join('、');
      throw conflict(`案件 ${c.case_no} 当前为「${CASE_STAGE_LABELS[from]}」阶段，不能变更为「${CASE_STAGE_LABELS[input.to]}」${allowed ? `；可办理：${allowed}` : '；已结案'}`);
    }
    if (!move.docs.includes(input.docKind)) throw badInput(`「${move.label}」须依据${move.docs.map((d) => `《${d}》`).join('或')}，不能依据《${input.docKind}》`);
    if (input.docDate > localDay(ctx.now)) throw badInput(`文书日期（${input.docDate}）不能晚于今天`);
    await ctx.db.updateTable('cases').set({ stage: input.to }).where('id', '=', c.id).execute();
    await appendEvent(ctx, {
      type: 'CASE_STAGE_CHANGED',
      caseId: c.id,
      agencyFromId: c.host_agency_id,
      legalDocNo: input.docNo,
      note: input.note ?? `${move.label}：${CASE_STAGE_LABELS[from]} → ${CASE_STAGE_LABELS[input.to]}（《${input.docKind}》${input.docNo}）`,
      payload: { stageFrom: from, stageTo: input.to, docKind: input.docKind, docDate: input.docDate },
    });
    return (await caseDtos(ctx, { id: c.id })).rows[0]!;
  },

  'case.setAgencyNo': async (ctx, { caseId, no }) => {
    const c = await loadCase(ctx, caseId);
    const column = NO_COLUMN[ctx.user.agencyKind as AgencyKind];
    if (!column) throw forbidden('只有公安、检察院、法院可以登记本单位的案件编号');
    const dup = await ctx.db.selectFrom('cases').select('case_no').where(column, '=', no).where('id', '!=', c.id).executeTakeFirst();
    if (dup) throw conflict(`${AGENCY_CASE_NO_LABELS[ctx.user.agencyKind as AgencyKind]}「${no}」已用于案件 ${dup.case_no}`);
    await ctx.db.updateTable('cases').set({ [column]: no }).where('id', '=', c.id).execute();
    return (await caseDtos(ctx, { id: c.id })).rows[0]!;
  },
};
