/** Put-away and moves by scanning a location then an item, and undoing the last one by a CORRECTION event. */
import type { HandlerMap } from '../../api/handler-types';
import type { Ctx } from '../../context';
import type { EventRow, ItemRow, LocationRow } from '../../db/schema';
import { checkTransition } from '../../../../shared/domain/item-state';
import { EVENT_TYPE_LABELS, LOCATION_KIND_LABELS, type EventType, type ItemStatus, type LocationKind } from '../../../../shared/domain/enums';
import { appendEvent } from '../../ledger/ledger.append';
import { AppError, conflict } from '../../errors';
import { applyItemEvent } from './custody';
import { getItemDto } from '../items/item.repository';
import { findItem, findItemById, itemLabel } from './custody.lookup';
import { assertHandlesItem, storeName, worksInStore } from '../stores/store.rules';

const kindLabel = (k: string) => LOCATION_KIND_LABELS[k as LocationKind] ?? k;

/**
 * A location an item may be put on: active, and the finest level there is.
 * Warehouses are always too coarse; a zone or shelf with active sub-locations must be scanned at
 * the sub-location (a zone without shelves, e.g. a vehicle yard, is fine).
 */
export async function storageLocation(ctx: Ctx, code: string): Promise<LocationRow> {
  const loc = await ctx.db.selectFrom('locations').selectAll().where('code', '=', code).executeTakeFirst();
  if (!loc) throw new AppError('NOT_FOUND', `库位编码「${code}」不存在`);
  if (!loc.active) throw conflict(`库位「${code}」（${loc.name}）已停用，不能存放物品`);
  if (worksInStore(ctx.user) && loc.store_id !== null && loc.store_id !== ctx.user.storeId) {
    throw conflict(`库位「${code}」（${loc.name}）属于「${await storeName(ctx, loc.store_id)}」，不是本库（${ctx.user.storeName ?? '未指定保管中心'}）的库位`);
  }
  if (loc.kind === 'store') throw conflict(`「${code}」是保管场所（${loc.name}），范围过大，请扫描具体的区、货架或货位`);
  if (loc.kind === 'warehouse') throw conflict(`「${code}」是库房（${loc.name}），范围过大，请扫描具体的区、货架或货位`);
  const child = await ctx.db.selectFrom('locations').select(['code', 'kind']).where('parent_id', '=', loc.id).where('active', '=', 1).executeTakeFirst();
  if (child) throw conflict(`「${code}」（${loc.name}）下设${kindLabel(child.kind)}，请扫描其下具体的${kindLabel(child.kind)}（如 ${child.code}）`);
  return loc;
}

/** The same check for a location chosen by id (allocation target, scan-in and check-in destinations). */
export async function storageLocationById(ctx: Ctx, id: number): Promise<LocationRow> {
  const loc = await ctx.db.selectFrom('locations').select('code').where('id', '=', id).executeTakeFirst();
  if (!loc) throw new AppError('NOT_FOUND', `库位（编号 ${id}）不存在`);
  return storageLocation(ctx, loc.code);
}

/** Events after which an earlier put-away can no longer be undone. */
function changesLocation(e: Pick<EventRow, 'type' | 'location_from_id' | 'location_to_id'>): boolean {
  return e.type === 'STORED' || e.type === 'MOVED' || e.type === 'CORRECTION' || e.location_from_id !== e.location_to_id;
}

/**
 * Reverses a STORED/MOVED event: puts the item back where the event found it and appends a CORRECTION
 * that names the corrected event. (CORRECTION is not an item transition, so it does not go through
 * applyItemEvent; the status does not change.)
 */
export async function applyLocationCorrection(ctx: Ctx, item: ItemRow, corrected: EventRow): Promise<EventRow> {
  const restore = corrected.location_from_id;
  await ctx.db.updateTable('items').set({ location_id: restore, updated_at: ctx.now }).where('id', '=', item.id).execute();
  const label = EVENT_TYPE_LABELS[corrected.type as EventType];
  return appendEvent(ctx, {
    type: 'CORRECTION',
    itemId: item.id,
    caseId: item.case_id,
    agencyFromId: item.holding_agency_id,
    agencyToId: item.holding_agency_id,
    locationFromId: item.location_id,
    locationToId: restore,
    note: `撤销第 ${corrected.seq} 号「${label}」记录，${restore === null ? '恢复为未上架' : '恢复原库位'}`,
    payload: {
      correctsEventId: corrected.id,
      correctsSeq: corrected.seq,
      correctsType: corrected.type,
      statusFrom: item.status,
      statusTo: item.status,
    },
  });
}

