/**
 * 0006: indexes that answer the questions asked (issue 9).
 * - item_flags: one row per item and flag, kept in step with items.flags (JSON, still written) by triggers; backfilled.
 * - Alerts: partial indexes holding exactly the rows each deadline rule can raise, in the order it lists them.
 *   Their WHERE clauses are literal and must match alert.service.ts word for word, or the planner will not use them.
 * - Lists: category and seizure-date indexes for the item filters.
 * - Search: unigram/bigram index for 1–2 character queries (FTS5 `ascii` on SQLite, a (gram, item_id) table on
 *   PostgreSQL), plus prefix indexes for codes and case numbers on PostgreSQL; backfilled. Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';
import { createItemFlagsSync, createShortSearchIndex, indexItemsForSearchAfter, type DialectName } from '../dialect';

/** Statuses in which the agency still holds the item (alert rule for unrelated property). */
const HELD_SQL = `('REGISTERED','RECEIVING','IN_STORE','ON_LOAN','PENDING_DISPOSITION','EXTERNAL_CUSTODY')`;

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('item_flags')
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
    .addColumn('flag', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('item_flags_pk', ['flag', 'item_id'])
    .execute();
  await db.schema.createIndex('item_flags_item').on('item_flags').column('item_id').execute();
  await createItemFlagsSync(dialect, db);

  await sql`CREATE INDEX items_alert_intake ON items (seized_at, id, holding_agency_id) WHERE status IN ('REGISTERED','RECEIVING')`.execute(db);
  await sql`CREATE INDEX items_alert_unrelated ON items (created_at, id, holding_agency_id)
    WHERE status IN ${sql.raw(HELD_SQL)} AND flags LIKE '%"unrelated"%'`.execute(db);
  for (const flag of ['perishable', 'hazardous']) {
    await sql`CREATE INDEX ${sql.raw(`items_alert_${flag}`)} ON items (seized_at, id, holding_agency_id)
      WHERE status IN ('IN_STORE','PENDING_DISPOSITION') AND flags LIKE ${sql.raw(`'%"${flag}"%'`)}`.execute(db);
  }
  await sql`CREATE INDEX cases_closed ON cases (id) WHERE stage = 'closed'`.execute(db);

  await db.schema.createIndex('items_category').on('items').columns(['category', 'id']).execute();
  await db.schema.createIndex('items_seized').on('items').columns(['seized_at', 'id']).execute();

  await createShortSearchIndex(dialect, db);
  await indexItemsForSearchAfter(dialect, db, 0, { fts: false });
}
