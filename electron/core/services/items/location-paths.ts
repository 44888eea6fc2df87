/**
 * "A 库房 / B 区 / 03 架" for just the locations a result needs: one recursive query up their parent chains, so the
 * cost follows the rows shown, not the number of locations in the store (thousands of bins).
 */
import { sql } from 'kysely';
import type { Ctx } from '../../context';

export async function locationPathsFor(ctx: Pick<Ctx, 'db'>, ids: Iterable<number | null>): Promise<Map<number, string>> {
  const want = [...new Set([...ids].filter((x): x is number => x !== null))];
  const out = new Map<number, string>();
  if (want.length === 0) return out;
  const rows: { start: number; name: string; depth: number }[] = [];
  for (let i = 0; i < want.length; i += 500) {
    const part = await sql<{ start: number; name: string; depth: number }>`
    WITH RECURSIVE up (start, id, parent_id, name, depth) AS (
      SELECT id, id, parent_id, name, 0 FROM locations WHERE id IN (${sql.join(want.slice(i, i + 500))})
      UNION ALL
      SELECT up.start, l.id, l.parent_id, l.name, up.depth + 1 FROM locations l JOIN up ON l.id = up.parent_id WHERE up.depth < 10
    )
    SELECT start, name, depth FROM up ORDER BY start, depth DESC`.execute(ctx.db);
    rows.push(...part.rows);
  }
  const names = new Map<number, string[]>();
  for (const r of rows) {
    const list = names.get(r.start) ?? [];
    list.push(r.name);
    names.set(r.start, list);
  }
  for (const [id, list] of names) out.set(id, list.join(' / '));
  return out;
}
