/**
 * Opening, scanning, pausing and resuming a count. The count lives in the database, so another terminal can resume
 * it. Scope: a location and its subtree (by materialised path); two open counts may not overlap (one path a prefix
 * of the other). The expected list is the snapshot of items in store in the scope when the count opens.
 */
import type { Ctx } from '../../context';
import type { ScanOutcome, ScanResult } from '../../../../shared/api/stocktake.contract';
import { ITEM_STATUS_LABELS } from '../../../../shared/domain/enums';
import type { ItemStatus } from '../../../../shared/domain/enums';
import { subtreeLocationIds } from '../../db/dialect';
import { sql } from 'kysely';
import { badInput, conflict } from '../../errors';
import { canSeeItem } from '../../access/visibility';
import { locationPaths } from '../admin/admin.handlers';
import { localYear, nextSequence, pad } from '../common/sequence';
import { storeName } from '../stores/store.rules';
import { countDto, loadCount, ownStore, summaries } from './stocktake.read';

/** Statuses in which an item is on a shelf of the store. */
export const ON_SHELF = ['IN_STORE', 'PENDING_DISPOSITION'];

export async function openCount(ctx: Ctx, input: { scopeCode: string; blind: boolean; note?: string }) {
  const store = ownStore(ctx);
  const scope = await ctx.db.selectFrom('locations').selectAll().where('code', '=', input.scopeCode).executeTakeFirst();
  if (!scope) throw badInput(`库位编码「${input.scopeCode}」不存在，请扫描库房、区域或货架的标签`);
  if (scope.store_id !== store || scope.path === null) throw conflict(`「${scope.code}」（${scope.name}）不是本库（${ctx.user.storeName ?? ''}）的库位，只能盘点本库`);
  if (!scope.active) throw conflict(`「${scope.code}」（${scope.name}）已停用，不能盘点`);
  const open = await ctx.db.selectFrom('stocktakes').select(['count_no', 'scope_path', 'scope_location_id']).where('store_id', '=', store).where('status', '<>', 'CLOSED').execute();
  const overlap = open.find((o) => o.scope_path.startsWith(scope.path!) || scope.path!.startsWith(o.scope_path));
  if (overlap) {
    const paths = await locationPaths(ctx);
    throw conflict(`盘点范围与未结束的盘点 ${overlap.count_no}（${paths.get(overlap.scope_location_id)?.path ?? ''}）重叠，请先结束该盘点或另选范围`);
  }
  const year = localYear(ctx.now);
  const countNo = `PD-${year}-${pad(await nextSequence(ctx, `stocktake:${year}`), 6)}`;
  const row = await ctx.db
    .insertInto('stocktakes')
    .values({
      count_no: countNo, store_id: store, scope_location_id: scope.id, scope_path: scope.path, blind: input.blind ? 1 : 0, status: 'OPEN', note: input.note ?? null,
      opened_by: ctx.user.id, opened_at: ctx.now, closed_by: null, closed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`INSERT INTO stocktake_expected (stocktake_id, item_id, location_id)
    SELECT ${row.id}, i.id, i.location_id FROM items i
    WHERE i.location_id IN (${subtreeLocationIds(ctx.dialect, scope.id)}) AND i.store_id = ${store} AND i.status IN ('IN_STORE', 'PENDING_DISPOSITION')`.execute(ctx.db);
  return countDto(ctx, row.id);
}

export async function listCounts(ctx: Ctx, openOnly: boolean) {
  let q = ctx.db.selectFrom('stocktakes').selectAll().where('store_id', '=', ownStore(ctx));
  if (openOnly) q = q.where('status', '<>', 'CLOSED');
  return summaries(ctx, await q.orderBy('id', 'desc').limit(200).execute());
}

export async function setPaused(ctx: Ctx, id: number, paused: boolean) {
  const row = await loadCount(ctx, id);
  if (row.status === 'CLOSED') throw conflict(`盘点 ${row.count_no} 已结束`);
  await ctx.db.updateTable('stocktakes').set({ status: paused ? 'PAUSED' : 'OPEN' }).where('id', '=', id).execute();
  return countDto(ctx, id);
}

/** One scan: classifies the code, records it (except location labels), and says what it was in plain Chinese. */
export async function scanInCount(ctx: Ctx, input: { id: number; code: string; locationId?: number }): Promise<ScanOutcome> {
  const count = await loadCount(ctx, input.id);
  if (count.status === 'PAUSED') throw conflict(`盘点 ${count.count_no} 已暂停，请先点「继续盘点」`);
  if (count.status === 'CLOSED') throw conflict(`盘点 ${count.count_no} 已结束，不能再扫描`);
  const paths = await locationPaths(ctx);
  const inScope = (locId: number | null) => locId !== null && (paths.get(locId)?.row.path ?? '').startsWith(count.scope_path);
  const name = (locId: number | null) => (locId ? (paths.get(locId)?.path ?? '') : '');
  const done = async (result: ScanOutcome['result'], message: string, locationId: number | null): Promise<ScanOutcome> => {
    const [s] = await summaries(ctx, [count]);
    return { result, code: input.code, message, locationId, locationName: locationId ? name(locationId) : null, count: s! };
  };

  const loc = [...paths.values()].find((p) => p.row.code === input.code);
  if (loc) {
    if (!inScope(loc.row.id)) throw conflict(`库位「${loc.row.code}」（${loc.path}）不在本次盘点范围内`);
    return done('LOCATION', `当前库位：${loc.path}`, loc.row.id);
  }
  const here = input.locationId !== undefined && inScope(input.locationId) ? input.locationId : null;
  const record = async (result: ScanResult, itemId: number | null, locationId: number | null, detail: string) => {
    await ctx.db
      .insertInto('stocktake_scans')
      .values({ stocktake_id: count.id, code: input.code, item_id: itemId, result, location_id: locationId, detail, scanned_by: ctx.user.id, scanned_at: ctx.now })
      .execute();
    return done(result, detail, here);
  };

  const item = await ctx.db.selectFrom('items').selectAll().where('code', '=', input.code).executeTakeFirst();
  if (!item || !(await canSeeItem(ctx, item.id))) return record('UNKNOWN', null, here, `未知编码「${input.code}」：不是本库可查的物品`);
  const label = `${item.code}（${item.name}）`;
  const seen = await ctx.db.selectFrom('stocktake_scans').select('id').where('stocktake_id', '=', count.id).where('item_id', '=', item.id).where('result', '<>', 'DUPLICATE').executeTakeFirst();
  if (seen) return record('DUPLICATE', item.id, here, `${label} 已扫描过，不重复计数`);
  if (item.store_id !== count.store_id || !ON_SHELF.includes(item.status)) {
    const why = item.store_id !== count.store_id ? `现由「${await storeName(ctx, item.store_id)}」保管` : `状态为「${ITEM_STATUS_LABELS[item.status as ItemStatus]}」${item.out_with ? `（${item.out_with}）` : ''}`;
    return record('NOT_IN_STORE', item.id, here, `${label} 不在本库：${why}`);
  }
  const expected = await ctx.db.selectFrom('stocktake_expected').select('location_id').where('stocktake_id', '=', count.id).where('item_id', '=', item.id).executeTakeFirst();
  if (expected) {
    if (here !== null && here !== expected.location_id) return record('WRONG_LOCATION', item.id, here, `${label} 位置不符：应在 ${name(expected.location_id)}`);
    return record('FOUND', item.id, here ?? expected.location_id, `${label} 已盘到`);
  }
  if (inScope(item.location_id)) {
    // Put away in the scope after the count opened: expected from now on.
    await ctx.db.insertInto('stocktake_expected').values({ stocktake_id: count.id, item_id: item.id, location_id: item.location_id! }).execute();
    return record('FOUND', item.id, here ?? item.location_id, `${label} 已盘到`);
  }
  return record('UNEXPECTED', item.id, here ?? count.scope_location_id, `${label} 账外：登记在 ${item.location_id ? name(item.location_id) : '未上架'}`);
}
