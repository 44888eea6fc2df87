/**
 * Who may read what: the one rule, applied by every read in core.
 * - Inspectors (read-only supervision) see every item, case and request.
 * - Custodians see the items of their store (保管中心 or 分库): those it has or has had, and items not yet received
 *   anywhere; they see every case and request, but a request's items only as far as they see them.
 * - Case officers and approvers see the cases their agency hosts or has hosted (or whose items it holds or held),
 *   the items their agency holds or has held, and the requests their agency sent or that are addressed to it.
 * - Anyone else (the admin) sees no custody records.
 * What a user may not see answers as if it did not exist, so its existence does not leak.
 * Owners' and claimants' ID numbers show only to the agency holding the item and to inspectors.
 */
import { sql, type ExpressionBuilder } from 'kysely';
import type { Ctx, SessionUser } from '../context';
import type { Database } from '../db/schema';
import { AppError } from '../errors';
import { fixedQuery } from '../db/prepared';

type Reader = Pick<Ctx, 'db' | 'user'>;

export const seesAllCustody = (u: SessionUser) => u.roles.includes('custodian') || u.roles.includes('inspector');
const storeScoped = (u: SessionUser) => u.roles.includes('custodian') && !u.roles.includes('inspector');
const agencyScoped = (u: SessionUser) => u.roles.includes('case_officer') || u.roles.includes('approver');

export const notVisible = (what: string) => new AppError('NOT_FOUND', `${what}未找到或无权查看`);

/** A where-clause for a query over `items as i`; undefined when the user sees every item. */
export function itemScope(u: SessionUser) {
  if (storeScoped(u)) {
    const storeId = u.storeId ?? -1;
    return (eb: ExpressionBuilder<Database & { i: Database['items'] }, 'i'>) =>
      eb.or([
        eb('i.store_id', 'is', null),
        eb.exists(eb.selectFrom('item_stores as st').select('st.item_id').whereRef('st.item_id', '=', 'i.id').where('st.store_id', '=', storeId)),
      ]);
  }
  if (seesAllCustody(u)) return undefined;
  const agencyId = agencyScoped(u) ? u.agencyId : -1;
  return (eb: ExpressionBuilder<Database & { i: Database['items'] }, 'i'>) =>
    eb.exists(eb.selectFrom('item_holders as ih').select('ih.item_id').whereRef('ih.item_id', '=', 'i.id').where('ih.agency_id', '=', agencyId));
}

/**
 * A custodian's items below `before`, newest first, at most `limit` from each half, as one UNION of two index
 * ranges: the ids their store has had (item_stores_store) and those not yet received anywhere (items_store). Other
 * stores' items are never walked, however many there are. Undefined for everyone else (itemScope applies as is).
 * The newest `limit` of the union are exactly the newest `limit` items itemScope admits.
 */
export function storeItemIds(u: SessionUser, before: number, limit: number) {
  if (!storeScoped(u)) return undefined;
  const storeId = u.storeId ?? -1;
  return sql<{ id: number }>`SELECT kept.id FROM (SELECT st.item_id AS id FROM item_stores st WHERE st.store_id = ${storeId} AND st.item_id < ${before}
      ORDER BY st.item_id DESC LIMIT ${limit}) kept
    UNION SELECT waiting.id FROM (SELECT n.id FROM items n WHERE n.store_id IS NULL AND n.id < ${before} ORDER BY n.id DESC LIMIT ${limit}) waiting`;
}

/**
 * About how many items a store-bound custodian sees (their store's items plus those not yet received anywhere), for
 * the 「约 N 件」 of an unfiltered list; undefined for everyone else. No walk of either part: per part three index
 * seeks (item_stores_store for the store, items_store for items not yet received) give its highest and lowest id and
 * the id `k` places below the highest; the density of the newest `k` ids is taken for the whole id range. A part of
 * at most `k` ids is counted exactly (a walk of at most k + 1 index entries, as the capped count does).
 */
export async function storeItemEstimate(ctx: Pick<Ctx, 'db' | 'dialect' | 'user'>, k: number): Promise<number | undefined> {
  if (!storeScoped(ctx.user)) return undefined;
  const storeId = ctx.user.storeId ?? -1;
  type Row = Record<'hi' | 'lo' | 'kth' | 'whi' | 'wlo' | 'wkth', number | null> & Record<'n' | 'wn', number | string>;
  const [r] = await fixedQuery<Row>(ctx.db, ctx.dialect, STORE_ESTIMATE, [storeId, k + 1, storeId, storeId, storeId, k, k + 1, k]);
  return r ? rangeEstimate(r.n, r.hi, r.lo, r.kth, k) + rangeEstimate(r.wn, r.whi, r.wlo, r.wkth, k) : 0;
}

