/**
 * 0020: scheduled, verified backups.
 * - backup_settings: one row (id 1): the folder, the interval in hours (24 = daily) and how many copies to keep.
 * - backups: every backup attempt with its file, size, event count, head hash, photo count and the check's
 *   verdict (ok 1/0, failure: the reason, naming the first broken event). Frozen once landed.
 */
import type { Kysely } from 'kysely';
import { withId, type DialectName } from '../dialect';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('backup_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('folder', 'text')
    .addColumn('interval_hours', 'integer', (c) => c.notNull())
    .addColumn('keep', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await withId(dialect, db.schema.createTable('backups'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('engine', 'text', (c) => c.notNull())
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('events', 'integer', (c) => c.notNull())
    .addColumn('head_hash', 'text', (c) => c.notNull())
    .addColumn('photos', 'integer', (c) => c.notNull())
    .addColumn('ok', 'integer', (c) => c.notNull())
    .addColumn('failure', 'text')
    .addColumn('pruned_at', 'text')
    .execute();
  await db.schema.createIndex('backups_started').on('backups').columns(['started_at']).execute();
}
