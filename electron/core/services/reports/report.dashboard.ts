/** 首页图表 for inspectors: stock by status, category and holding agency, weekly in/out, overdue loans, alerts, cash and valuables. */
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Ctx } from '../../context';
import type { Database } from '../../db/schema';
import { HEADLINE_CASE_TYPE, type DashboardDto } from '../../../../shared/api/report.contract';
import { ALERT_COUNT_CAP } from '../../../../shared/api/custody.contract';
import { CASE_TYPE_LABELS } from '../../../../shared/domain/case-life';
import { ITEM_CATEGORY_LABELS, ITEM_STATUS_LABELS, TERMINAL_STATUSES, type ItemCategory, type ItemStatus } from '../../../../shared/domain/enums';
import { itemScope } from '../../access/visibility';
import { alertHandlers } from '../alerts/alert.service';
import { STOCK_OUT, disposalRates, rateOf } from './report.stats';
import { shanghaiDayOf, shanghaiMidnight } from '../../ledger/event-aggregate';
import { periodDirect } from './report.period';
import { stockFromCounts, type StockCounts } from './report.counts';

const WEEKS = 12;
const DAY = 86400_000;
/** Statuses in which the property is still held somewhere (not disposed, returned or lost). */
const GONE = [...TERMINAL_STATUSES, 'LOST'];
type Db = Database & { i: Database['items']; e: Database['custody_events'] };

function items(ctx: Ctx) {
  let q = (ctx.db as unknown as Kysely<Db>).selectFrom('items as i');
  const scope = itemScope(ctx.user);
  if (scope) q = q.where((eb) => scope(eb as unknown as ExpressionBuilder<Database & { i: Database['items'] }, 'i'>));
  return q;
}

/** Monday (UTC) of the week holding `day` (YYYY-MM-DD). */
const weekOf = (day: string) => {
  const d = new Date(`${day}T00:00:00.000Z`);
  return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY).toISOString().slice(0, 10);
};

/** Stock by status, category and holding agency, and cash/valuables value, grouped over the items the reader sees. */
async function stockDirect(ctx: Ctx): Promise<StockCounts> {
  const n = (v: unknown) => Number(v ?? 0);
  const byStatus = await items(ctx).where('i.status', 'not in', GONE).select(['i.status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('i.status').execute();
  const byCategory = await items(ctx).where('i.status', 'not in', GONE).select(['i.category', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('i.category').execute();
  const byAgency = await items(ctx)
    .innerJoin('agencies as a', 'a.id', 'i.holding_agency_id')
    .where('i.status', 'not in', GONE)
    .select(['a.id', 'a.name', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['a.id', 'a.name'])
    .execute();
  const value = await items(ctx)
    .where('i.status', 'not in', GONE)
    .where('i.category', 'in', ['cash', 'valuables'])
    .select(['i.category', sql<number>`SUM(COALESCE(i.cash_amount, i.estimated_value, 0))`.as('v')])
    .groupBy('i.category')
    .execute();
  return {
    byStatus: byStatus.map((r) => ({ key: r.status, n: n(r.n) })),
    byCategory: byCategory.map((r) => ({ key: r.category, n: n(r.n) })),
    byAgency: byAgency.map((r) => ({ key: String(r.id), name: r.name, n: n(r.n) })),
    value: value.map((r) => ({ category: r.category, v: n(r.v) })),
  };
}

export async function dashboard(ctx: Ctx): Promise<DashboardDto> {
  const n = (v: unknown) => Number(v ?? 0);
  const stock = itemScope(ctx.user) ? await stockDirect(ctx) : await stockFromCounts(ctx, GONE);

  // Weeks (Monday to Sunday, Shanghai days) from report_daily; a reader who does not see every item is counted directly.
  const thisWeek = weekOf(shanghaiDayOf(ctx.now));
  const startDay = new Date(Date.parse(`${thisWeek}T00:00:00.000Z`) - (WEEKS - 1) * 7 * DAY).toISOString().slice(0, 10);
  const weekly = Array.from({ length: WEEKS }, (_, k) => ({ week: new Date(Date.parse(`${startDay}T00:00:00.000Z`) + k * 7 * DAY).toISOString().slice(0, 10), in: 0, out: 0 }));
  const IN = ['RECEIVED', 'PHYSICAL_TRANSFER_IN'];
  const dirOf = (type: string) => (IN.includes(type) ? 'in' : 'out');
  if (itemScope(ctx.user)) {
    for (let k = 0; k < WEEKS; k++) {
      const from = shanghaiMidnight(weekly[k]!.week);
      const to = shanghaiMidnight(new Date(Date.parse(`${weekly[k]!.week}T00:00:00.000Z`) + 7 * DAY).toISOString().slice(0, 10));
      for (const [type, x] of await periodDirect(ctx, { from, to }, [...IN, ...STOCK_OUT], from, to)) weekly[k]![dirOf(type)] += x.count;
    }
  } else {
    const moves = await ctx.db
      .selectFrom('report_daily')
      .where('day', '>=', startDay)
      .where('type', 'in', [...IN, ...STOCK_OUT])
      .select(['day', 'type', sql<number>`SUM(n)`.as('n')])
      .groupBy(['day', 'type'])
      .execute();
    for (const m of moves) {
      const w = weekly.find((x) => x.week === weekOf(m.day));
      if (w) w[dirOf(m.type)] += n(m.n);
    }
  }

  const overdue = await items(ctx)
    .innerJoin('request_items as ri', 'ri.item_id', 'i.id')
    .innerJoin('requests as r', 'r.id', 'ri.request_id')
    .where('r.kind', '=', 'loan')
    .where('r.status', '=', 'in_progress')
    .where('i.status', '=', 'ON_LOAN')
    .where('r.due_at', '<', ctx.now)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const alerts = await alertHandlers['alert.list'](ctx, {});
  const alertCounts = 'counts' in alerts ? Object.values(alerts.counts) : [];
  const openAlerts = alertCounts.reduce((a, b) => a + b, 0);
  const supervision = await ctx.db.selectFrom('supervision_records').where('status', '<>', 'CLOSED').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();

  return {
    byStatus: stock.byStatus.map((r) => ({ key: r.key, label: ITEM_STATUS_LABELS[r.key as ItemStatus] ?? r.key, count: r.n })),
    byCategory: stock.byCategory.map((r) => ({ key: r.key, label: ITEM_CATEGORY_LABELS[r.key as ItemCategory] ?? r.key, count: r.n })),
    byAgency: stock.byAgency.map((r) => ({ key: r.key, label: r.name, count: r.n })),
    weekly,
    overdueLoans: n(overdue.n),
    openAlerts,
    openAlertsCapped: alertCounts.some((c) => c >= ALERT_COUNT_CAP),
    openSupervision: n(supervision.n),
    cashValue: n(stock.value.find((v) => v.category === 'cash')?.v),
    valuablesValue: n(stock.value.find((v) => v.category === 'valuables')?.v),
    headlineRate: (await disposalRates(ctx, { caseType: HEADLINE_CASE_TYPE }, 'caseType'))[0] ?? rateOf({ id: 0, key: HEADLINE_CASE_TYPE, label: CASE_TYPE_LABELS[HEADLINE_CASE_TYPE] }, 0, 0),
  };
}
