/**
 * 跨库调拨: goods move from one store to another. The sending custodian scans them out (PHYSICAL_TRANSFER_OUT:
 * the item is in transit and now belongs to the receiving store); the receiving custodian scans a location, then
 * each item in (PHYSICAL_TRANSFER_IN). The holding agency does not change: only where the goods are kept.
 */
import type { HandlerMap } from '../../api/handler-types';
import type { Ctx } from '../../context';
import type { ItemRow } from '../../db/schema';
import type { StoreTransferDto, StoreTransferSummary } from '../../../../shared/api/store.contract';
import { AppError, badInput, conflict } from '../../errors';
import { openRequestNos } from '../common/item.guards';
import { applyItemEvent } from '../custody/custody';
import { itemLabel } from '../custody/custody.lookup';
import { storageLocation } from '../custody/putaway.service';
import { getItemDtos } from '../items/item.repository';
import { localYear, nextSequence, pad } from '../common/sequence';
import { printStoreTransfer } from './store-transfer.document';
import { storeName, worksInStore } from './store.rules';

const notVisible = () => new AppError('NOT_FOUND', '跨库调拨单未找到或无权查看');

function ownStore(ctx: Ctx): number {
  if (!worksInStore(ctx.user) || ctx.user.storeId === null) throw conflict('您的账号未指定所在的保管中心或分库，请联系管理员');
  return ctx.user.storeId;
}