/** `n` ids counted up to k + 1; the highest, the lowest and the one k places below the highest: about how many. */
function rangeEstimate(n: number | string, hi: number | null, lo: number | null, kth: number | null, k: number): number {
  if (Number(n) <= k || hi === null || lo === null || kth === null) return Number(n);
  return Math.round(k + 1 + ((Number(kth) - Number(lo)) * k) / (Number(hi) - Number(kth)));
}

const STORE_ESTIMATE = `SELECT
  (SELECT count(*) FROM (SELECT item_id FROM item_stores WHERE store_id = ? LIMIT ?) s) AS n,
  (SELECT item_id FROM item_stores WHERE store_id = ? ORDER BY item_id DESC LIMIT 1) AS hi,
  (SELECT item_id FROM item_stores WHERE store_id = ? ORDER BY item_id ASC LIMIT 1) AS lo,
  (SELECT item_id FROM item_stores WHERE store_id = ? ORDER BY item_id DESC LIMIT 1 OFFSET ?) AS kth,
  (SELECT count(*) FROM (SELECT id FROM items WHERE store_id IS NULL LIMIT ?) w) AS wn,
  (SELECT id FROM items WHERE store_id IS NULL ORDER BY id DESC LIMIT 1) AS whi,
  (SELECT id FROM items WHERE store_id IS NULL ORDER BY id ASC LIMIT 1) AS wlo,
  (SELECT id FROM items WHERE store_id IS NULL ORDER BY id DESC LIMIT 1 OFFSET ?) AS wkth`;

/**
 * What a custodian's alerts concern: the items their store keeps now, and those not yet received anywhere.
 * A where-clause over `items as i`; undefined for everyone else (their alerts follow the agency rule).
 */
export function storeNowScope(u: SessionUser) {
  if (!storeScoped(u)) return undefined;
  const storeId = u.storeId ?? -1;
  return (eb: ExpressionBuilder<Database & { i: Database['items'] }, 'i'>) => eb.or([eb('i.store_id', '=', storeId), eb('i.store_id', 'is', null)]);
}

/** A where-clause for a query over `cases as c`; undefined when the user sees every case. */
export function caseScope(u: SessionUser) {
  if (seesAllCustody(u)) return undefined;
  const agencyId = agencyScoped(u) ? u.agencyId : -1;
  return (eb: ExpressionBuilder<Database & { c: Database['cases'] }, 'c'>) =>
    eb.exists(eb.selectFrom('case_holders as ch').select('ch.case_id').whereRef('ch.case_id', '=', 'c.id').where('ch.agency_id', '=', agencyId));
}

export async function canSeeItem(ctx: Reader, itemId: number): Promise<boolean> {
  if (storeScoped(ctx.user)) {
    const item = await ctx.db.selectFrom('items').select('store_id').where('id', '=', itemId).executeTakeFirst();
    if (!item) return false;
    if (item.store_id === null) return true;
    const had = await ctx.db.selectFrom('item_stores').select('item_id').where('item_id', '=', itemId).where('store_id', '=', ctx.user.storeId ?? -1).executeTakeFirst();
    return had !== undefined;
  }
  if (seesAllCustody(ctx.user)) return true;
  if (!agencyScoped(ctx.user)) return false;
  const row = await ctx.db.selectFrom('item_holders').select('item_id').where('item_id', '=', itemId).where('agency_id', '=', ctx.user.agencyId).executeTakeFirst();
  return row !== undefined;
}

/**
 * canSeeItem for a row already read (the scan's hot path): the same rule, with no query when the row decides it.
 * An item in the custodian's store now, or held by the user's agency now, is one their store has had or their agency
 * has held; otherwise the history tables answer, as in canSeeItem.
 */
