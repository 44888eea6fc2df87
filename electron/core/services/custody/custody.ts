/** The one path by which an item changes state: check the transition, update the row, append the event. */
import { recordHolder } from '../../access/visibility';
import { checkTransition } from '../../../../shared/domain/item-state';
import type { ItemStatus } from '../../../../shared/domain/enums';
import type { Ctx } from '../../context';
import type { EventRow, ItemRow } from '../../db/schema';
import { appendEvent, type EventInput } from '../../ledger/ledger.append';
import { AppError, notFound } from '../../errors';
import { assertHandlesItem, recordStore, storeAfter } from '../stores/store.rules';

export type ItemChange = {
  locationId?: number | null;
  holdingAgencyId?: number;
  outWith?: string | null;
  flags?: string[];
  sealNo?: string | null;
  /** A store transfer moves the item to another store. */
  storeId?: number;
};

/** Events by which a store takes an item in. */
const INTAKE_EVENTS = new Set(['RECEIVED', 'PHYSICAL_TRANSFER_IN']);

export async function loadItem(ctx: Ctx, itemId: number): Promise<ItemRow> {
  const item = await ctx.db.selectFrom('items').selectAll().where('id', '=', itemId).executeTakeFirst();
  if (!item) throw notFound('物品');
  return item;
}

/**
 * Applies an event to an item: refuses illegal transitions with a Chinese message naming the item,
 * then writes the new status/location/agency and the ledger event in the caller's transaction.
 */
export async function applyItemEvent(
  ctx: Ctx,
  item: ItemRow,
  event: Omit<EventInput, 'itemId' | 'caseId'>,
  change: ItemChange = {},
): Promise<{ item: ItemRow; event: EventRow }> {
  const check = checkTransition(item.status as ItemStatus, event.type);
  if (!check.ok) throw new AppError('CONFLICT', `${item.code}（${item.name}）：${check.message}`);
  if (change.storeId === undefined) await assertHandlesItem(ctx, item, INTAKE_EVENTS.has(event.type));
  const next: ItemRow = {
    ...item,
    status: check.to,
    location_id: change.locationId !== undefined ? change.locationId : item.location_id,
    holding_agency_id: change.holdingAgencyId ?? item.holding_agency_id,
    out_with: change.outWith !== undefined ? change.outWith : item.out_with,
    flags: change.flags ? JSON.stringify(change.flags) : item.flags,
    seal_no: change.sealNo !== undefined ? change.sealNo : item.seal_no,
    updated_at: ctx.now,
  };
  next.store_id = await storeAfter(ctx, item, { locationId: next.location_id, storeId: change.storeId, claims: INTAKE_EVENTS.has(event.type) });
  if (next.store_id !== null && next.store_id !== item.store_id) await recordStore(ctx, item.id, next.store_id);
  await ctx.db
    .updateTable('items')
    .set({
      status: next.status,
      location_id: next.location_id,
      holding_agency_id: next.holding_agency_id,
      out_with: next.out_with,
      flags: next.flags,
      seal_no: next.seal_no,
      updated_at: next.updated_at,
    })
    .where('id', '=', item.id)
    .execute();
  if (next.holding_agency_id !== item.holding_agency_id) await recordHolder(ctx, item.id, item.case_id, next.holding_agency_id);
  const row = await appendEvent(ctx, {
    locationFromId: item.location_id,
    locationToId: next.location_id,
    agencyFromId: item.holding_agency_id,
    agencyToId: next.holding_agency_id,
    ...event,
    itemId: item.id,
    caseId: item.case_id,
    payload: { ...(event.payload ?? {}), statusFrom: item.status, statusTo: next.status },
  });
  return { item: next, event: row };
}
