/**
 * request.execute: the custodian scans every listed item, then per kind:
 * loan → CHECKED_OUT (ON_LOAN); physical transfer → PHYSICAL_TRANSFER_OUT (TRANSFERRED_OUT, awaiting acceptance);
 * return → RETURNED_TO_OWNER; disposition → SOLD/DESTROYED/CONFISCATED/HANDED_OVER; allocation → MOVED.
 * All checks (scan, dates, witnesses) run before the first write.
 */
import type { Ctx } from '../../context';
import type { ItemRow } from '../../db/schema';
import type { MethodParsedInput } from '../../../../shared/api/contract';
import type { RequestDetails } from '../../../../shared/api/request.contract';
import type { EventType } from '../../../../shared/domain/enums';
import { CLAIMANT_ID_TYPE_LABELS, DISPOSITION_METHOD_LABELS, executionEventOf, REQUEST_KIND_LABELS, type RequestKind } from '../../../../shared/domain/requests';
import { CommittedFailure } from '../../api/handler-types';
import { badInput } from '../../errors';
import { localDay, needsWitness } from '../custody/custody.lookup';
import { applyItemEvent } from '../custody/custody';
import { enforce, refuseExecute } from './request.policy';
import { closeRequest, loadView, requestItemRows, updateRequest, type RequestView } from './request.repository';
import { verifyScans } from './request.scan';
import { checkWitnessShape, confirmWitnesses, type Witness, type WitnessRule } from './request.witness';
import { insertValueRecord, itemValue, registerProceeds, valuePlan } from '../dispositions/disposition.value';

type ExecuteInput = MethodParsedInput<'request.execute'>;

export function executionEvent(v: RequestView): EventType {
  return executionEventOf(v.row.kind as RequestKind, v.details.method);
}

const isCash = (it: ItemRow) => it.category === 'cash' || (JSON.parse(it.flags) as string[]).includes('cash');

function witnessRule(v: RequestView, items: ItemRow[]): WitnessRule {
  const cash = items.some(isCash);
  if (v.row.kind === 'disposition') {
    const destroy = v.details.method === 'destroy';
    return { required: 2, credentials: destroy || cash, what: destroy ? '销毁' : cash ? '现金处置' : '处置' };
  }
  if (v.row.kind === 'return' && cash) return { required: 2, credentials: true, what: '发还现金' };
  // Two-person rule: cash and valuables go out on loan before a witness confirming with their password.
  if (v.row.kind === 'loan' && items.some(needsWitness)) return { required: 1, credentials: true, what: '现金或贵重物品调用出库' };
  return { required: 0, credentials: false, what: REQUEST_KIND_LABELS[v.row.kind as RequestKind] };
}

/** The day it actually happened: required for dispositions, never in the future. */
function actualDateOf(ctx: Ctx, v: RequestView, input: ExecuteInput): string | null {
  if (v.row.kind !== 'disposition' && v.row.kind !== 'return') return null;
  if (!input.actualDate) {
    if (v.row.kind === 'disposition') throw badInput('处置须填写实际执行日期');
    return ctx.now;
  }
  const d = new Date(input.actualDate).toISOString();
  // Compared as China Standard Time calendar days: the form sends a date, not an instant.
  if (localDay(d) > localDay(ctx.now)) throw badInput(`实际执行日期（${localDay(d)}）不能晚于今天（${localDay(ctx.now)}）`);
  const approvedAt = v.row.decided_at;
  if (approvedAt && localDay(d) < localDay(approvedAt)) {
    throw badInput(`实际执行日期（${localDay(d)}）不能早于申请单 ${v.row.request_no} 的批准日期（${localDay(approvedAt)}）`);
  }
  return d;
}

function claimantPerson(d: RequestDetails) {
  const c = d.claimant!;
  const idNo = c.idNo ? `${c.idType ? CLAIMANT_ID_TYPE_LABELS[c.idType] : '证件'} ${c.idNo}` : `授权委托书 ${c.authorisationDocNo}`;
  return { name: c.name, idNo };
}

