/**
 * 统计报表: the period figures from report_daily plus the ragged edges (report.period.ts), the end-of-period stock
 * from each item's last stock-moving event, and 处置到位率 per case, agency and case type over the cases at 执行 or
 * 结案. Filters other than the period figures' apply to the item's current row. Visibility: itemScope.
 */
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { Ctx } from '../../context';
import type { Database } from '../../db/schema';
import { assertCaseVisible, itemScope, notVisible } from '../../access/visibility';
import { RATE_STAGES, REPORT_FIGURES, REPORT_FIGURE_LABELS, type CaseRateDto, type RateRow, type ReportDto, type ReportFigure, type ReportFilter } from '../../../../shared/api/report.contract';
import { ITEM_CATEGORY_LABELS, ITEM_STATUS_LABELS, TERMINAL_STATUSES, type EventType } from '../../../../shared/domain/enums';
import { CASE_TYPE_LABELS, type CaseType } from '../../../../shared/domain/case-life';
import { fmtLocal } from '../custody/custody.lookup';
import { periodFigures, stockAtEnd } from './report.period';
import { overdueLoans } from './report.overdue';
import { LATE_INTAKE } from '../../ledger/event-aggregate';

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

/** An item's value for totals: the cash amount, else the estimate. */
const VALUE = sql<number>`COALESCE(i.cash_amount, i.estimated_value, 0)`;

function itemFilter<O>(ctx: Ctx, q: SelectQueryBuilder<Db, 'i' | 'e', O>, f: ReportFilter) {
  let out = q;
  if (f.agencyId) out = out.where('i.holding_agency_id', '=', f.agencyId);
  if (f.storeId) out = out.where('i.store_id', '=', f.storeId);
  if (f.category) out = out.where('i.category', '=', f.category);
  if (f.status) out = out.where('i.status', '=', f.status);
  if (f.caseType) out = out.where(({ exists, selectFrom }) => exists(selectFrom('cases as c').select('c.id').whereRef('c.id', '=', 'i.case_id').where('c.case_type', '=', f.caseType!)));
  const scope = itemScope(ctx.user);
  if (scope) out = out.where((eb) => scope(eb as unknown as ExpressionBuilder<Database & { i: Database['items'] }, 'i'>));
  return out;
}

const eventsJoinItems = (ctx: Ctx) => (ctx.db as unknown as import('kysely').Kysely<Db>).selectFrom('custody_events as e').innerJoin('items as i', 'i.id', 'e.item_id');
const num = (v: unknown) => Number(v ?? 0);

/** The stock at the end of the period counted from the ledger: items whose last stock-moving event before it is an IN. */
export async function stockDirect(ctx: Ctx, f: ReportFilter): Promise<{ count: number; value: number }> {
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
  return { count: num(stock.n), value: num(stock.v) };
}

export async function reportFigures(ctx: Ctx, f: ReportFilter): Promise<ReportDto['figures']> {
  const out = new Map<ReportFigure, { count: number; value: number }>();
  const grouped = await periodFigures(ctx, f, BY_EVENT_TYPES);
  for (const [key, type] of Object.entries(BY_EVENT) as Array<[ReportFigure, EventType]>) {
    out.set(key, grouped.get(type) ?? { count: 0, value: 0 });
  }

  out.set('inStockAtEnd', (await stockAtEnd(ctx, f)) ?? (await stockDirect(ctx, f)));

  // A loan due in the period and not back by its due time.
  out.set('overdueLoans', await overdueLoans(ctx, f));

  out.set('lateIntakes', (await periodFigures(ctx, f, [LATE_INTAKE])).get(LATE_INTAKE) ?? { count: 0, value: 0 });

  return REPORT_FIGURES.map((key) => ({ key, label: REPORT_FIGURE_LABELS[key], ...(out.get(key) ?? { count: 0, value: 0 }) }));
}

/**
 * 处置到位率: the share of the items of cases at `stages` (default 执行, 结案) that are disposed of or returned
 * (a terminal status; an external item released counts as returned), per case, per host agency or per case type.
 */
