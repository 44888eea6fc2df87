/**
 * The period figures (events of a type in [from, to)), two ways that must agree:
 * - direct: the ledger joined with items, by event type and time (index events_type_time);
 * - aggregate: report_daily (0019) for the whole Shanghai days inside the period, plus the direct count for the
 *   ragged edges before the first and after the last midnight.
 * Each event counts under the holding agency after it (agency_to_id), and the item's store, category and case type.
 * A filter on the item's current status, or a reader who does not see every item, is answered directly.
 */
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Ctx } from '../../context';
import type { Database } from '../../db/schema';
import type { ReportFilter } from '../../../../shared/api/report.contract';
import { itemScope } from '../../access/visibility';
import { LATE_INTAKE, LATE_INTAKE_HOURS, STOCK_DELTA, shanghaiDayOf, shanghaiMidnight } from '../../ledger/event-aggregate';
import { hoursBetween } from '../../db/dialect';

export type Tally = Map<string, { count: number; value: number }>;
type Db = Database & { i: Database['items']; e: Database['custody_events']; c: Database['cases']; d: Database['report_daily'] };
const num = (v: unknown) => Number(v ?? 0);
const DAY = 86_400_000;

/** Events of `types` in [from, to) counted straight from the ledger (LATE_INTAKE: RECEIVED over 24 h after seizure). */
export async function periodDirect(ctx: Ctx, f: ReportFilter, types: readonly string[], from: string, to: string): Promise<Tally> {
  const real = types.filter((t) => t !== LATE_INTAKE);
  const out = real.length ? await directQuery(ctx, f, from, to, (q) => q.where('e.type', 'in', real)) : new Map();
  if (types.includes(LATE_INTAKE)) {
    const late = await directQuery(ctx, f, from, to, (q) => q.where('e.type', '=', 'RECEIVED').where(hoursBetween(ctx.dialect, 'e.occurred_at', 'i.seized_at'), '>', LATE_INTAKE_HOURS));
    const r = late.get('RECEIVED');
    if (r) out.set(LATE_INTAKE, r);
  }
  return out;
}

type EventsQuery = ReturnType<typeof eventsOf>;
const eventsOf = (ctx: Ctx) => (ctx.db as unknown as Kysely<Db>).selectFrom('custody_events as e').innerJoin('items as i', 'i.id', 'e.item_id');

async function directQuery(ctx: Ctx, f: ReportFilter, from: string, to: string, which: (q: EventsQuery) => EventsQuery): Promise<Tally> {
  let q = which(eventsOf(ctx))
    .where('e.occurred_at', '>=', from)
    .where('e.occurred_at', '<', to);
  if (f.agencyId) q = q.where(sql`COALESCE(e.agency_to_id, i.holding_agency_id)`, '=', f.agencyId);
  if (f.storeId) q = q.where('i.store_id', '=', f.storeId);
  if (f.category) q = q.where('i.category', '=', f.category);
  if (f.status) q = q.where('i.status', '=', f.status);
  if (f.caseType) q = q.where(({ exists, selectFrom }) => exists(selectFrom('cases as c').select('c.id').whereRef('c.id', '=', 'i.case_id').where('c.case_type', '=', f.caseType!)));
  const scope = itemScope(ctx.user);
  if (scope) q = q.where((eb) => scope(eb as unknown as ExpressionBuilder<Database & { i: Database['items'] }, 'i'>));
  const rows = await q.select(['e.type', (eb) => eb.fn.countAll<number>().as('n'), sql<number>`SUM(COALESCE(i.cash_amount, i.estimated_value, 0))`.as('v')]).groupBy('e.type').execute();
  return new Map(rows.map((r) => [r.type, { count: num(r.n), value: num(r.v) }]));
}

