/**
 * 拆分 (partial quantities). A lot on a shelf gives part of its quantity — for cash, of its amount — to new items
 * with their own codes (`<lot code>-<n>`), linked by parent_item_id. The lot keeps the remainder, so the parts and
 * the remainder add up to the lot exactly and the lot is never split to nothing. The lot's SPLIT event and each new
 * item's SPLIT_CREATED event name each other; the new items start where the lot is (same shelf, store, holder).
 */
import type { Ctx } from '../../context';
import type { ItemRow } from '../../db/schema';
import { canSeeItem, notVisible } from '../../access/visibility';
import { checkTransition } from '../../../../shared/domain/item-state';
import type { ItemStatus } from '../../../../shared/domain/enums';
import { toFen, toMilli } from '../../../../shared/domain/lots';
import { indexItemsForSearchAfter } from '../../db/dialect';
import { appendEvents } from '../../ledger/ledger.append';
import { badInput, conflict, forbidden } from '../../errors';
import { applyItemEvent, loadItem } from '../custody/custody';
import { itemLabel } from '../custody/custody.lookup';
import { worksInStore } from '../stores/store.rules';
import { assertNoOpenRequest, holdingAgencyName } from '../common/item.guards';

type Measure = { cash: boolean; total: number; unit: string; scale: (v: number) => number; show: (v: number) => string };

/** A cash lot splits by amount (fen), anything else by quantity (thousandths). */
function measureOf(item: ItemRow): Measure {
  if (item.category === 'cash' && item.cash_amount !== null) {
    const total = Number(item.cash_amount);
    return { cash: true, total, unit: '元', scale: toFen, show: (v) => `${(v / 100).toFixed(2)} 元` };
  }
  return { cash: false, total: Number(item.quantity), unit: item.unit, scale: toMilli, show: (v) => `${v / 1000}${item.unit}` };
}

/** Who may split: a case officer of the holding agency, or a custodian of the store that keeps the lot. */
async function assertMaySplit(ctx: Ctx, item: ItemRow): Promise<void> {
  const officer = ctx.user.roles.includes('case_officer') && item.holding_agency_id === ctx.user.agencyId;
  const custodian = worksInStore(ctx.user) && item.store_id !== null && item.store_id === ctx.user.storeId;
  if (officer || custodian) return;
  throw forbidden(`${itemLabel(item)}由${await holdingAgencyName(ctx, item)}持有：只有该单位的办案人员或保管该物品的库的保管员可以拆分`);
}