export async function disposalRates(ctx: Ctx, f: Pick<ReportFilter, 'agencyId' | 'storeId' | 'category' | 'caseType'> & { caseId?: number }, by: 'case' | 'agency' | 'caseType', stages: readonly string[] | null = RATE_STAGES): Promise<RateRow[]> {
  const db = ctx.db as unknown as import('kysely').Kysely<Db & { c: Database['cases']; a: Database['agencies'] }>;
  let q = db.selectFrom('items as i').innerJoin('cases as c', 'c.id', 'i.case_id');
  if (stages) q = q.where('c.stage', 'in', [...stages]);
  if (f.caseId) q = q.where('c.id', '=', f.caseId);
  if (f.agencyId) q = q.where('c.host_agency_id', '=', f.agencyId);
  if (f.storeId) q = q.where('i.store_id', '=', f.storeId);
  if (f.category) q = q.where('i.category', '=', f.category);
  if (f.caseType) q = q.where('c.case_type', '=', f.caseType);
  const scope = itemScope(ctx.user);
  if (scope) q = q.where((eb) => scope(eb as unknown as ExpressionBuilder<Database & { i: Database['items'] }, 'i'>));
  // A sale's proceeds are the value of an item already counted as disposed, not more property (index value_records_proceeds).
  q = q.where(sql<boolean>`NOT EXISTS (SELECT 1 FROM value_records vr WHERE vr.proceeds_item_id = i.id)`);
  const done = sql<number>`SUM(CASE WHEN i.status IN (${sql.join(DISPOSED.map((s) => sql.lit(s)))}) THEN 1 ELSE 0 END)`;
  const rows: Array<{ id: number; key?: string; label: string; total: unknown; done: unknown }> =
    by === 'case'
      ? await q
          .select(['c.id as id', sql<string>`c.case_no || ' ' || c.name`.as('label'), (eb) => eb.fn.countAll<number>().as('total'), done.as('done')])
          .groupBy(['c.id', 'c.case_no', 'c.name'])
          .orderBy('c.case_no')
          .limit(500)
          .execute()
      : by === 'agency'
        ? await q
            .innerJoin('agencies as a', 'a.id', 'c.host_agency_id')
            .select(['a.id as id', 'a.name as label', (eb) => eb.fn.countAll<number>().as('total'), done.as('done')])
            .groupBy(['a.id', 'a.name'])
            .orderBy('a.id')
            .execute()
        : (
            await q
              .select([sql<string>`COALESCE(c.case_type, '')`.as('key'), (eb) => eb.fn.countAll<number>().as('total'), done.as('done')])
              .groupBy(sql`COALESCE(c.case_type, '')`)
              .orderBy('key')
              .execute()
          ).map((r) => ({ ...r, id: 0, label: CASE_TYPE_LABELS[r.key as CaseType] ?? '未分类' }));
  return rows.map((r) => rateOf(r, num(r.total), num(r.done)));
}

export function rateOf<T extends { id: number; key?: string; label: string }>(r: T, total: number, done: number): RateRow {
  return { id: r.id, ...(r.key !== undefined ? { key: r.key } : {}), label: r.label, total, done, rate: total ? Math.round((done / total) * 10000) / 100 : null };
}

/** The case page's 处置到位率: the items of the case the reader sees, whatever its stage (`counted` says if reports count it). */
export async function caseDisposalRate(ctx: Ctx, caseId: number): Promise<CaseRateDto> {
  await assertCaseVisible(ctx, caseId);
  const c = await ctx.db.selectFrom('cases').select('stage').where('id', '=', caseId).executeTakeFirst();
  if (!c) throw notVisible('案件');
  const r = (await disposalRates(ctx, { caseId }, 'case', null))[0];
  const stage = c.stage as CaseRateDto['stage'];
  return { caseId, stage, counted: (RATE_STAGES as readonly string[]).includes(stage), total: r?.total ?? 0, done: r?.done ?? 0, rate: r?.rate ?? null };
}

export async function describeReportFilter(ctx: Ctx, f: ReportFilter): Promise<string> {
  const parts = [`期间：${fmtLocal(f.from)} 至 ${fmtLocal(f.to)}`];
  if (f.agencyId) parts.push(`单位：${(await ctx.db.selectFrom('agencies').select('name').where('id', '=', f.agencyId).executeTakeFirst())?.name ?? f.agencyId}`);
  if (f.storeId) parts.push(`保管场所：${(await ctx.db.selectFrom('locations').select('name').where('id', '=', f.storeId).executeTakeFirst())?.name ?? f.storeId}`);
  if (f.category) parts.push(`类别：${ITEM_CATEGORY_LABELS[f.category]}`);
  if (f.status) parts.push(`当前状态：${ITEM_STATUS_LABELS[f.status]}`);
  if (f.caseType) parts.push(`案件类型：${CASE_TYPE_LABELS[f.caseType]}`);
  return parts.join('；');
}

export async function buildReport(ctx: Ctx, input: ReportFilter): Promise<ReportDto> {
  const f = { ...input, from: new Date(input.from).toISOString(), to: new Date(input.to).toISOString() };
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
    rateByCaseType: await disposalRates(ctx, f, 'caseType'),
  };
}
