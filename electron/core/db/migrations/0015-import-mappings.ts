/**
 * 0015: saved column mappings for the seizure-list import wizard (import_mappings). A mapping belongs to an agency
 * and has a name unique within it; `mapping` is JSON: import field → the spreadsheet header it reads.
 * Frozen once landed.
 */
import type { Kysely } from 'kysely';
import { withId, type DialectName } from '../dialect';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await withId(dialect, db.schema.createTable('import_mappings'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('import_mappings_agency_name').unique().on('import_mappings').columns(['agency_id', 'name']).execute();
}