async function summaries(ctx: Ctx, ids: number[]): Promise<StoreTransferSummary[]> {
  if (ids.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('store_transfers as t')
    .innerJoin('locations as f', 'f.id', 't.from_store_id')
    .innerJoin('locations as d', 'd.id', 't.to_store_id')
    .innerJoin('users as c', 'c.id', 't.created_by')
    .leftJoin('users as r', 'r.id', 't.received_by')
    .selectAll('t')
    .select(['f.name as from_name', 'd.name as to_name', 'c.display_name as created_by_name', 'r.display_name as received_by_name'])
    .where('t.id', 'in', ids)
    .orderBy('t.id', 'desc')
    .execute();
  const counts = await ctx.db
    .selectFrom('store_transfer_items')
    .select(['transfer_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('received').as('got')])
    .where('transfer_id', 'in', ids)
    .groupBy('transfer_id')
    .execute();
  const countOf = new Map(counts.map((c) => [c.transfer_id, c]));
  return rows.map((t) => ({
    id: t.id,
    transferNo: t.transfer_no,
    fromStoreId: t.from_store_id,
    fromStoreName: t.from_name,
    toStoreId: t.to_store_id,
    toStoreName: t.to_name,
    status: t.status as StoreTransferSummary['status'],
    note: t.note,
    createdByName: t.created_by_name,
    createdAt: t.created_at,
    receivedByName: t.received_by_name,
    receivedAt: t.received_at,
    itemCount: Number(countOf.get(t.id)?.n ?? 0),
    receivedCount: Number(countOf.get(t.id)?.got ?? 0),
  }));
}

/** Custodians of the sending or the receiving store see a transfer; nobody else does. */
export async function transferDto(ctx: Ctx, id: number): Promise<StoreTransferDto> {
  const [s] = await summaries(ctx, [id]);
  const mine = ctx.user.storeId;
  if (!s || !worksInStore(ctx.user) || (s.fromStoreId !== mine && s.toStoreId !== mine)) throw notVisible();
  const links = await ctx.db.selectFrom('store_transfer_items').select(['item_id', 'received']).where('transfer_id', '=', id).execute();
  const got = new Map(links.map((l) => [l.item_id, l.received === 1]));
  const items = await getItemDtos(ctx, links.map((l) => l.item_id));
  return { ...s, items: items.map((it) => ({ ...it, received: got.get(it.id) ?? false })), canReceive: s.status === 'IN_TRANSIT' && s.toStoreId === mine };
}

async function dispatchItems(ctx: Ctx, toStoreId: number, codes: string[]): Promise<ItemRow[]> {
  const from = ownStore(ctx);
  const dest = await ctx.db.selectFrom('locations').select(['kind', 'name', 'active']).where('id', '=', toStoreId).executeTakeFirst();
  if (!dest || dest.kind !== 'store') throw badInput('调入的保管中心/分库不存在');
  if (!dest.active) throw conflict(`「${dest.name}」已停用，不能调入`);
  if (toStoreId === from) throw badInput('调入的保管场所与本库相同，无需调拨；库内移位请使用「上架/移位」');
  const dup = codes.find((c, i) => codes.indexOf(c) !== i);
  if (dup) throw badInput(`物品编码「${dup}」重复扫描`);
  const items = await ctx.db.selectFrom('items').selectAll().where('code', 'in', codes).execute();
  const byCode = new Map(items.map((i) => [i.code, i]));
  const openNo = await openRequestNos(ctx, items.map((i) => i.id));
  const problems: string[] = [];
  for (const c of codes) {
    const it = byCode.get(c);
    if (!it) problems.push(`「${c}」不是已登记的物品编码`);
    else if (it.store_id !== from) problems.push(`${itemLabel(it)}：不在本库（${ctx.user.storeName ?? ''}）保管`);
    else if (it.status !== 'IN_STORE') problems.push(`${itemLabel(it)}：当前不在库，不能调拨`);
    else if (openNo.has(it.id)) problems.push(`${itemLabel(it)}：有未办结的申请 ${openNo.get(it.id)}，办结后才能调拨`);
  }
  if (problems.length) throw conflict(`不能调拨：${problems.join('；')}`);
  return codes.map((c) => byCode.get(c)!);
}

export const storeHandlers: HandlerMap<'store.list' | 'storeTransfer.dispatch' | 'storeTransfer.receive' | 'storeTransfer.list' | 'storeTransfer.get' | 'storeTransfer.print'> = {
  'store.list': async (ctx) =>
    (await ctx.db.selectFrom('locations').select(['id', 'code', 'name', 'active']).where('kind', '=', 'store').orderBy('code').execute()).map((s) => ({
      id: s.id,
      code: s.code,
      name: s.name,
      active: s.active === 1,
    })),

  'storeTransfer.dispatch': async (ctx, input) => {
    const items = await dispatchItems(ctx, input.toStoreId, input.itemCodes);
    const from = ownStore(ctx);
    const toName = await storeName(ctx, input.toStoreId);
    const year = localYear(ctx.now);
    const transferNo = `KD-${year}-${pad(await nextSequence(ctx, `store-transfer:${year}`), 6)}`;
    const row = await ctx.db
      .insertInto('store_transfers')
      .values({ transfer_no: transferNo, from_store_id: from, to_store_id: input.toStoreId, status: 'IN_TRANSIT', note: input.note ?? null, created_by: ctx.user.id, created_at: ctx.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const it of items) {
      await ctx.db.insertInto('store_transfer_items').values({ transfer_id: row.id, item_id: it.id, received: 0 }).execute();
      await applyItemEvent(
        ctx,
        it,
        {
          type: 'PHYSICAL_TRANSFER_OUT',
          counterpart: input.escort ?? null,
          note: `跨库调拨出库：${ctx.user.storeName ?? ''} → ${toName}（${transferNo}）${input.note ? `，${input.note}` : ''}`,
          payload: { storeTransferNo: transferNo, fromStoreId: from, toStoreId: input.toStoreId },
        },
        { locationId: null, outWith: `调拨在途：${toName}`, storeId: input.toStoreId },
      );
    }
    return transferDto(ctx, row.id);
  },

  'storeTransfer.receive': async (ctx, { id, locationCode, itemCode, conditionNote }) => {
    const t = await transferDto(ctx, id);
    if (!t.canReceive) throw conflict(t.status === 'RECEIVED' ? `调拨单 ${t.transferNo} 已全部接收` : `调拨单 ${t.transferNo} 不是调入本库的，不能在本库接收`);
    const line = t.items.find((i) => i.code === itemCode);
    if (!line) throw conflict(`「${itemCode}」不在调拨单 ${t.transferNo} 中`);
    if (line.received) throw conflict(`${itemCode}（${line.name}）已接收入库，无需重复扫描`);
    const loc = await storageLocation(ctx, locationCode);
    const item = await ctx.db.selectFrom('items').selectAll().where('id', '=', line.id).executeTakeFirstOrThrow();
    await applyItemEvent(
      ctx,
      item,
      {
        type: 'PHYSICAL_TRANSFER_IN',
        conditionNote: conditionNote ?? '外观完好，封签完整',
        note: `跨库调拨入库：${t.fromStoreName} → ${t.toStoreName}（${t.transferNo}），存放于 ${loc.code}`,
        payload: { storeTransferNo: t.transferNo, fromStoreId: t.fromStoreId, toStoreId: t.toStoreId },
      },
      { locationId: loc.id, outWith: null },
    );
    await ctx.db.updateTable('store_transfer_items').set({ received: 1 }).where('transfer_id', '=', id).where('item_id', '=', item.id).execute();
    if (t.receivedCount + 1 === t.itemCount) {
      await ctx.db.updateTable('store_transfers').set({ status: 'RECEIVED', received_by: ctx.user.id, received_at: ctx.now }).where('id', '=', id).execute();
    }
    return transferDto(ctx, id);
  },

  'storeTransfer.list': async (ctx, { direction, openOnly }) => {
    const mine = ownStore(ctx);
    let q = ctx.db.selectFrom('store_transfers').select('id').where(direction === 'incoming' ? 'to_store_id' : 'from_store_id', '=', mine);
    if (openOnly) q = q.where('status', '=', 'IN_TRANSIT');
    const ids = (await q.orderBy('id', 'desc').limit(200).execute()).map((r) => r.id);
    return summaries(ctx, ids);
  },

  'storeTransfer.get': async (ctx, { id }) => transferDto(ctx, id),

  'storeTransfer.print': async (ctx, { id }) => printStoreTransfer(ctx, await transferDto(ctx, id)),
};
