/**
 * 统计报表: figures counted from the ledger by event type and period (index events_type_time), the end-of-period
 * stock from each item's last stock-moving event, and 处置到位率 per agency and per case. Filters (agency, store,
 * category, status) apply to the item's current row. Visibility: itemScope, like every item read.
 */
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { Ctx } from '../../context';
import type { Database } from '../../db/schema';
import { hoursBetween } from '../../db/dialect';
import { itemScope } from '../../access/visibility';
import { REPORT_FIGURES, REPORT_FIGURE_LABELS, type RateRow, type ReportDto, type ReportFigure, type ReportFilter } from '../../../../shared/api/report.contract';
import { ITEM_CATEGORY_LABELS, ITEM_STATUS_LABELS, TERMINAL_STATUSES, type EventType } from '../../../../shared/domain/enums';
import { fmtLocal } from '../custody/custody.lookup';

type Db = Database & { i: Database['items']; e: Database['custody_events'] };

/** Figures that are one event type (or a few) counted in the period. */
const BY_EVENT: Partial<Record<ReportFigure, EventType>> = {
  received: 'RECEIVED',
  refused: 'REFUSED',
  loanedOut: 'CHECKED_OUT',
  loanReturned: 'CHECKED_IN',
  transferPaper: 'CUSTODY_TRANSFER_ACCEPTED',
  transferPhysical: 'PHYSICAL_TRANSFER_OUT',
  returnedToOwner: 'RETURNED_TO_OWNER',
  sold: 'SOLD',
  destroyed: 'DESTROYED',
  confiscated: 'CONFISCATED',
  handedOver: 'HANDED_OVER',
};
/** The event types the period figures count (covered by a printed report's events hash). */
export const BY_EVENT_TYPES: EventType[] = Object.values(BY_EVENT);
/** Events that put an item on a shelf, and those that take it off (for the end-of-period stock). */
export const STOCK_IN: EventType[] = ['RECEIVED', 'CHECKED_IN', 'PHYSICAL_TRANSFER_IN'];
export const STOCK_OUT: EventType[] = ['CHECKED_OUT', 'PHYSICAL_TRANSFER_OUT', 'RETURNED_TO_OWNER', 'SOLD', 'DESTROYED', 'CONFISCATED', 'HANDED_OVER', 'LOST_REPORTED'];
/** Statuses that count as 处置到位 (disposed of or returned). */
export const DISPOSED: readonly string[] = TERMINAL_STATUSES;
const LATE_INTAKE_HOURS = 24;

/** An item's value for totals: the cash amount, else the estimate. */
const VALUE = sql<number>`COALESCE(i.cash_amount, i.estimated_value, 0)`;

function itemFilter<O>(ctx: Ctx, q: SelectQueryBuilder<Db, 'i' | 'e', O>, f: ReportFilter) {
  let out = q;
  if (f.agencyId) out = out.where('i.holding_agency_id', '=', f.agencyId);
  if (f.storeId) out = out.where('i.store_id', '=', f.storeId);
  if (f.category) out = out.where('i.category', '=', f.category);
  if (f.status) out = out.where('i.status', '=', f.status);
  const scope = itemScope(ctx.user);
  if (scope) out = out.where((eb) => scope(eb as unknown as ExpressionBuilder<Database & { i: Database['items'] }, 'i'>));
  return out;
}

const eventsJoinItems = (ctx: Ctx) => (ctx.db as unknown as import('kysely').Kysely<Db>).selectFrom('custody_events as e').innerJoin('items as i', 'i.id', 'e.item_id');
const num = (v: unknown) => Number(v ?? 0);

