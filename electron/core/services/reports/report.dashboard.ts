/** 首页图表 for inspectors: stock by status, category and holding agency, weekly in/out, overdue loans, alerts, cash and valuables. */
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Ctx } from '../../context';
import type { Database } from '../../db/schema';
import type { DashboardDto } from '../../../../shared/api/report.contract';
import { ITEM_CATEGORY_LABELS, ITEM_STATUS_LABELS, TERMINAL_STATUSES, type ItemCategory, type ItemStatus } from '../../../../shared/domain/enums';
import { itemScope } from '../../access/visibility';
import { alertHandlers } from '../alerts/alert.service';
import { STOCK_OUT } from './report.stats';

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

export async function dashboard(ctx: Ctx): Promise<DashboardDto> {
  const n = (v: unknown) => Number(v ?? 0);
  const byStatus = await items(ctx).select(['i.status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('i.status').execute();
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

  const thisWeek = weekOf(ctx.now.slice(0, 10));
  const start = new Date(Date.parse(`${thisWeek}T00:00:00.000Z`) - (WEEKS - 1) * 7 * DAY).toISOString();
  const day = sql<string>`substr(e.occurred_at, 1, 10)`;
  const moves = await items(ctx)
    .innerJoin('custody_events as e', 'e.item_id', 'i.id')
    .where('e.type', 'in', ['RECEIVED', 'PHYSICAL_TRANSFER_IN', ...STOCK_OUT])
    .where('e.occurred_at', '>=', start)
    .select([day.as('day'), sql<string>`CASE WHEN e.type IN ('RECEIVED', 'PHYSICAL_TRANSFER_IN') THEN 'in' ELSE 'out' END`.as('dir'), (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy([day, sql`CASE WHEN e.type IN ('RECEIVED', 'PHYSICAL_TRANSFER_IN') THEN 'in' ELSE 'out' END`])
    .execute();
  const weekly = Array.from({ length: WEEKS }, (_, k) => ({ week: new Date(Date.parse(start) + k * 7 * DAY).toISOString().slice(0, 10), in: 0, out: 0 }));
  for (const m of moves) {
    const w = weekly.find((x) => x.week === weekOf(m.day));
    if (w) w[m.dir as 'in' | 'out'] += n(m.n);
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
  const openAlerts = 'counts' in alerts ? Object.values(alerts.counts).reduce((a, b) => a + b, 0) : 0;
  const supervision = await ctx.db.selectFrom('supervision_records').where('status', '<>', 'CLOSED').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();

  return {
    byStatus: byStatus.map((r) => ({ key: r.status, label: ITEM_STATUS_LABELS[r.status as ItemStatus] ?? r.status, count: n(r.n) })),
    byCategory: byCategory.map((r) => ({ key: r.category, label: ITEM_CATEGORY_LABELS[r.category as ItemCategory] ?? r.category, count: n(r.n) })),
    byAgency: byAgency.map((r) => ({ key: String(r.id), label: r.name, count: n(r.n) })),
    weekly,
    overdueLoans: n(overdue.n),
    openAlerts,
    openSupervision: n(supervision.n),
    cashValue: n(value.find((v) => v.category === 'cash')?.v),
    valuablesValue: n(value.find((v) => v.category === 'valuables')?.v),
  };
}
