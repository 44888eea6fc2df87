/**
 * The dashboard's stock figures from item_counts (0022, kept by triggers on items) instead of grouping the items
 * table: a few hundred rows at any size. Only for readers who see every item (itemScope null); the counts carry no
 * visibility, so scoped readers keep the direct query.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../context';

type Row = { key: string; n: number };
export type StockCounts = { byStatus: Row[]; byCategory: Row[]; byAgency: Array<Row & { name: string }>; value: Array<{ category: string; v: number }> };

const num = (v: unknown) => Number(v ?? 0);

export async function stockFromCounts(ctx: Pick<Ctx, 'db'>, gone: readonly string[]): Promise<StockCounts> {
  const held = ctx.db.selectFrom('item_counts as c').where('c.status', 'not in', [...gone]);
  const total = sql<number>`SUM(c.n)`;
  // 在管物品: final states (returned, disposed, lost) are left out of every figure, the status chart included.
  const byStatus = await held
    .select(['c.status', total.as('n')])
    .groupBy('c.status')
    .having(total, '>', 0)
    .orderBy('c.status')
    .execute();
  const byCategory = await held.select(['c.category', total.as('n')]).groupBy('c.category').having(total, '>', 0).orderBy('c.category').execute();
  const byAgency = await held
    .innerJoin('agencies as a', 'a.id', 'c.holding_agency_id')
    .select(['a.id', 'a.name', total.as('n')])
    .groupBy(['a.id', 'a.name'])
    .having(total, '>', 0)
    .orderBy('a.id')
    .execute();
  const value = await held
    .where('c.category', 'in', ['cash', 'valuables'])
    .select(['c.category', sql<number>`SUM(c.value_fen)`.as('fen')])
    .groupBy('c.category')
    .execute();
  return {
    byStatus: byStatus.map((r) => ({ key: r.status, n: num(r.n) })),
    byCategory: byCategory.map((r) => ({ key: r.category, n: num(r.n) })),
    byAgency: byAgency.map((r) => ({ key: String(r.id), name: r.name, n: num(r.n) })),
    value: value.map((r) => ({ category: r.category, v: num(r.fen) / 100 })),
  };
}