export async function reportFigures(ctx: Ctx, f: ReportFilter): Promise<ReportDto['figures']> {
  const out = new Map<ReportFigure, { count: number; value: number }>();
  const types = BY_EVENT_TYPES;
  const grouped = await itemFilter(ctx, eventsJoinItems(ctx).where('e.type', 'in', types).where('e.occurred_at', '>=', f.from).where('e.occurred_at', '<', f.to), f)
    .select(['e.type', (eb) => eb.fn.countAll<number>().as('n'), sql<number>`SUM(${VALUE})`.as('v')])
    .groupBy('e.type')
    .execute();
  for (const [key, type] of Object.entries(BY_EVENT) as Array<[ReportFigure, EventType]>) {
    const g = grouped.find((r) => r.type === type);
    out.set(key, { count: num(g?.n), value: num(g?.v) });
  }

  const stock = await itemFilter(ctx, eventsJoinItems(ctx).where('e.type', 'in', STOCK_IN).where('e.occurred_at', '<', f.to), f)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('custody_events as x')
            .select('x.id')
            .whereRef('x.item_id', '=', 'e.item_id')
            .whereRef('x.seq', '>', 'e.seq')
            .where('x.type', 'in', [...STOCK_IN, ...STOCK_OUT])
            .where('x.occurred_at', '<', f.to),
        ),
      ),
    )
    .select([(eb) => eb.fn.countAll<number>().as('n'), sql<number>`SUM(${VALUE})`.as('v')])
    .executeTakeFirstOrThrow();
  out.set('inStockAtEnd', { count: num(stock.n), value: num(stock.v) });

  // A loan due in the period and not checked in by its due time.
  const overdue = await itemFilter(ctx, eventsJoinItems(ctx).innerJoin('requests as r', 'r.id', 'e.request_id').where('e.type', '=', 'CHECKED_OUT').where('e.occurred_at', '<', f.to), f)
    .where(sql<boolean>`r.due_at >= ${f.from} AND r.due_at < ${f.to}`)
    .where(sql<boolean>`NOT EXISTS (SELECT 1 FROM custody_events x WHERE x.item_id = e.item_id AND x.seq > e.seq AND x.type = 'CHECKED_IN' AND x.occurred_at <= r.due_at)`)
    .select([(eb) => eb.fn.countAll<number>().as('n'), sql<number>`SUM(${VALUE})`.as('v')])
    .executeTakeFirstOrThrow();
  out.set('overdueLoans', { count: num(overdue.n), value: num(overdue.v) });

  const late = await itemFilter(ctx, eventsJoinItems(ctx).where('e.type', '=', 'RECEIVED').where('e.occurred_at', '>=', f.from).where('e.occurred_at', '<', f.to), f)
    .where(hoursBetween(ctx.dialect, 'e.occurred_at', 'i.seized_at'), '>', LATE_INTAKE_HOURS)
    .select([(eb) => eb.fn.countAll<number>().as('n'), sql<number>`SUM(${VALUE})`.as('v')])
    .executeTakeFirstOrThrow();
  out.set('lateIntakes', { count: num(late.n), value: num(late.v) });

  return REPORT_FIGURES.map((key) => ({ key, label: REPORT_FIGURE_LABELS[key], ...(out.get(key) ?? { count: 0, value: 0 }) }));
}

/**
 * 处置到位率: the share of a case's (or a host agency's cases') items that are disposed of or returned.
 * `stages` restricts it to cases at given stages (e.g. ['execution', 'closed'] once case stages are kept up to date);
 * undefined counts every case.
 */
export async function disposalRates(ctx: Ctx, f: ReportFilter, by: 'case' | 'agency', stages?: readonly string[]): Promise<RateRow[]> {
  const db = ctx.db as unknown as import('kysely').Kysely<Db & { c: Database['cases']; a: Database['agencies'] }>;
  let q = db.selectFrom('items as i').innerJoin('cases as c', 'c.id', 'i.case_id');
  if (stages) q = q.where('c.stage', 'in', [...stages]);
  if (f.agencyId) q = q.where('c.host_agency_id', '=', f.agencyId);
  if (f.storeId) q = q.where('i.store_id', '=', f.storeId);
  if (f.category) q = q.where('i.category', '=', f.category);
  const scope = itemScope(ctx.user);
  if (scope) q = q.where((eb) => scope(eb as unknown as ExpressionBuilder<Database & { i: Database['items'] }, 'i'>));
  const done = sql<number>`SUM(CASE WHEN i.status IN (${sql.join(DISPOSED.map((s) => sql.lit(s)))}) THEN 1 ELSE 0 END)`;
  const rows =
    by === 'case'
      ? await q
          .select(['c.id as id', sql<string>`c.case_no || ' ' || c.name`.as('label'), (eb) => eb.fn.countAll<number>().as('total'), done.as('done')])
          .groupBy(['c.id', 'c.case_no', 'c.name'])
          .orderBy('c.case_no')
          .limit(500)
          .execute()
      : await q
          .innerJoin('agencies as a', 'a.id', 'c.host_agency_id')
          .select(['a.id as id', 'a.name as label', (eb) => eb.fn.countAll<number>().as('total'), done.as('done')])
          .groupBy(['a.id', 'a.name'])
          .orderBy('a.id')
          .execute();
  return rows.map((r) => {
    const total = num(r.total);
    const d = num(r.done);
    return { id: r.id, label: r.label, total, done: d, rate: total ? Math.round((d / total) * 10000) / 100 : null };
  });
}

export async function describeReportFilter(ctx: Ctx, f: ReportFilter): Promise<string> {
  const parts = [`期间：${fmtLocal(f.from)} 至 ${fmtLocal(f.to)}`];
  if (f.agencyId) parts.push(`单位：${(await ctx.db.selectFrom('agencies').select('name').where('id', '=', f.agencyId).executeTakeFirst())?.name ?? f.agencyId}`);
  if (f.storeId) parts.push(`保管场所：${(await ctx.db.selectFrom('locations').select('name').where('id', '=', f.storeId).executeTakeFirst())?.name ?? f.storeId}`);
  if (f.category) parts.push(`类别：${ITEM_CATEGORY_LABELS[f.category]}`);
  if (f.status) parts.push(`当前状态：${ITEM_STATUS_LABELS[f.status]}`);
  return parts.join('；');
}

export async function buildReport(ctx: Ctx, f: ReportFilter): Promise<ReportDto> {
  if (f.from >= f.to) {
    const { badInput } = await import('../../errors');
    throw badInput('统计期间的开始时间须早于结束时间');
  }
  return {
    filter: f,
    filterText: await describeReportFilter(ctx, f),
    figures: await reportFigures(ctx, f),
    rateByAgency: await disposalRates(ctx, f, 'agency'),
    rateByCase: await disposalRates(ctx, f, 'case'),
  };
}
