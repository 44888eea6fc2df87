/**
 * Several stores in one city: a custodian handles only the items and locations of the store they work in.
 * An item belongs to no store until it is received, then to the store that received it, until moved by a
 * store transfer (调拨). Every store that has had an item stays in item_stores, so its custodians can read its history.
 */
import type { Ctx, SessionUser } from '../../context';
import type { ItemRow } from '../../db/schema';
import { conflict } from '../../errors';

export const worksInStore = (u: SessionUser) => u.roles.includes('custodian');

export async function storeName(ctx: Pick<Ctx, 'db'>, storeId: number | null): Promise<string> {
  if (storeId === null) return '未指定';
  const row = await ctx.db.selectFrom('locations').select('name').where('id', '=', storeId).executeTakeFirst();
  return row?.name ?? `保管场所 ${storeId}`;
}

/**
 * A custodian may handle an item only in their own store (or one not yet received anywhere). Taking an item in
 * (intake) is allowed in any store while it is off the shelves, unless it is on its way to another store.
 */
export async function assertHandlesItem(ctx: Ctx, item: Pick<ItemRow, 'id' | 'code' | 'name' | 'store_id' | 'location_id'>, intake = false): Promise<void> {
  if (!worksInStore(ctx.user) || item.store_id === null || item.store_id === ctx.user.storeId) return;
  if (intake && item.location_id === null) {
    const transit = await ctx.db
      .selectFrom('store_transfer_items as ti')
      .innerJoin('store_transfers as t', 't.id', 'ti.transfer_id')
      .select('t.transfer_no')
      .where('ti.item_id', '=', item.id)
      .where('ti.received', '=', 0)
      .where('t.status', '=', 'IN_TRANSIT')
      .executeTakeFirst();
    if (!transit) return;
    throw conflict(`${item.code}（${item.name}）正在跨库调拨（${transit.transfer_no}）途中，调往「${await storeName(ctx, item.store_id)}」，只能由该库接收`);
  }
  throw conflict(`${item.code}（${item.name}）现由「${await storeName(ctx, item.store_id)}」保管，不属于本库（${ctx.user.storeName ?? '未指定保管中心'}），不能办理；跨库请办理调拨`);
}

/**
 * The store an item is in after a change: an explicit store (a transfer), the store of the location it is put on,
 * or — on intake by a custodian — the custodian's store. Refuses a location in another store.
 */
export async function storeAfter(
  ctx: Ctx,
  item: Pick<ItemRow, 'code' | 'name' | 'store_id' | 'location_id'>,
  next: { locationId: number | null; storeId?: number; claims: boolean },
): Promise<number | null> {
  let store = next.storeId ?? (next.claims && worksInStore(ctx.user) && ctx.user.storeId !== null ? ctx.user.storeId : item.store_id);
  if (next.locationId !== null && next.locationId !== item.location_id) {
    const loc = await ctx.db.selectFrom('locations').select(['code', 'name', 'store_id']).where('id', '=', next.locationId).executeTakeFirst();
    if (loc && loc.store_id !== null) {
      if (store === null) store = loc.store_id;
      else if (loc.store_id !== store) {
        throw conflict(
          `库位「${loc.code}」（${loc.name}）属于「${await storeName(ctx, loc.store_id)}」，${item.code}（${item.name}）在「${await storeName(ctx, store)}」保管，不能放入其他保管场所的库位；跨库请办理调拨`,
        );
      }
    }
  }
  return store;
}

/** Records the item's store (and that this store has had it); idempotent. */
export async function recordStore(ctx: Pick<Ctx, 'db'>, itemId: number, storeId: number): Promise<void> {
  await ctx.db.updateTable('items').set({ store_id: storeId }).where('id', '=', itemId).execute();
  await ctx.db.insertInto('item_stores').values({ item_id: itemId, store_id: storeId }).onConflict((oc) => oc.doNothing()).execute();
}
