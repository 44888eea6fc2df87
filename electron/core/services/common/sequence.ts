/** Gap-free counters per scope (item codes, request numbers, document serials), inside the caller's transaction. */
import { sql } from 'kysely';
import type { Ctx } from '../../context';

export async function nextSequence(ctx: Pick<Ctx, 'db'>, scope: string): Promise<number> {
  const row = await ctx.db
    .insertInto('sequences')
    .values({ scope, next_value: 2 })
    .onConflict((oc) => oc.column('scope').doUpdateSet({ next_value: sql`sequences.next_value + 1` }))
    .returning('next_value')
    .executeTakeFirstOrThrow();
  return row.next_value - 1;
}

/** China Standard Time (UTC+8) as an ISO-like string: codes and serials carry the local year and day. */
const cst = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString();
export const localYear = (iso: string) => cst(iso).slice(0, 4);

export const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Serial number for a printed document, e.g. RK-20261201-0007. */
export async function nextDocumentSerial(ctx: Pick<Ctx, 'db' | 'now'>, prefix: string): Promise<string> {
  const day = cst(ctx.now).slice(0, 10).replace(/-/g, '');
  return `${prefix}-${day}-${pad(await nextSequence(ctx, `doc:${prefix}:${day}`), 4)}`;
}

/** Reserves `count` consecutive numbers of a scope in one statement; returns the first. */
export async function reserveSequence(ctx: Pick<Ctx, 'db'>, scope: string, count: number): Promise<number> {
  const row = await ctx.db
    .insertInto('sequences')
    .values({ scope, next_value: 1 + count })
    .onConflict((oc) => oc.column('scope').doUpdateSet({ next_value: sql`sequences.next_value + ${count}` }))
    .returning('next_value')
    .executeTakeFirstOrThrow();
  return row.next_value - count;
}
