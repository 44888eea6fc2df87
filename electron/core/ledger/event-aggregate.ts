/**
 * Keeps report_daily (0019) current: called by the ledger append path in the same transaction as the events, so the
 * statistics aggregate never disagrees with the ledger. Only the event types the reports count touch it; others cost
 * nothing. Each event counts under the item's holding agency after the event (agency_to_id), its store, category
 * and case type at that moment, on the Shanghai calendar day it occurred.
 */
import { sql } from 'kysely';
import type { Ctx } from '../context';
import type { EventType } from '../../../shared/domain/enums';

/** Event types counted in report_daily (the same list as migration 0019's backfill). */
export const AGGREGATED_TYPES: ReadonlySet<EventType> = new Set<EventType>([
  'RECEIVED', 'REFUSED', 'CHECKED_OUT', 'CHECKED_IN', 'CUSTODY_TRANSFER_ACCEPTED', 'PHYSICAL_TRANSFER_OUT', 'PHYSICAL_TRANSFER_IN',
  'RETURNED_TO_OWNER', 'SOLD', 'DESTROYED', 'CONFISCATED', 'HANDED_OVER', 'LOST_REPORTED',
]);

const SHANGHAI = 8 * 3600_000;
/** The Shanghai calendar day (YYYY-MM-DD) of an ISO instant. */
export const shanghaiDayOf = (iso: string) => new Date(Date.parse(iso) + SHANGHAI).toISOString().slice(0, 10);
/** The instant a Shanghai calendar day begins. */
export const shanghaiMidnight = (day: string) => new Date(Date.parse(`${day}T00:00:00.000Z`) - SHANGHAI).toISOString();

/** Events that put an item on a shelf and those that take it off (as report.stats defines the end-of-period stock). */
export const STOCK_IN: readonly EventType[] = ['RECEIVED', 'CHECKED_IN', 'PHYSICAL_TRANSFER_IN'];
export const STOCK_OUT: readonly EventType[] = ['CHECKED_OUT', 'PHYSICAL_TRANSFER_OUT', 'RETURNED_TO_OWNER', 'SOLD', 'DESTROYED', 'CONFISCATED', 'HANDED_OVER', 'LOST_REPORTED'];
/**
 * The pseudo-type of report_daily rows that carry the change in stock: +1 when an item's last stock-moving event
 * turns to an IN, −1 when it turns from an IN to an OUT, and −1/+1 between agencies when a paper transfer is accepted
 * while the item is in stock. Their sum over the days before a midnight is the stock at that midnight.
 */
export const STOCK_DELTA = 'STOCK';
/** The pseudo-type of report_daily rows counting late intakes: RECEIVED more than 24 hours after the seizure. */
export const LATE_INTAKE = 'LATE_INTAKE';
export const LATE_INTAKE_HOURS = 24;
/**
 * The pseudo-type of report_daily rows counting loans that ended (CHECKED_IN, or LOST_REPORTED on return) after
 * their due time, on the Shanghai day they fell due (0023). Loans still out are counted from the open requests.
 */
export const LOAN_OVERDUE = 'LOAN_OVERDUE';
/** The events that end an item's loan (request_id: the loan). */
export const LOAN_ENDS: readonly EventType[] = ['CHECKED_IN', 'LOST_REPORTED'];

type Counted = { type: string; seq: number; item_id: number | null; request_id: number | null; agency_from_id: number | null; agency_to_id: number | null; occurred_at: string };

/** The due times of the loan requests among `ids`. */
async function loanDueTimes(ctx: Pick<Ctx, 'db'>, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await ctx.db.selectFrom('requests').select(['id', 'due_at']).where('id', 'in', ids).where('kind', '=', 'loan').where('due_at', 'is not', null).execute();
  return new Map(rows.map((r) => [r.id, r.due_at!]));
}

