/**
 * The receiving agency's side of a transfer, and the physical scan-in.
 *
 * Paper (权属移交、实物不动): approved → the receiver accepts (CUSTODY_TRANSFER_ACCEPTED, holding agency changes,
 * location untouched) → completed; or rejects (CUSTODY_TRANSFER_REJECTED) → rejected.
 * Physical (实物移送): approved → custodian scans out (request.execute: PHYSICAL_TRANSFER_OUT, item TRANSFERRED_OUT,
 * out with the receiver) → the receiver accepts (holding agency changes) → if the goods come back into this central
 * store under the new agency (receiveIntoCentre, the default) a custodian scans them in (request.receiveIn:
 * PHYSICAL_TRANSFER_IN, IN_STORE) → completed; otherwise completed at acceptance (the goods stay with the receiver).
 * If the receiver rejects, the custodian scans the goods back in under the sending agency → rejected.
 */
import { recordCaseHolder } from '../../access/visibility';
import type { Ctx } from '../../context';
import type { MethodParsedInput } from '../../../../shared/api/contract';
import { TERMINAL_STATUSES } from '../../../../shared/domain/enums';
import { CASE_STAGE_BY_AGENCY_KIND } from '../../../../shared/domain/requests';
import { DECIDED_STAGES } from '../../../../shared/domain/case-life';
import type { CaseStage } from '../../../../shared/domain/enums';
import { badInput } from '../../errors';
import { applyItemEvent } from '../custody/custody';
import { enforce, refuseAccept, refuseReceiveIn } from './request.policy';
import { closeRequest, loadView, requestItemRows, updateRequest } from './request.repository';
import { verifyScans } from './request.scan';
import { storageLocationById } from '../custody/putaway.service';

/**
 * A case follows its items: when every live item of the case (not terminal, not lost) is held by `agencyId`,
 * the case's host agency becomes that agency and its stage that agency's stage (公安 侦查, 检察院 审查起诉, 法院 审判).
 */
export async function followCase(ctx: Ctx, caseIds: number[], agencyId: number): Promise<void> {
  const agency = await ctx.db.selectFrom('agencies').select(['id', 'kind']).where('id', '=', agencyId).executeTakeFirstOrThrow();
  for (const caseId of new Set(caseIds)) {
    const elsewhere = await ctx.db
      .selectFrom('items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('case_id', '=', caseId)
      .where('status', 'not in', [...TERMINAL_STATUSES, 'LOST'])
      .where('holding_agency_id', '!=', agencyId)
      .executeTakeFirstOrThrow();
    if (Number(elsewhere.n) > 0) continue;
    // A decided case (执行, 结案, 撤案, 不起诉) keeps its stage: only its documents move it (case.changeStage).
    const current = await ctx.db.selectFrom('cases').select('stage').where('id', '=', caseId).executeTakeFirstOrThrow();
    const stage = DECIDED_STAGES.includes(current.stage as CaseStage) ? undefined : CASE_STAGE_BY_AGENCY_KIND[agency.kind];
    await ctx.db
      .updateTable('cases')
      .set({ host_agency_id: agencyId, ...(stage ? { stage } : {}) })
      .where('id', '=', caseId)
      .execute();
    await recordCaseHolder(ctx, caseId, agencyId);
  }
}

export async function acceptTransfer(ctx: Ctx, input: MethodParsedInput<'request.accept'>): Promise<void> {
  const v = await loadView(ctx, input.id);
  enforce(refuseAccept(v, ctx.user));
  const r = v.row;
  if (!input.accept && !input.comment) throw badInput(`拒收移送申请 ${r.request_no} 时必须填写拒收理由`);
  const items = await requestItemRows(ctx, r.id, true);
  const toId = r.to_agency_id!;
  const note = `${v.toName}${input.accept ? '确认接收' : '拒收'}移送申请 ${r.request_no}${input.comment ? `：${input.comment}` : ''}`;
  for (const it of items) {
    await applyItemEvent(
      ctx,
      it,
      {
        type: input.accept ? 'CUSTODY_TRANSFER_ACCEPTED' : 'CUSTODY_TRANSFER_REJECTED',
        requestId: r.id,
        legalDocNo: r.legal_basis,
        counterpart: input.counterpart ?? null,
        agencyFromId: r.from_agency_id,
        agencyToId: toId,
        note,
        payload: { requestNo: r.request_no, mode: r.mode, decision: input.accept ? 'accepted' : 'rejected' },
      },
      input.accept ? { holdingAgencyId: toId } : {},
    );
  }
  const accepted = { accepted_by: ctx.user.id, accepted_at: ctx.now };
  const details = { ...v.details, receiverDecision: input.accept ? ('accepted' as const) : ('rejected' as const), receiverComment: input.comment ?? null };
  if (r.mode === 'paper') {
    await closeRequest(ctx, r.id, input.accept ? 'completed' : 'rejected', accepted, details);
  } else if (input.accept && v.details.receiveIntoCentre === false) {
    await closeRequest(ctx, r.id, 'completed', accepted, details);
  } else {
    await updateRequest(ctx, r.id, accepted, details); // awaiting the custodian's scan-in (or scan-back after rejection)
  }
  if (input.accept) await followCase(ctx, items.map((i) => i.case_id), toId);
}

export async function receiveIn(ctx: Ctx, input: MethodParsedInput<'request.receiveIn'>): Promise<void> {
  const v = await loadView(ctx, input.id);
  enforce(refuseReceiveIn(v, ctx.user));
  const r = v.row;
  const items = await requestItemRows(ctx, r.id, true);
  await verifyScans(ctx, r.request_no, items, input.scannedCodes, 'PHYSICAL_TRANSFER_IN');
  if (input.locationId) await storageLocationById(ctx, input.locationId);
  const back = v.details.receiverDecision === 'rejected';
  for (const it of items) {
    const locationId = input.locationId ?? v.details.origLocations?.[String(it.id)] ?? null;
    await applyItemEvent(
      ctx,
      it,
      {
        type: 'PHYSICAL_TRANSFER_IN',
        requestId: r.id,
        legalDocNo: r.legal_basis,
        note: input.note ?? (back ? `${v.toName}拒收，移送申请 ${r.request_no} 的物品退回入库` : `移送申请 ${r.request_no} 的物品以${v.toName}名义入库`),
        payload: { requestNo: r.request_no, returnedAfterRejection: back },
      },
      { locationId, outWith: null },
    );
  }
  await closeRequest(ctx, r.id, back ? 'rejected' : 'completed', { executed_by: r.executed_by ?? ctx.user.id });
}
