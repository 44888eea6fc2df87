/** request.decide (the sending agency's approver) and request.cancel (before execution). */
import type { Ctx } from '../../context';
import type { ItemStatus } from '../../../../shared/domain/enums';
import type { ItemRow } from '../../db/schema';
import type { EventType } from '../../../../shared/domain/enums';
import { REQUEST_KIND_LABELS, type RequestKind } from '../../../../shared/domain/requests';
import { badInput } from '../../errors';
import { appendEvent } from '../../ledger/ledger.append';
import { applyItemEvent } from '../custody/custody';
import { enforce, refuseCancel, refuseDecide } from './request.policy';
import { closeRequest, loadView, requestItemRows, updateRequest } from './request.repository';

const APPROVE_EVENT: Record<RequestKind, EventType | null> = {
  loan: 'LOAN_APPROVED',
  transfer: 'CUSTODY_TRANSFER_APPROVED',
  return: 'DISPOSITION_APPROVED',
  disposition: 'DISPOSITION_APPROVED',
  allocation: null,
};
/** Return/disposition have no rejection event type: the proposal is reversed by a CORRECTION. */
const REJECT_EVENT: Record<RequestKind, EventType | null> = {
  loan: 'LOAN_REJECTED',
  transfer: 'CUSTODY_TRANSFER_REJECTED',
  return: 'CORRECTION',
  disposition: 'CORRECTION',
  allocation: null,
};

/**
 * A CORRECTION on an item: place and agency unchanged, the reason in note and payload.
 * `restoreStatus` puts the status back to what an earlier event of this request found (e.g. 待处置 → 在库).
 */
export async function correctionEvent(ctx: Ctx, it: ItemRow, requestId: number, note: string, payload: Record<string, unknown>, restoreStatus?: ItemStatus) {
  if (restoreStatus && restoreStatus !== it.status) {
    await ctx.db.updateTable('items').set({ status: restoreStatus, updated_at: ctx.now }).where('id', '=', it.id).execute();
  }
  return appendEvent(ctx, {
    type: 'CORRECTION',
    itemId: it.id,
    caseId: it.case_id,
    requestId,
    agencyFromId: it.holding_agency_id,
    agencyToId: it.holding_agency_id,
    locationFromId: it.location_id,
    locationToId: it.location_id,
    note,
    payload: { ...payload, statusFrom: it.status, statusTo: restoreStatus ?? it.status },
  });
}

export async function decideRequest(ctx: Ctx, input: { id: number; approve: boolean; comment?: string | undefined }): Promise<void> {
  const v = await loadView(ctx, input.id);
  enforce(refuseDecide(v, ctx.user));
  const r = v.row;
  const kind = r.kind as RequestKind;
  if (!input.approve && !input.comment) throw badInput(`驳回申请单 ${r.request_no} 时必须填写驳回意见`);
  const items = await requestItemRows(ctx, r.id);
  const type = input.approve ? APPROVE_EVENT[kind] : REJECT_EVENT[kind];
  const note = `${REQUEST_KIND_LABELS[kind]}申请 ${r.request_no}${input.approve ? '批准' : '驳回'}${input.comment ? `：${input.comment}` : ''}`;
  for (const it of items) {
    if (type === 'CORRECTION') {
      await correctionEvent(ctx, it, r.id, note, { requestNo: r.request_no, reverses: 'DISPOSITION_PROPOSED', decision: 'rejected' });
    } else if (type) {
      await applyItemEvent(ctx, it, {
        type,
        requestId: r.id,
        legalDocNo: r.legal_basis,
        ...(r.to_agency_id ? { agencyToId: r.to_agency_id } : {}),
        note,
        payload: { requestNo: r.request_no, decision: input.approve ? 'approved' : 'rejected' },
      });
    }
  }
  const decided = { decided_by: ctx.user.id, decided_at: ctx.now, decision_comment: input.comment ?? null };
  if (input.approve) await updateRequest(ctx, r.id, { ...decided, status: 'approved' });
  else await closeRequest(ctx, r.id, 'rejected', decided);
}

export async function cancelRequest(ctx: Ctx, input: { id: number; reason: string }): Promise<void> {
  const v = await loadView(ctx, input.id);
  enforce(refuseCancel(v, ctx.user));
  const r = v.row;
  const items = await requestItemRows(ctx, r.id, true);
  const note = `撤销${REQUEST_KIND_LABELS[r.kind as RequestKind]}申请 ${r.request_no}：${input.reason}`;
  for (const it of items) {
    await correctionEvent(ctx, it, r.id, note, { cancelledRequestNo: r.request_no, kind: r.kind, reason: input.reason }, await statusBeforeApproval(ctx, it, r.id));
  }
  await closeRequest(ctx, r.id, 'cancelled', {}, { ...v.details, cancelReason: input.reason, cancelledByName: ctx.user.displayName });
}

/** The status an item had before this request's approval moved it (only DISPOSITION_APPROVED changes status). */
async function statusBeforeApproval(ctx: Ctx, it: ItemRow, requestId: number): Promise<ItemStatus | undefined> {
  if (it.status !== 'PENDING_DISPOSITION') return undefined;
  const e = await ctx.db
    .selectFrom('custody_events')
    .select('payload')
    .where('item_id', '=', it.id)
    .where('request_id', '=', requestId)
    .where('type', '=', 'DISPOSITION_APPROVED')
    .orderBy('seq', 'desc')
    .executeTakeFirst();
  const from = e ? (JSON.parse(e.payload) as { statusFrom?: ItemStatus }).statusFrom : undefined;
  return from && from !== 'PENDING_DISPOSITION' ? from : undefined;
}
