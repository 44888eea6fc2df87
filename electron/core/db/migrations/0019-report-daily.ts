/**
 * 0019: report_daily, the statistics aggregate (issue 12: reports fast at 1M items / 5M events).
 * One row per Shanghai day × event type × holding agency × store × category × case type with the event count and
 * the items' value sum. The ledger append path keeps it current in the same transaction (ledger/event-aggregate.ts);
 * here it is backfilled from the ledger. Unknown agency/store are 0 and an unknown case type is '' (unique keys).
 * Rows of type 'STOCK' carry the change in stock (+1 when an item's last stock-moving event turns to an IN, −1 when
 * it turns from an IN to an OUT, −1/+1 between agencies for a paper transfer accepted in stock); rows of type
 * 'LATE_INTAKE' count the RECEIVED events more than 24 hours after the seizure.
 * Frozen once landed: the counted types are listed here, not imported.
 */
import { sql, type Kysely } from 'kysely';
import { hoursBetween, shanghaiDay, type DialectName } from '../dialect';

const STOCK_IN = ['RECEIVED', 'CHECKED_IN', 'PHYSICAL_TRANSFER_IN'];
const STOCK_OUT = ['CHECKED_OUT', 'PHYSICAL_TRANSFER_OUT', 'RETURNED_TO_OWNER', 'SOLD', 'DESTROYED', 'CONFISCATED', 'HANDED_OVER', 'LOST_REPORTED'];
const COUNTED = [
  'RECEIVED', 'REFUSED', 'CHECKED_OUT', 'CHECKED_IN', 'CUSTODY_TRANSFER_ACCEPTED', 'PHYSICAL_TRANSFER_OUT', 'PHYSICAL_TRANSFER_IN',
  'RETURNED_TO_OWNER', 'SOLD', 'DESTROYED', 'CONFISCATED', 'HANDED_OVER', 'LOST_REPORTED',
];

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('report_daily')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'integer', (c) => c.notNull())
    .addColumn('store_id', 'integer', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('case_type', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('v', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_daily_pk', ['day', 'type', 'agency_id', 'store_id', 'category', 'case_type'])
    .execute();
  const day = shanghaiDay(dialect, 'e.occurred_at');
  const types = sql.join(COUNTED.map((t) => sql.lit(t)));
  await sql`
    INSERT INTO report_daily (day, type, agency_id, store_id, category, case_type, n, v)
    SELECT ${day}, e.type, COALESCE(e.agency_to_id, i.holding_agency_id, 0), COALESCE(i.store_id, 0), i.category, COALESCE(c.case_type, ''),
           COUNT(*), SUM(COALESCE(i.cash_amount, i.estimated_value, 0))
    FROM custody_events e
    JOIN items i ON i.id = e.item_id
    LEFT JOIN cases c ON c.id = i.case_id
    WHERE e.type IN (${types})
    GROUP BY ${day}, e.type, COALESCE(e.agency_to_id, i.holding_agency_id, 0), COALESCE(i.store_id, 0), i.category, COALESCE(c.case_type, '')
  `.execute(db);

  const list = (xs: string[]) => sql.join(xs.map((t) => sql.lit(t)));
  const ins = list(STOCK_IN);
  const outs = list(STOCK_OUT);
  const all = list([...STOCK_IN, ...STOCK_OUT]);
  await sql`
    INSERT INTO report_daily (day, type, agency_id, store_id, category, case_type, n, v)
    WITH s AS (
      SELECT e.item_id, e.occurred_at, e.type,
             COALESCE(e.agency_from_id, i.holding_agency_id, 0) AS ag_from, COALESCE(e.agency_to_id, i.holding_agency_id, 0) AS ag_to,
             (SELECT x.type FROM custody_events x WHERE x.item_id = e.item_id AND x.seq < e.seq AND x.type IN (${all}) ORDER BY x.seq DESC LIMIT 1) AS prev
      FROM custody_events e JOIN items i ON i.id = e.item_id
      WHERE e.type IN (${all}, 'CUSTODY_TRANSFER_ACCEPTED')
    ), d AS (
      SELECT item_id, occurred_at, ag_to AS agency, 1 AS n FROM s WHERE type IN (${ins}) AND (prev IS NULL OR prev NOT IN (${ins}))
      UNION ALL SELECT item_id, occurred_at, ag_from, -1 FROM s WHERE type IN (${outs}) AND prev IN (${ins})
      UNION ALL SELECT item_id, occurred_at, ag_from, -1 FROM s WHERE type = 'CUSTODY_TRANSFER_ACCEPTED' AND prev IN (${ins}) AND ag_from <> ag_to
      UNION ALL SELECT item_id, occurred_at, ag_to, 1 FROM s WHERE type = 'CUSTODY_TRANSFER_ACCEPTED' AND prev IN (${ins}) AND ag_from <> ag_to
    )
    SELECT ${shanghaiDay(dialect, 'd.occurred_at')}, 'STOCK', d.agency, COALESCE(i.store_id, 0), i.category, COALESCE(c.case_type, ''),
           SUM(d.n), SUM(d.n * COALESCE(i.cash_amount, i.estimated_value, 0))
    FROM d JOIN items i ON i.id = d.item_id LEFT JOIN cases c ON c.id = i.case_id
    GROUP BY ${shanghaiDay(dialect, 'd.occurred_at')}, d.agency, COALESCE(i.store_id, 0), i.category, COALESCE(c.case_type, '')
  `.execute(db);
  await sql`
    INSERT INTO report_daily (day, type, agency_id, store_id, category, case_type, n, v)
    SELECT ${day}, 'LATE_INTAKE', COALESCE(e.agency_to_id, i.holding_agency_id, 0), COALESCE(i.store_id, 0), i.category, COALESCE(c.case_type, ''),
           COUNT(*), SUM(COALESCE(i.cash_amount, i.estimated_value, 0))
    FROM custody_events e
    JOIN items i ON i.id = e.item_id
    LEFT JOIN cases c ON c.id = i.case_id
    WHERE e.type = 'RECEIVED' AND ${hoursBetween(dialect, 'e.occurred_at', 'i.seized_at')} > 24
    GROUP BY ${day}, COALESCE(e.agency_to_id, i.holding_agency_id, 0), COALESCE(i.store_id, 0), i.category, COALESCE(c.case_type, '')
  `.execute(db);
}