/** Splits `parts` off the lot in the caller's transaction; returns the new item ids in part order. */
export async function splitItem(ctx: Ctx, itemId: number, parts: readonly number[], note?: string): Promise<number[]> {
  if (!(await canSeeItem(ctx, itemId))) throw notVisible('物品');
  const item = await loadItem(ctx, itemId);
  await assertMaySplit(ctx, item);
  const check = checkTransition(item.status as ItemStatus, 'SPLIT');
  if (!check.ok) throw conflict(`${itemLabel(item)}：${check.message}（只有在库的物品可以拆分）`);
  await assertNoOpenRequest(ctx, item, '拆分');

  const m = measureOf(item);
  const scaled = parts.map(m.scale);
  if (scaled.some((v) => v <= 0)) throw badInput(`拆出的每一份都必须大于 0（最小单位：${m.cash ? '0.01 元' : `0.001${m.unit}`}）`);
  const total = m.scale(m.total);
  const sum = scaled.reduce((a, b) => a + b, 0);
  const what = m.cash ? '金额' : '数量';
  if (sum >= total) {
    throw badInput(
      sum === total
        ? `拆出合计 ${m.show(sum)}，等于${itemLabel(item)}现有${what} ${m.show(total)}：原物品须保留余数，请少拆一份（余下的部分即原物品）`
        : `拆出合计 ${m.show(sum)}，超过${itemLabel(item)}现有${what} ${m.show(total)}：各份与余数之和必须等于原${what}`,
    );
  }
  const remainder = total - sum;
  const unscale = (v: number) => (m.cash ? v / 100 : v / 1000);
  // The estimated value follows the split in proportion (to the fen); the lot keeps the rest, so it adds up too.
  const value = item.estimated_value === null ? null : toFen(Number(item.estimated_value));
  const partValues = value === null ? scaled.map(() => null) : scaled.map((v) => Math.floor((value * v) / total));
  const valueLeft = value === null ? null : value - partValues.reduce((a: number, b) => a + (b ?? 0), 0);
  // A cash lot counted in 元 (quantity = amount) splits its quantity too; a bundle (1 捆) stays 1 per part.
  const cashQtyFollows = m.cash && Number(item.quantity) === m.total;

  const siblings = await ctx.db.selectFrom('items').select((eb) => eb.fn.countAll<number>().as('n')).where('parent_item_id', '=', item.id).executeTakeFirstOrThrow();
  const first = Number(siblings.n) + 1;
  const planned = scaled.map((v, k) => ({
    code: `${item.code}-${first + k}`,
    quantity: m.cash ? (cashQtyFollows ? unscale(v) : Number(item.quantity)) : unscale(v),
    cash: m.cash ? unscale(v) : null,
    value: partValues[k] === null ? null : partValues[k]! / 100,
  }));
  const { id: _id, code: _code, ...rest } = item;
  const inserted = await ctx.db
    .insertInto('items')
    .values(
      planned.map((p) => ({
        ...rest,
        code: p.code,
        quantity: p.quantity,
        cash_amount: p.cash,
        estimated_value: p.value,
        parent_item_id: item.id,
        created_by: ctx.user.id,
        created_at: ctx.now,
        updated_at: ctx.now,
      })),
    )
    .returning(['id', 'code'])
    .execute();
  const idOf = new Map(inserted.map((r) => [r.code, r.id]));
  const ids = planned.map((p) => idOf.get(p.code)!);
  // The new items share the lot's history of holders and stores, so whoever could follow the lot follows its parts.
  const holders = await ctx.db.selectFrom('item_holders').select('agency_id').where('item_id', '=', item.id).execute();
  const stores = await ctx.db.selectFrom('item_stores').select('store_id').where('item_id', '=', item.id).execute();
  if (holders.length) await ctx.db.insertInto('item_holders').values(ids.flatMap((id) => holders.map((h) => ({ item_id: id, agency_id: h.agency_id })))).execute();
  if (stores.length) await ctx.db.insertInto('item_stores').values(ids.flatMap((id) => stores.map((s) => ({ item_id: id, store_id: s.store_id })))).execute();
  await indexItemsForSearchAfter(ctx.dialect, ctx.db, Math.min(...ids) - 1);

  const left = unscale(remainder);
  const newQuantity = m.cash ? (cashQtyFollows ? left : Number(item.quantity)) : left;
  await ctx.db
    .updateTable('items')
    .set({ quantity: newQuantity, cash_amount: m.cash ? left : item.cash_amount, estimated_value: valueLeft === null ? null : valueLeft / 100, updated_at: ctx.now })
    .where('id', '=', item.id)
    .execute();
  const partList = planned.map((p) => `${p.code}（${m.cash ? `${p.cash} 元` : `${p.quantity}${item.unit}`}）`).join('、');
  await applyItemEvent(ctx, item, {
    type: 'SPLIT',
    note: note ?? `拆分：拆出 ${partList}，原物品余 ${m.show(remainder)}`,
    payload: {
      by: what,
      before: m.total,
      remainder: left,
      quantityTo: newQuantity,
      parts: planned.map((p, k) => ({ itemId: ids[k], code: p.code, quantity: p.quantity, cashAmount: p.cash, estimatedValue: p.value })),
    },
  });
  await appendEvents(
    ctx,
    planned.map((p, k) => ({
      type: 'SPLIT_CREATED' as const,
      itemId: ids[k]!,
      caseId: item.case_id,
      agencyToId: item.holding_agency_id,
      locationToId: item.location_id,
      note: `由 ${item.code}（${item.name}）拆出 ${m.cash ? `${p.cash} 元` : `${p.quantity}${item.unit}`}`,
      payload: { parentItemId: item.id, parentCode: item.code, quantity: p.quantity, cashAmount: p.cash, estimatedValue: p.value, statusTo: item.status },
    })),
  );
  return ids;
}
