/**
 * Closing a count and resolving what it found. Closing writes COUNTED for every item seen on the shelves and one
 * discrepancy per problem. Resolutions are ledger events: misplaced or unexpected → MOVED (to where it was found, or
 * a shelf the custodian scans); missing → LOST_REPORTED once an approver of the holding agency agrees. Unknown codes
 * and items not in store are closed with a note (no item of this store to write on).
 */
import type { Ctx } from '../../context';
import { AppError, conflict } from '../../errors';
import { applyItemEvent, loadItem } from '../custody/custody';
import { storageLocation, storageLocationById } from '../custody/putaway.service';
import { countDto, discrepancyDtos, loadCount } from './stocktake.read';
import { ON_SHELF } from './stocktake.service';

export async function closeCount(ctx: Ctx, id: number) {
  const count = await loadCount(ctx, id);
  if (count.status === 'CLOSED') throw conflict(`盘点 ${count.count_no} 已结束`);
  const scans = await ctx.db.selectFrom('stocktake_scans').selectAll().where('stocktake_id', '=', id).orderBy('id').execute();
  const expected = await ctx.db.selectFrom('stocktake_expected').selectAll().where('stocktake_id', '=', id).execute();
  const expectedAt = new Map(expected.map((e) => [e.item_id, e.location_id]));
  const seen = new Set<number>();
  const base = { stocktake_id: id, status: 'OPEN', note: null, proposed_by: null, proposed_at: null, decided_by: null, decided_at: null, decision_note: null, event_id: null };
  for (const s of scans) {
    if (s.result === 'DUPLICATE') continue;
    if (s.result === 'UNKNOWN') {
      await ctx.db.insertInto('stocktake_discrepancies').values({ ...base, kind: 'UNKNOWN', code: s.code, item_id: null, expected_location_id: null, found_location_id: s.location_id, detail: s.detail, agency_id: null }).execute();
      continue;
    }
    const item = await loadItem(ctx, s.item_id!);
    seen.add(item.id);
    if (s.result === 'NOT_IN_STORE') {
      await ctx.db.insertInto('stocktake_discrepancies').values({ ...base, kind: 'NOT_IN_STORE', code: s.code, item_id: item.id, expected_location_id: null, found_location_id: s.location_id, detail: s.detail, agency_id: item.holding_agency_id }).execute();
      continue;
    }
    if (!ON_SHELF.includes(item.status) || item.store_id !== count.store_id) continue; // left the store while counting
    await applyItemEvent(ctx, item, {
      type: 'COUNTED',
      note: `盘点 ${count.count_no}：${s.result === 'FOUND' ? '已盘到' : s.result === 'WRONG_LOCATION' ? '已盘到，位置不符' : '账外（登记在别处）'}`,
      payload: { countNo: count.count_no, result: s.result },
    });
    if (s.result !== 'FOUND') {
      await ctx.db
        .insertInto('stocktake_discrepancies')
        .values({ ...base, kind: s.result, code: s.code, item_id: item.id, expected_location_id: expectedAt.get(item.id) ?? item.location_id, found_location_id: s.location_id, detail: s.detail, agency_id: item.holding_agency_id })
        .execute();
    }
  }
  for (const e of expected) {
    if (seen.has(e.item_id)) continue;
    const item = await loadItem(ctx, e.item_id);
    if (!ON_SHELF.includes(item.status)) continue; // went out while counting (loan, transfer): not missing
    await ctx.db
      .insertInto('stocktake_discrepancies')
      .values({ ...base, kind: 'MISSING', code: item.code, item_id: item.id, expected_location_id: e.location_id, found_location_id: null, detail: `${item.code}（${item.name}）未盘到`, agency_id: item.holding_agency_id })
      .execute();
  }
  await ctx.db.updateTable('stocktakes').set({ status: 'CLOSED', closed_by: ctx.user.id, closed_at: ctx.now }).where('id', '=', id).execute();
  return countDto(ctx, id);
}

async function loadDiscrepancy(ctx: Ctx, discrepancyId: number) {
  const d = await ctx.db.selectFrom('stocktake_discrepancies').selectAll().where('id', '=', discrepancyId).executeTakeFirst();
  if (!d) throw new AppError('NOT_FOUND', '盘点差异未找到或无权查看');
  return d;
}

