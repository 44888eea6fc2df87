/**
 * 0007: ledger checkpoints. Every completed ledger check records how far the chain was verified (seq, its event id
 * and hash), when, by whom, whether it was a full or an incremental check, and its result. An incremental check
 * starts after the latest verified checkpoint; trail covers show the latest check instead of re-checking. Frozen once landed.
 */
import type { Kysely } from 'kysely';
import { withId, type DialectName } from '../dialect';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await withId(dialect, db.schema.createTable('ledger_checkpoints'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('event_id', 'integer')
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('ok', 'integer', (c) => c.notNull())
    .addColumn('checked', 'integer', (c) => c.notNull())
    .addColumn('message', 'text')
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .addColumn('checked_by', 'integer', (c) => c.references('users.id'))
    .addColumn('checked_by_name', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ledger_checkpoints_ok_seq').on('ledger_checkpoints').columns(['ok', 'seq']).execute();
}