export const putawayHandlers: HandlerMap<'putaway.scan' | 'putaway.undo'> = {
  'putaway.scan': async (ctx, { locationCode, itemCode }) => {
    const loc = await storageLocation(ctx, locationCode);
    const item = await findItem(ctx, { code: itemCode });
    if (item.location_id === loc.id) throw conflict(`${itemLabel(item)} 已在该库位「${loc.code}」（${loc.name}），无需重复上架`);
    const type = item.location_id === null ? 'STORED' : 'MOVED';
    const { event } = await applyItemEvent(ctx, item, { type, note: `${type === 'STORED' ? '上架至' : '移位至'} ${loc.code}` }, { locationId: loc.id });
    return { eventId: event.id, item: (await getItemDto(ctx, { id: item.id }))! };
  },

  'putaway.undo': async (ctx, { eventId }) => {
    const ev = await ctx.db.selectFrom('custody_events').selectAll().where('id', '=', eventId).executeTakeFirst();
    if (!ev) throw new AppError('NOT_FOUND', `流转记录（编号 ${eventId}）不存在`);
    const label = EVENT_TYPE_LABELS[ev.type as EventType] ?? ev.type;
    if ((ev.type !== 'STORED' && ev.type !== 'MOVED') || ev.item_id === null) throw conflict(`只能撤销「上架」或「移位」记录，第 ${ev.seq} 号记录是「${label}」`);
    const item = await findItemById(ctx, ev.item_id);
    await assertHandlesItem(ctx, item);
    const later = await ctx.db
      .selectFrom('custody_events')
      .select(['id', 'seq', 'type', 'location_from_id', 'location_to_id', 'payload'])
      .where('item_id', '=', item.id)
      .where('seq', '>', ev.seq)
      .orderBy('seq')
      .execute();
    const corrects = (e: (typeof later)[number]) =>
      e.type === 'CORRECTION' ? ((JSON.parse(e.payload) as { correctsEventId?: number }).correctsEventId ?? null) : null;
    const undone = later.find((e) => corrects(e) === ev.id);
    if (undone) throw conflict(`${itemLabel(item)}：第 ${ev.seq} 号「${label}」已被第 ${undone.seq} 号记录撤销，不能重复撤销`);
    // A later move that was itself undone cancels out with its correction (undo works like a stack).
    const laterIds = new Set(later.map((e) => e.id));
    const cancelled = new Set(later.map(corrects).filter((id): id is number => id !== null && laterIds.has(id)));
    const blocker = later.find((e) => changesLocation(e) && !cancelled.has(e.id) && !cancelled.has(corrects(e) ?? -1));
    if (blocker || item.location_id !== ev.location_to_id) {
      const what = blocker ? `其后已有第 ${blocker.seq} 号「${EVENT_TYPE_LABELS[blocker.type as EventType] ?? blocker.type}」记录` : '当前库位已变化';
      throw conflict(`${itemLabel(item)}：${what}，只能撤销该物品最近一次上架或移位`);
    }
    const check = checkTransition(item.status as ItemStatus, ev.type as EventType);
    if (!check.ok) throw conflict(`${itemLabel(item)}：${check.message.replace(/「[^」]+」$/, `撤销「${label}」`)}`);
    if (ev.location_from_id !== null) {
      const prev = await ctx.db.selectFrom('locations').select(['code', 'name', 'active']).where('id', '=', ev.location_from_id).executeTakeFirstOrThrow();
      if (!prev.active) throw conflict(`${itemLabel(item)}：原库位「${prev.code}」（${prev.name}）已停用，不能恢复，请扫描新的库位移位`);
    }
    const row = await applyLocationCorrection(ctx, item, ev);
    return { eventId: row.id, item: (await getItemDto(ctx, { id: item.id }))! };
  },
};
