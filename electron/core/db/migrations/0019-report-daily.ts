/**
 * 0019: report_daily, the statistics aggregate (issue 12: reports fast at 1M items / 5M events).
 * One row per Shanghai day × event type × holding agency × store × category × case type with the event count and
 * the items' value sum. The ledger append path keeps it current in the same transaction (ledger/event-aggregate.ts);
 * here it is backfilled from the ledger. Unknown agency/store are 0 and an unknown case type is '' (unique keys).
 * Frozen once landed: the counted types are listed here, not imported.
 */
import { sql, type Kysely } from 'kysely';
import { shanghaiDay, type DialectName } from '../dialect';

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
}