/** The custodian resolves one discrepancy (a missing item is only proposed as lost here). */
export async function resolveDiscrepancy(ctx: Ctx, input: { discrepancyId: number; note: string; locationCode?: string }) {
  const d = await loadDiscrepancy(ctx, input.discrepancyId);
  const count = await loadCount(ctx, d.stocktake_id);
  if (d.status === 'RESOLVED') throw conflict(`${d.code} 的差异已处理`);
  if (d.status === 'PROPOSED') throw conflict(`${d.code} 已报请审批登记丢失，等待持有单位审批人审批`);
  const done = { status: 'RESOLVED', note: input.note, proposed_by: ctx.user.id, proposed_at: ctx.now };
  if (d.kind === 'MISSING') {
    await ctx.db.updateTable('stocktake_discrepancies').set({ status: 'PROPOSED', note: input.note, proposed_by: ctx.user.id, proposed_at: ctx.now, decision_note: null }).where('id', '=', d.id).execute();
  } else if (d.kind === 'WRONG_LOCATION' || d.kind === 'UNEXPECTED') {
    const to = input.locationCode ? await storageLocation(ctx, input.locationCode) : d.found_location_id ? await storageLocationById(ctx, d.found_location_id) : null;
    if (!to) throw conflict(`请扫描要放入的货架或货位`);
    const item = await loadItem(ctx, d.item_id!);
    if (!ON_SHELF.includes(item.status)) throw conflict(`${item.code}（${item.name}）已不在库，不能移位；请填写说明后按其他差异处理`);
    const { event } = await applyItemEvent(
      ctx,
      item,
      { type: 'MOVED', note: `盘点 ${count.count_no} 差异处理（${d.kind === 'UNEXPECTED' ? '盘盈' : '位置不符'}）：移至 ${to.code}；${input.note}`, payload: { countNo: count.count_no, discrepancyId: d.id } },
      { locationId: to.id },
    );
    await ctx.db.updateTable('stocktake_discrepancies').set({ ...done, event_id: event.id }).where('id', '=', d.id).execute();
  } else {
    await ctx.db.updateTable('stocktake_discrepancies').set(done).where('id', '=', d.id).execute();
  }
  return countDto(ctx, count.id);
}

/** An approver of the holding agency agrees (LOST_REPORTED) or sends the missing item back to be searched for. */
export async function decideLoss(ctx: Ctx, input: { discrepancyId: number; approve: boolean; note: string }) {
  const d = await loadDiscrepancy(ctx, input.discrepancyId);
  if (d.kind !== 'MISSING' || d.agency_id !== ctx.user.agencyId) throw new AppError('NOT_FOUND', '盘点差异未找到或无权审批');
  if (d.status !== 'PROPOSED') throw conflict(`${d.code} 没有待审批的丢失登记`);
  const count = await ctx.db.selectFrom('stocktakes').select('count_no').where('id', '=', d.stocktake_id).executeTakeFirstOrThrow();
  if (!input.approve) {
    await ctx.db.updateTable('stocktake_discrepancies').set({ status: 'OPEN', decided_by: ctx.user.id, decided_at: ctx.now, decision_note: `不同意：${input.note}` }).where('id', '=', d.id).execute();
  } else {
    const item = await loadItem(ctx, d.item_id!);
    const { event } = await applyItemEvent(ctx, item, {
      type: 'LOST_REPORTED',
      note: `盘点 ${count.count_no} 盘亏，保管员说明：${d.note ?? ''}；审批意见：${input.note}`,
      payload: { countNo: count.count_no, discrepancyId: d.id, proposedBy: d.proposed_by },
    });
    await ctx.db.updateTable('stocktake_discrepancies').set({ status: 'RESOLVED', decided_by: ctx.user.id, decided_at: ctx.now, decision_note: input.note, event_id: event.id }).where('id', '=', d.id).execute();
  }
  return (await discrepancyDtos(ctx, { ids: [d.id] }))[0]!;
}