/** Whole Shanghai days [fromDay, toDay) from report_daily. */
export async function daysAggregate(ctx: Ctx, f: ReportFilter, types: readonly string[], fromDay: string, toDay: string): Promise<Tally> {
  let q = (ctx.db as unknown as Kysely<Db>).selectFrom('report_daily as d').where('d.day', '>=', fromDay).where('d.day', '<', toDay).where('d.type', 'in', [...types]);
  if (f.agencyId) q = q.where('d.agency_id', '=', f.agencyId);
  if (f.storeId) q = q.where('d.store_id', '=', f.storeId);
  if (f.category) q = q.where('d.category', '=', f.category);
  if (f.caseType) q = q.where('d.case_type', '=', f.caseType);
  const rows = await q.select(['d.type', sql<number>`SUM(d.n)`.as('n'), sql<number>`SUM(d.v)`.as('v')]).groupBy('d.type').execute();
  return new Map(rows.map((r) => [r.type, { count: num(r.n), value: num(r.v) }]));
}

export function add(into: Tally, more: Tally) {
  for (const [k, x] of more) {
    const t = into.get(k) ?? { count: 0, value: 0 };
    into.set(k, { count: t.count + x.count, value: t.value + x.value });
  }
}

/** Can the aggregate answer this filter for this reader? */
export const aggregateServes = (ctx: Ctx, f: ReportFilter) => !f.status && !itemScope(ctx.user);

/**
 * The whole Shanghai days inside [from, to): the first midnight at or after `from` (start, firstDay) and the last at
 * or before `to` (end, lastDay); null when no whole day lies inside.
 */
export function wholeDays(f: Pick<ReportFilter, 'from' | 'to'>): { firstDay: string; lastDay: string; start: string; end: string } | null {
  let firstDay = shanghaiDayOf(f.from);
  if (shanghaiMidnight(firstDay) < new Date(f.from).toISOString()) firstDay = shanghaiDayOf(new Date(Date.parse(shanghaiMidnight(firstDay)) + DAY).toISOString());
  const lastDay = shanghaiDayOf(f.to);
  const start = shanghaiMidnight(firstDay);
  const end = shanghaiMidnight(lastDay);
  return start < end ? { firstDay, lastDay, start, end } : null;
}

/** Events of `types` in [f.from, f.to): from report_daily for whole days, directly for the edges. */
export async function periodFigures(ctx: Ctx, f: ReportFilter, types: readonly string[]): Promise<Tally> {
  const days = aggregateServes(ctx, f) ? wholeDays(f) : null;
  if (!days) return periodDirect(ctx, f, types, f.from, f.to);
  const { firstDay, lastDay, start, end } = days;
  const out = await daysAggregate(ctx, f, types, firstDay, lastDay);
  if (f.from < start) add(out, await periodDirect(ctx, f, types, f.from, start));
  if (end < f.to) add(out, await periodDirect(ctx, f, types, end, f.to));
  return out;
}

/**
 * The stock at the end of the period from report_daily's STOCK rows, when the period ends on a Shanghai midnight and
 * the aggregate serves the filter; null otherwise (the caller counts it directly).
 */
export async function stockAtEnd(ctx: Ctx, f: ReportFilter): Promise<{ count: number; value: number } | null> {
  const to = new Date(f.to).toISOString();
  const day = shanghaiDayOf(to);
  if (!aggregateServes(ctx, f) || shanghaiMidnight(day) !== to) return null;
  let q = (ctx.db as unknown as Kysely<Db>).selectFrom('report_daily as d').where('d.type', '=', STOCK_DELTA).where('d.day', '<', day);
  if (f.agencyId) q = q.where('d.agency_id', '=', f.agencyId);
  if (f.storeId) q = q.where('d.store_id', '=', f.storeId);
  if (f.category) q = q.where('d.category', '=', f.category);
  if (f.caseType) q = q.where('d.case_type', '=', f.caseType);
  const r = await q.select([sql<number>`SUM(d.n)`.as('n'), sql<number>`SUM(d.v)`.as('v')]).executeTakeFirstOrThrow();
  return { count: num(r.n), value: num(r.v) };
}
