/** Keyset pages (newest first, `id < before`) and totals that never count past COUNT_CAP rows, for any list. */
import type { SelectQueryBuilder } from 'kysely';
import type { Ctx } from '../../context';
import type { ListTotal } from '../../../../shared/api/item.contract';
import { MAX_ID } from '../../db/dialect';

/** Counted exactly up to this many rows; beyond, a list says 「约 N」 (whole table) or 「1000+」. */
export const COUNT_CAP = 1000;

/**
 * The exact count when at most COUNT_CAP rows match; otherwise `about` the table's highest id when nothing narrows
 * the list (rows are never deleted), else a lower bound. `q` must select from the table aliased as `t`, filtered.
 */
export async function cappedTotal(
  ctx: Pick<Ctx, 'db'>,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  q: SelectQueryBuilder<any, any, any>,
  idColumn: string,
  whole: { table: 'items' | 'cases' | 'requests' } | null,
): Promise<ListTotal> {
  const sub = q.clearSelect().select(`${idColumn} as cid`).where(idColumn, '<', MAX_ID).limit(COUNT_CAP + 1).as('capped');
  const r = await ctx.db.selectFrom(sub).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const n = Number(r.n);
  if (n <= COUNT_CAP) return { n, kind: 'exact' };
  if (whole) {
    const max = await ctx.db.selectFrom(whole.table).select((eb) => eb.fn.max<number>('id').as('m')).executeTakeFirstOrThrow();
    return { n: Number(max.m ?? n), kind: 'about' };
  }
  return { n: COUNT_CAP, kind: 'atLeast' };
}

/** The rows of one page (fetch limit + 1) and the cursor of the next. */
export function pageOf<T extends { id: number }>(rows: T[], limit: number): { rows: T[]; next: number | null } {
  const page = rows.slice(0, limit);
  return { rows: page, next: rows.length > limit ? page[page.length - 1]!.id : null };
}