/** Was the item in stock just before event `seq` (its last stock-moving event an IN)? */
async function inStockBefore(ctx: Pick<Ctx, 'db'>, itemId: number, seq: number): Promise<boolean> {
  const prev = await ctx.db
    .selectFrom('custody_events')
    .select('type')
    .where('item_id', '=', itemId)
    .where('seq', '<', seq)
    .where('type', 'in', [...STOCK_IN, ...STOCK_OUT])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return prev !== undefined && STOCK_IN.includes(prev.type as EventType);
}

export async function countEvents(ctx: Pick<Ctx, 'db'>, events: readonly Counted[]): Promise<void> {
  const counted = events.filter((e) => e.item_id !== null && AGGREGATED_TYPES.has(e.type as EventType));
  if (!counted.length) return;
  const ids = [...new Set(counted.map((e) => e.item_id!))];
  const items = new Map<number, { agency: number; store: number; category: string; caseType: string; value: number; seizedAt: string | null }>();
  for (let k = 0; k < ids.length; k += 500) {
    const rows = await ctx.db
      .selectFrom('items as i')
      .leftJoin('cases as c', 'c.id', 'i.case_id')
      .select(['i.id', 'i.holding_agency_id', 'i.store_id', 'i.category', 'i.seized_at', 'c.case_type', sql<number>`COALESCE(i.cash_amount, i.estimated_value, 0)`.as('value')])
      .where('i.id', 'in', ids.slice(k, k + 500))
      .execute();
    for (const r of rows) items.set(r.id, { agency: r.holding_agency_id, store: r.store_id ?? 0, category: r.category, caseType: r.case_type ?? '', value: Number(r.value), seizedAt: r.seized_at });
  }
  const dues = await loanDueTimes(ctx, [...new Set(counted.filter((e) => e.request_id !== null && LOAN_ENDS.includes(e.type as EventType)).map((e) => e.request_id!))]);
  const groups = new Map<string, { day: string; type: string; agency_id: number; store_id: number; category: string; case_type: string; n: number; v: number }>();
  for (const e of counted) {
    const i = items.get(e.item_id!);
    if (!i) continue;
    const put = (type: string, agency: number, n: number, day = shanghaiDayOf(e.occurred_at)) => {
      const row = { day, type, agency_id: agency, store_id: i.store, category: i.category, case_type: i.caseType };
      const key = JSON.stringify(row);
      const g = groups.get(key) ?? { ...row, n: 0, v: 0 };
      g.n += n;
      g.v += n * i.value;
      groups.set(key, g);
    };
    const to = e.agency_to_id ?? i.agency;
    const from = e.agency_from_id ?? i.agency;
    put(e.type, to, 1);
    const due = e.request_id !== null && LOAN_ENDS.includes(e.type as EventType) ? dues.get(e.request_id) : undefined;
    if (due && e.occurred_at > due) put(LOAN_OVERDUE, to, 1, shanghaiDayOf(due));
    if (e.type === 'RECEIVED' && i.seizedAt && (Date.parse(e.occurred_at) - Date.parse(i.seizedAt)) / 3600_000 > LATE_INTAKE_HOURS) put(LATE_INTAKE, to, 1);
    const isIn = STOCK_IN.includes(e.type as EventType);
    const isOut = STOCK_OUT.includes(e.type as EventType);
    const moves = e.type === 'CUSTODY_TRANSFER_ACCEPTED' && from !== to;
    if (!isIn && !isOut && !moves) continue;
    const was = await inStockBefore(ctx, e.item_id!, e.seq);
    if (isIn && !was) put(STOCK_DELTA, to, 1);
    if (isOut && was) put(STOCK_DELTA, from, -1);
    if (moves && was) {
      put(STOCK_DELTA, from, -1);
      put(STOCK_DELTA, to, 1);
    }
  }
  for (const g of groups.values()) {
    await ctx.db
      .insertInto('report_daily')
      .values(g)
      .onConflict((oc) =>
        oc.columns(['day', 'type', 'agency_id', 'store_id', 'category', 'case_type']).doUpdateSet({ n: sql`report_daily.n + excluded.n`, v: sql`report_daily.v + excluded.v` }),
      )
      .execute();
  }
}