export async function canSeeItemRow(ctx: Reader, row: { id: number; storeId: number | null; holdingAgencyId: number }): Promise<boolean> {
  if (storeScoped(ctx.user)) {
    if (row.storeId === null || row.storeId === ctx.user.storeId) return true;
    const had = await ctx.db.selectFrom('item_stores').select('item_id').where('item_id', '=', row.id).where('store_id', '=', ctx.user.storeId ?? -1).executeTakeFirst();
    return had !== undefined;
  }
  if (seesAllCustody(ctx.user)) return true;
  if (!agencyScoped(ctx.user)) return false;
  if (row.holdingAgencyId === ctx.user.agencyId) return true;
  return canSeeItem(ctx, row.id);
}

export async function assertItemVisible(ctx: Reader, itemId: number): Promise<void> {
  if (!(await canSeeItem(ctx, itemId))) throw notVisible('物品');
}

export async function canSeeCase(ctx: Reader, caseId: number): Promise<boolean> {
  if (seesAllCustody(ctx.user)) return true;
  if (!agencyScoped(ctx.user)) return false;
  const row = await ctx.db.selectFrom('case_holders').select('case_id').where('case_id', '=', caseId).where('agency_id', '=', ctx.user.agencyId).executeTakeFirst();
  return row !== undefined;
}

export async function assertCaseVisible(ctx: Reader, caseId: number): Promise<void> {
  if (!(await canSeeCase(ctx, caseId))) throw notVisible('案件');
}

/**
 * Requests of a store's items, for a custodian: a where-clause over `requests` (undefined for everyone else, whose
 * requests follow canSeeRequest). A request concerns a store when one of its items is, or was, kept there, or has
 * not been received anywhere yet.
 */
export function requestStoreScope(u: SessionUser) {
  if (!storeScoped(u)) return undefined;
  const storeId = u.storeId ?? -1;
  return (eb: ExpressionBuilder<Database, 'requests'>) =>
    eb.exists(
      eb
        .selectFrom('request_items as sri')
        .innerJoin('items as si', 'si.id', 'sri.item_id')
        .select('sri.item_id')
        .whereRef('sri.request_id', '=', 'requests.id')
        .where((w) =>
          w.or([
            w('si.store_id', 'is', null),
            w.exists(w.selectFrom('item_stores as sst').select('sst.item_id').whereRef('sst.item_id', '=', 'si.id').where('sst.store_id', '=', storeId)),
          ]),
        ),
    );
}

/** The store check of one request, for a custodian (see requestStoreScope). */
export async function requestInUsersStore(ctx: Reader, requestId: number): Promise<boolean> {
  const scope = requestStoreScope(ctx.user);
  if (!scope) return true;
  const row = await ctx.db.selectFrom('requests').select('id').where('id', '=', requestId).where(scope).executeTakeFirst();
  return row !== undefined;
}

/** Requests: custodians and inspectors all (custodians within their store, see requestStoreScope); others those their agency sent or that are addressed to it. */
export function canSeeRequest(u: SessionUser, r: { from_agency_id: number; to_agency_id: number | null }): boolean {
  if (seesAllCustody(u)) return true;
  return agencyScoped(u) && (r.from_agency_id === u.agencyId || r.to_agency_id === u.agencyId);
}

/** Whether the user may read full ID numbers of an item's owner or claimant. */
export const seesIdNumbers = (u: SessionUser, holdingAgencyId: number) => u.roles.includes('inspector') || (agencyScoped(u) && u.agencyId === holdingAgencyId);

/** 371602199001011234 → 3716**********1234: the region and the last four stay readable. */
export function maskIdNo(idNo: string | null): string | null {
  if (!idNo) return idNo;
  if (idNo.length <= 8) return '*'.repeat(idNo.length);
  return idNo.slice(0, 4) + '*'.repeat(idNo.length - 8) + idNo.slice(-4);
}

/** Records that `agencyId` now holds the item (and so has held its case); idempotent. */
export async function recordHolder(ctx: Pick<Ctx, 'db'>, itemId: number, caseId: number, agencyId: number): Promise<void> {
  await ctx.db.insertInto('item_holders').values({ item_id: itemId, agency_id: agencyId }).onConflict((oc) => oc.doNothing()).execute();
  await recordCaseHolder(ctx, caseId, agencyId);
}

export async function recordCaseHolder(ctx: Pick<Ctx, 'db'>, caseId: number, agencyId: number): Promise<void> {
  await ctx.db.insertInto('case_holders').values({ case_id: caseId, agency_id: agencyId }).onConflict((oc) => oc.doNothing()).execute();
}
