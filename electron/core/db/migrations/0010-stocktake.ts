/**
 * 0010: stocktake (盘点).
 * - stocktakes: one count of a store/warehouse/zone/shelf subtree (scope_path is the scope location's path, so
 *   overlap is a prefix test); status OPEN/PAUSED/CLOSED lives here, so a count can resume on another terminal.
 * - stocktake_expected: the items recorded in the scope when the count was opened (the snapshot counted against).
 * - stocktake_scans: every scan with its result; duplicates are kept (flagged), never counted twice.
 * - stocktake_discrepancies: written on close, one per problem; each resolved with a note (missing ones after an
 *   approver of the holding agency agrees).
 * - custodian_assignments: when a custodian was put in a store (user.save), so the home page can tell a store whose
 *   custodian changed without a count since. Earlier assignments are not known (users.store_id was not logged).
 * Frozen once landed.
 */
import type { Kysely } from 'kysely';
import { withId, type DialectName } from '../dialect';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await withId(dialect, db.schema.createTable('stocktakes'))
    .addColumn('count_no', 'text', (c) => c.notNull().unique())
    .addColumn('store_id', 'integer', (c) => c.notNull().references('locations.id'))
    .addColumn('scope_location_id', 'integer', (c) => c.notNull().references('locations.id'))
    .addColumn('scope_path', 'text', (c) => c.notNull())
    .addColumn('blind', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('opened_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('closed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('stocktakes_store').on('stocktakes').columns(['store_id', 'status', 'id']).execute();

  await db.schema
    .createTable('stocktake_expected')
    .addColumn('stocktake_id', 'integer', (c) => c.notNull().references('stocktakes.id'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
    .addColumn('location_id', 'integer', (c) => c.notNull().references('locations.id'))
    .addPrimaryKeyConstraint('stocktake_expected_pk', ['stocktake_id', 'item_id'])
    .execute();

  await withId(dialect, db.schema.createTable('stocktake_scans'))
    .addColumn('stocktake_id', 'integer', (c) => c.notNull().references('stocktakes.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('item_id', 'integer', (c) => c.references('items.id'))
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('location_id', 'integer', (c) => c.references('locations.id'))
    .addColumn('detail', 'text')
    .addColumn('scanned_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('scanned_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stocktake_scans_count').on('stocktake_scans').columns(['stocktake_id', 'item_id']).execute();

  await withId(dialect, db.schema.createTable('stocktake_discrepancies'))
    .addColumn('stocktake_id', 'integer', (c) => c.notNull().references('stocktakes.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('item_id', 'integer', (c) => c.references('items.id'))
    .addColumn('expected_location_id', 'integer', (c) => c.references('locations.id'))
    .addColumn('found_location_id', 'integer', (c) => c.references('locations.id'))
    .addColumn('detail', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('proposed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('proposed_at', 'text')
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
    .addColumn('event_id', 'integer')
    .execute();
  await db.schema.createIndex('stocktake_discrepancies_count').on('stocktake_discrepancies').columns(['stocktake_id', 'id']).execute();
  await db.schema.createIndex('stocktake_discrepancies_pending').on('stocktake_discrepancies').columns(['status', 'agency_id']).execute();

  await withId(dialect, db.schema.createTable('custodian_assignments'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('store_id', 'integer', (c) => c.notNull().references('locations.id'))
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('custodian_assignments_store').on('custodian_assignments').columns(['store_id', 'assigned_at']).execute();
}
