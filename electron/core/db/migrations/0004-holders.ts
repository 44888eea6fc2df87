/**
 * 0004: who may read what. item_holders and case_holders list every agency that holds or has held an item, and
 * every agency that hosts or has hosted a case or held one of its items; the visibility rule reads them through
 * their (agency_id, …) indexes. Existing data is backfilled from the items, the cases and the ledger. Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect';

export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('item_holders')
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addPrimaryKeyConstraint('item_holders_pk', ['item_id', 'agency_id'])
    .execute();
  await db.schema.createIndex('item_holders_agency').on('item_holders').columns(['agency_id', 'item_id']).execute();
  await db.schema
    .createTable('case_holders')
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addPrimaryKeyConstraint('case_holders_pk', ['case_id', 'agency_id'])
    .execute();
  await db.schema.createIndex('case_holders_agency').on('case_holders').columns(['agency_id', 'case_id']).execute();

  // Holders so far: the present holder, the registering holder, and every agency that accepted a transfer.
  await sql`INSERT INTO item_holders (item_id, agency_id)
    SELECT id, holding_agency_id FROM items
    UNION SELECT item_id, agency_to_id FROM custody_events
      WHERE item_id IS NOT NULL AND agency_to_id IS NOT NULL AND type IN ('REGISTERED', 'CUSTODY_TRANSFER_ACCEPTED')`.execute(db);
  await sql`INSERT INTO case_holders (case_id, agency_id)
    SELECT id, host_agency_id FROM cases
    UNION SELECT i.case_id, h.agency_id FROM item_holders h JOIN items i ON i.id = h.item_id`.execute(db);
}
