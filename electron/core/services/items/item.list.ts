/**
 * item.list: keyset pages (newest first, `id < before`), never OFFSET, and a total that is exact when at most
 * COUNT_CAP rows match, otherwise an estimate (every item, or a custodian's store) or a lower bound (「1000+」).
 * A text query reads its candidates from the search indexes a window at a time, in id order, and keeps those that
 * pass the other filters; it never counts every hit.
 */
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Ctx } from '../../context';
import { MAX_ID, itemSearchCandidates, itemSearchExact } from '../../db/dialect';
import { seesAllCustody, storeItemEstimate, storeItemIds } from '../../access/visibility';
import type { ItemDto, ListTotal, itemContract } from '../../../../shared/api/item.contract';
import { applyItemFilter, itemBaseQuery, selectItemColumns, toItemDtos, type ItemListFilter } from './item.repository';

type Input = z.output<(typeof itemContract)['item.list']['input']>;
type Output = { total: ListTotal | null; next: number | null; rows: ItemDto[] };

/** Counted exactly up to this many rows. */
export const COUNT_CAP = 1000;
/** Search candidates read per round, and rounds per page at most (a page may then come back short, with a cursor). */
const WINDOW = 500;
const MAX_WINDOWS = 8;

const hasFilter = (f: ItemListFilter) =>
  Object.entries(f).some(([k, v]) => k !== 'q' && v !== undefined && !(Array.isArray(v) && v.length === 0));

export async function listItems(ctx: Ctx, input: Input): Promise<Output> {
  const { before, limit, q: text, ...rest } = input;
  const filter: ItemListFilter = rest;
  const cursor = before ?? MAX_ID;
  const filtered = () => applyItemFilter(ctx, itemBaseQuery(ctx), filter);

  if (!text) {
    // A custodian's unfiltered list: two index ranges (their store's ids, items not yet received), not a walk of
    // every item checking each one's store. With a filter, the filter's index drives and the scope is probed per row.
    const own = hasFilter(filter) ? undefined : storeItemIds(ctx.user, cursor, limit + 1);
    const page0 = own ? filtered().where(sql<boolean>`i.id IN (${own})`) : filtered();
    const rows = await selectItemColumns(page0).where('i.id', '<', cursor).orderBy('i.id', 'desc').limit(limit + 1).execute();
    const page = rows.slice(0, limit);
    return {
      rows: await toItemDtos(ctx, page),
      next: rows.length > limit ? page[page.length - 1]!.id : null,
      total: before ? null : await plainTotal(ctx, filter),
    };
  }

  const exact = itemSearchExact(ctx.dialect, text);
  const out: Awaited<ReturnType<ReturnType<typeof selectItemColumns>['execute']>> = [];
  let scanBefore = cursor;
  let next: number | null = null;
  let exhausted = false;
  for (let w = 0; w < MAX_WINDOWS; w++) {
    const cands = itemSearchCandidates(ctx.dialect, text, scanBefore, WINDOW);
    const ids = cands ? (await cands.execute(ctx.db)).rows.map((r) => Number((r as unknown as { id: number }).id)) : [];
    if (ids.length === 0) {
      exhausted = true;
      break;
    }
    const need = limit - out.length;
    const rows = await selectItemColumns(filtered()).where('i.id', 'in', ids).where(exact).orderBy('i.id', 'desc').limit(need + 1).execute();
    out.push(...rows.slice(0, need));
    if (rows.length > need) {
      next = out[out.length - 1]!.id;
      break;
    }
    scanBefore = ids[ids.length - 1]!;
    if (ids.length < WINDOW) {
      exhausted = true;
      break;
    }
    next = scanBefore;
    if (out.length === limit) break;
  }
  if (exhausted) next = null;
  let total: ListTotal | null = null;
  if (!before) total = exhausted ? { n: out.length, kind: 'exact' } : await searchTotal(ctx, filter, text);
  return { rows: await toItemDtos(ctx, out), next, total };
}

async function cappedCount(ctx: Ctx, q: ReturnType<typeof itemBaseQuery>): Promise<number> {
  const r = await ctx.db
    .selectFrom(q.select('i.id').limit(COUNT_CAP + 1).as('x'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** No text query: exact up to COUNT_CAP; the whole store (nothing filtered) is estimated from its highest id. */
async function plainTotal(ctx: Ctx, filter: ItemListFilter): Promise<ListTotal> {
  const own = hasFilter(filter) ? undefined : storeItemIds(ctx.user, MAX_ID, COUNT_CAP + 1);
  const counted = applyItemFilter(ctx, itemBaseQuery(ctx), filter).where('i.id', '<', MAX_ID);
  const n = await cappedCount(ctx, own ? counted.where(sql<boolean>`i.id IN (${own})`) : counted);
  if (n <= COUNT_CAP) return { n, kind: 'exact' };
  if (!hasFilter(filter) && seesAllCustody(ctx.user)) {
    // A store-bound custodian: their store's share, from its own index range (not every store's highest id).
    const mine = await storeItemEstimate(ctx, COUNT_CAP);
    if (mine !== undefined) return { n: Math.max(mine, COUNT_CAP + 1), kind: 'about' };
    // Items are never deleted, so the highest id is close to the count (ids lost to rolled-back inserts aside).
    const max = await ctx.db.selectFrom('items').select((eb) => eb.fn.max<number>('id').as('m')).executeTakeFirstOrThrow();
    return { n: Number(max.m ?? n), kind: 'about' };
  }
  return { n: COUNT_CAP, kind: 'atLeast' };
}

/** A text query with more hits than one page: the matches among the first COUNT_CAP + 1 candidates. */
async function searchTotal(ctx: Ctx, filter: ItemListFilter, text: string): Promise<ListTotal> {
  const cands = itemSearchCandidates(ctx.dialect, text, MAX_ID, COUNT_CAP + 1);
  if (!cands) return { n: 0, kind: 'exact' };
  const seen = await ctx.db.selectFrom(sql`(${cands})`.as('c')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const q = applyItemFilter(ctx, itemBaseQuery(ctx), filter)
    .where(sql<boolean>`i.id IN (${cands})`)
    .where(itemSearchExact(ctx.dialect, text));
  const n = await cappedCount(ctx, q);
  return Number(seen.n) <= COUNT_CAP ? { n, kind: 'exact' } : { n: Math.min(n, COUNT_CAP), kind: 'atLeast' };
}
