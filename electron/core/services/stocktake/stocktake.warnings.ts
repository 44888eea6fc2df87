/**
 * Home-page warnings: a store with no full count (scope = the whole store) closed in the last 12 months, and a store
 * whose custodian was (re)assigned after its last full count. Assignments are known from migration 0010 on.
 */
import type { Ctx } from '../../context';
import type { StoreWarning } from '../../../../shared/api/stocktake.contract';
import { localDay } from '../custody/custody.lookup';
import { worksInStore } from '../stores/store.rules';

export async function storeWarnings(ctx: Ctx): Promise<StoreWarning[]> {
  let q = ctx.db.selectFrom('locations').select(['id', 'name']).where('kind', '=', 'store').where('active', '=', 1);
  if (worksInStore(ctx.user)) q = q.where('id', '=', ctx.user.storeId ?? -1);
  else if (!ctx.user.roles.includes('inspector') && !ctx.user.roles.includes('admin')) return [];
  const stores = await q.orderBy('code').execute();
  if (stores.length === 0) return [];
  const ids = stores.map((s) => s.id);
  const last = await ctx.db
    .selectFrom('stocktakes')
    .select(['store_id', (eb) => eb.fn.max('closed_at').as('at')])
    .where('status', '=', 'CLOSED')
    .whereRef('scope_location_id', '=', 'store_id')
    .where('store_id', 'in', ids)
    .groupBy('store_id')
    .execute();
  const assigned = await ctx.db
    .selectFrom('custodian_assignments as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.store_id', 'a.assigned_at', 'u.display_name'])
    .where('a.store_id', 'in', ids)
    .orderBy('a.assigned_at', 'desc')
    .execute();
  const lastAt = new Map(last.map((l) => [l.store_id, l.at as string | null]));
  const yearAgo = new Date(new Date(ctx.now).getTime() - 365 * 86400_000).toISOString();
  const out: StoreWarning[] = [];
  for (const s of stores) {
    const at = lastAt.get(s.id) ?? null;
    if (!at || at < yearAgo) {
      out.push({ storeId: s.id, storeName: s.name, kind: 'NOT_COUNTED', message: at ? `「${s.name}」上次全库盘点在 ${localDay(at)}，已超过 12 个月，请安排盘点` : `「${s.name}」尚无全库盘点记录，请安排盘点（每年至少一次）` });
    }
    const change = assigned.find((a) => a.store_id === s.id);
    if (change && (!at || change.assigned_at > at)) {
      out.push({ storeId: s.id, storeName: s.name, kind: 'CUSTODIAN_CHANGED', message: `「${s.name}」保管员于 ${localDay(change.assigned_at)} 变更（${change.display_name}），此后尚未全库盘点，请盘点交接` });
    }
  }
  return out;
}
