/**
 * 逾期未还调用 in a period: loans due in [from, to), already due (before now), whose item was not back (checked in,
 * or reported lost on return) by the due time. Two ways that must agree:
 * - direct: the period's loan requests by due time (index requests_kind_due), their check-outs, and no end by then;
 * - kept: report_daily's LOAN_OVERDUE rows (0023) for loans that ended late, on the whole days they fell due, plus
 *   the loans still out (the open requests by due time, index requests_kind_status_due), plus the direct count for
 *   the ragged edges. Filters apply to the item's current row for loans still out, as the direct count does.
 */
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Ctx } from '../../context';
import type { Database } from '../../db/schema';
import type { ReportFilter } from '../../../../shared/api/report.contract';
import { itemScope } from '../../access/visibility';
import { eventsOfItem } from '../../db/dialect';
import { LOAN_ENDS, LOAN_OVERDUE } from '../../ledger/event-aggregate';
import { aggregateServes, daysAggregate, wholeDays } from './report.period';

type Figure = { count: number; value: number };
type Db = Database & { i: Database['items']; r: Database['requests'] };
const VALUE = sql<number>`COALESCE(i.cash_amount, i.estimated_value, 0)`;
const num = (v: unknown) => Number(v ?? 0);
const loans = (ctx: Ctx) => (ctx.db as unknown as Kysely<Db>).selectFrom('requests as r').where('r.kind', '=', 'loan');
type Loans = ReturnType<typeof loans>;

/** The filters on the item's current row, and the reader's visibility. */
function onItems<Q extends Loans>(ctx: Ctx, q: Q, f: ReportFilter): Q {
  let out = q;
  // The joined item is `i` in every caller's query (typed here through sql references).
  if (f.agencyId) out = out.where(sql.ref('i.holding_agency_id'), '=', f.agencyId) as Q;
  if (f.storeId) out = out.where(sql.ref('i.store_id'), '=', f.storeId) as Q;
  if (f.category) out = out.where(sql.ref('i.category'), '=', f.category) as Q;
  if (f.status) out = out.where(sql.ref('i.status'), '=', f.status) as Q;
  if (f.caseType) out = out.where(sql<boolean>`EXISTS (SELECT 1 FROM cases c WHERE c.id = i.case_id AND c.case_type = ${f.caseType})`) as Q;
  const scope = itemScope(ctx.user);
  if (scope) out = out.where((eb) => scope(eb as unknown as ExpressionBuilder<Database & { i: Database['items'] }, 'i'>)) as Q;
  return out;
}

/** Due in [from, to) and already due. */
const dueIn = (q: Loans, from: string, to: string, now: string) => q.where('r.due_at', '>=', from).where('r.due_at', '<', to < now ? to : now);

async function figure(q: { executeTakeFirstOrThrow(): Promise<{ n: unknown; v: unknown }> }): Promise<Figure> {
  const r = await q.executeTakeFirstOrThrow();
  return { count: num(r.n), value: num(r.v) };
}
const tally = [sql<number>`COUNT(*)`.as('n'), sql<number>`SUM(${VALUE})`.as('v')] as const;

/**
 * Overdue loans due in [from, to), counted from the ledger: each item of the period's loan requests that was checked
 * out on the loan and had no end event by the due time (both read among the item's own events).
 */
export function overdueDirect(ctx: Ctx, f: ReportFilter, from: string, to: string): Promise<Figure> {
  const ev = (alias: string) => eventsOfItem(ctx.dialect, alias);
  const ends = sql.join(LOAN_ENDS.map((t) => sql.lit(t)));
  const q = dueIn(loans(ctx), from, to, ctx.now)
    .innerJoin('request_items as ri', 'ri.request_id', 'r.id')
    .innerJoin('items as i', 'i.id', 'ri.item_id')
    .where(sql<boolean>`EXISTS (SELECT 1 FROM ${ev('e')} WHERE e.item_id = ri.item_id AND e.request_id = r.id AND e.type = 'CHECKED_OUT')`)
    .where(sql<boolean>`NOT EXISTS (SELECT 1 FROM ${ev('x')} WHERE x.item_id = ri.item_id AND x.request_id = r.id AND x.type IN (${ends}) AND x.occurred_at <= r.due_at)`);
  return figure(onItems(ctx, q as unknown as Loans, f).select([...tally]) as never);
}

/** Loans still out that fell due in [from, to). */
function stillOut(ctx: Ctx, f: ReportFilter, from: string, to: string): Promise<Figure> {
  const q = dueIn(loans(ctx).where('r.status', '=', 'in_progress'), from, to, ctx.now)
    .innerJoin('request_items as ri', (j) => j.onRef('ri.request_id', '=', 'r.id').on('ri.open', '=', 1))
    .innerJoin('items as i', 'i.id', 'ri.item_id');
  return figure(onItems(ctx, q as unknown as Loans, f).select([...tally]) as never);
}

const plus = (a: Figure, b: Figure): Figure => ({ count: a.count + b.count, value: a.value + b.value });

/** 逾期未还调用 for the report: kept rows for whole days, the loans still out, the edges directly. */
export async function overdueLoans(ctx: Ctx, f: ReportFilter): Promise<Figure> {
  const days = aggregateServes(ctx, f) ? wholeDays(f) : null;
  if (!days) return overdueDirect(ctx, f, f.from, f.to);
  const ended = (await daysAggregate(ctx, f, [LOAN_OVERDUE], days.firstDay, days.lastDay)).get(LOAN_OVERDUE) ?? { count: 0, value: 0 };
  let out = plus(ended, await stillOut(ctx, f, days.start, days.end));
  if (f.from < days.start) out = plus(out, await overdueDirect(ctx, f, f.from, days.start));
  if (days.end < f.to) out = plus(out, await overdueDirect(ctx, f, days.end, f.to));
  return out;
}
