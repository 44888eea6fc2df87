/**
 * 0022: counts kept as data (issue 12 dashboard, issue 9 location list), so no screen groups the whole items table.
 * - item_counts: items per status × category × holding agency × store (0 = none) with their value in fen
 *   (cash amount, else estimate; integer, so adding and taking away never drifts);
 * - location_counts: items per location × status (items without a location are not counted).
 * Triggers on items keep both current in the same transaction as every write (dialect.ts createItemCountsSync);
 * here they are backfilled from items. Rows may reach n = 0 and stay. Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';
import { createItemCountsSync, type DialectName } from '../dialect';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('item_counts')
    .addColumn('status', 'varchar(30)', (c) => c.notNull())
    .addColumn('category', 'varchar(30)', (c) => c.notNull())
    .addColumn('holding_agency_id', 'integer', (c) => c.notNull())
    .addColumn('store_id', 'integer', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('value_fen', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('item_counts_pk', ['status', 'category', 'holding_agency_id', 'store_id'])
    .execute();
  await db.schema
    .createTable('location_counts')
    .addColumn('location_id', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(30)', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('location_counts_pk', ['location_id', 'status'])
    .execute();
  const fen =
    dialect === 'postgres'
      ? sql`SUM(ROUND((COALESCE(cash_amount, estimated_value, 0) * 100)::numeric)::bigint)`
      : sql`SUM(CAST(ROUND(COALESCE(cash_amount, estimated_value, 0) * 100) AS INTEGER))`;
  await sql`
    INSERT INTO item_counts (status, category, holding_agency_id, store_id, n, value_fen)
    SELECT status, category, holding_agency_id, COALESCE(store_id, 0), COUNT(*), ${fen}
    FROM items GROUP BY status, category, holding_agency_id, COALESCE(store_id, 0)
  `.execute(db);
  await sql`
    INSERT INTO location_counts (location_id, status, n)
    SELECT location_id, status, COUNT(*) FROM items WHERE location_id IS NOT NULL GROUP BY location_id, status
  `.execute(db);
  await createItemCountsSync(dialect, db);
}
