/**
 * 0013: anchors the database cannot rewrite. ledger_anchors keeps the signed checkpoints (event count + chain-head
 * hash, Ed25519 signature by a key kept outside the database); documents indexes each printed serial to its
 * RECEIPT_PRINTED event; document_covers lists, per printed document, the
 * events its QR hash covers (seq and hash at print time), so a paper copy can be re-checked event by event;
 * integrity_log records what start-up found and repaired (e.g. a restored append-only trigger). Frozen once landed.
 */
import type { Kysely } from 'kysely';
import { withId, type DialectName } from '../dialect';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await withId(dialect, db.schema.createTable('ledger_anchors'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('signed_by_name', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ledger_anchors_seq').on('ledger_anchors').column('seq').execute();
  await db.schema
    .createTable('documents')
    .addColumn('serial_no', 'text', (c) => c.primaryKey())
    .addColumn('printed_seq', 'integer', (c) => c.notNull())
    .addColumn('events_hash', 'text', (c) => c.notNull())
    .addColumn('event_count', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('document_covers')
    .addColumn('serial_no', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_covers_pk', ['serial_no', 'seq'])
    .execute();
  await withId(dialect, db.schema.createTable('integrity_log'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute();
}