export async function executeRequest(ctx: Ctx, input: ExecuteInput): Promise<CommittedFailure | void> {
  const v = await loadView(ctx, input.id);
  enforce(refuseExecute(v, ctx.user));
  const r = v.row;
  const kind = r.kind as RequestKind;
  const items = await requestItemRows(ctx, r.id, true);
  const type = executionEvent(v);
  await verifyScans(ctx, r.request_no, items, input.scannedCodes, type);
  const actualDate = actualDateOf(ctx, v, input);
  const plan = valuePlan(v, input);
  const wIn = input.witnesses ?? [];
  checkWitnessShape(ctx, wIn, witnessRule(v, items));
  // Password checks may record failed attempts: nothing else has been written yet, so that is all a failure commits.
  const confirmed = await confirmWitnesses(ctx, wIn);
  if (!confirmed.ok) return new CommittedFailure(confirmed.error);
  const witnesses: Witness[] = confirmed.witnesses;

  const d: RequestDetails = { ...v.details };
  const origLocations: Record<string, number | null> = {};
  for (const it of items) origLocations[String(it.id)] = it.location_id;
  const base = {
    type,
    requestId: r.id,
    legalDocNo: r.legal_basis,
    witnesses,
    note: input.note ?? `${REQUEST_KIND_LABELS[kind]}申请 ${r.request_no} 执行`,
  };

  if (kind === 'loan') {
    const counterpart = input.counterpart ?? d.borrower!;
    d.conditionOut = input.conditionOut ?? '完好';
    for (const it of items) {
      await applyItemEvent(
        ctx,
        it,
        { ...base, counterpart, conditionNote: d.conditionOut, payload: { requestNo: r.request_no, dueAt: r.due_at, purpose: d.purpose } },
        { locationId: null, outWith: d.borrower!.name },
      );
    }
    await updateRequest(ctx, r.id, { status: 'in_progress', executed_by: ctx.user.id, executed_at: ctx.now }, { ...d, origLocations, counterpart });
    return;
  }
  if (kind === 'transfer') {
    for (const it of items) {
      await applyItemEvent(
        ctx,
        it,
        { ...base, counterpart: input.counterpart ?? null, agencyToId: r.to_agency_id, payload: { requestNo: r.request_no, mode: r.mode } },
        { locationId: null, outWith: v.toName },
      );
    }
    await updateRequest(ctx, r.id, { status: 'in_progress', executed_by: ctx.user.id, executed_at: ctx.now }, { ...d, origLocations, counterpart: input.counterpart ?? null });
    return;
  }
  if (kind === 'allocation') {
    for (const it of items) {
      await applyItemEvent(ctx, it, { ...base, payload: { requestNo: r.request_no } }, { locationId: d.toLocationId! });
    }
    await closeRequest(ctx, r.id, 'completed', { executed_by: ctx.user.id, executed_at: ctx.now }, { ...d, origLocations });
    return;
  }
  // return or disposition: the item leaves custody for good.
  const party = plan.sale ? { name: plan.sale.buyer } : plan.confiscation ? { name: plan.confiscation.receivingUnit } : null;
  const counterpart = kind === 'return' ? claimantPerson(d) : (input.counterpart ?? party);
  const method = kind === 'disposition' ? d.method! : null;
  // A sale's proceeds exist before the SOLD events, so that each names the other.
  const proceeds = plan.sale ? await registerProceeds(ctx, v, items, plan.sale, actualDate!) : null;
  const value = plan.sale
    ? `，成交价款 ${plan.sale.price} 元，买受人 ${plan.sale.buyer}，成交确认书 ${plan.sale.confirmationNo}，价款转为 ${proceeds!.code}`
    : plan.confiscation
      ? `，接收单位 ${plan.confiscation.receivingUnit}，上缴凭证 ${plan.confiscation.voucherNo}`
      : '';
  const note = input.note ?? (method ? `${DISPOSITION_METHOD_LABELS[method]}（${r.request_no}${value}）` : `发还（${r.request_no}）`);
  for (const it of items) {
    const { event } = await applyItemEvent(
      ctx,
      it,
      {
        ...base,
        note,
        counterpart,
        payload: {
          requestNo: r.request_no,
          method,
          executor: ctx.user.displayName,
          actualDate,
          witnesses: witnesses.map((w) => w.name),
          ...(plan.sale ? { sale: plan.sale, proceedsItemId: proceeds!.itemId, proceedsCode: proceeds!.code } : {}),
          ...(plan.confiscation ? { confiscation: plan.confiscation } : {}),
        },
      },
      { locationId: null, outWith: counterpart?.name ?? null },
    );
    if (plan.sale) {
      await insertValueRecord(ctx, { kind: 'sale', item: it, requestId: r.id, amount: plan.sale.price, party: plan.sale.buyer, voucherNo: plan.sale.confirmationNo, proceedsItemId: proceeds!.itemId, eventId: event.id });
    } else if (plan.confiscation) {
      const c = plan.confiscation;
      await insertValueRecord(ctx, { kind: 'confiscation', item: it, requestId: r.id, amount: itemValue(it), party: c.receivingUnit, voucherNo: c.voucherNo, eventId: event.id });
    }
  }
  const done: RequestDetails = {
    ...d,
    origLocations,
    executorName: ctx.user.displayName,
    witnesses,
    actualDate: actualDate!,
    counterpart,
    ...plan,
    ...(proceeds ? { proceeds } : {}),
  };
  await closeRequest(ctx, r.id, 'completed', { executed_by: ctx.user.id, executed_at: ctx.now }, done);
}
