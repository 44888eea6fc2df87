/** 0013 adds ledger_anchors, documents, document_covers (one row per serial and event) and integrity_log. */
import { expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/database';
import { openTestStore } from '../support/test-core';

it('0013-ledger-anchors creates the anchor, document and integrity tables', async () => {
  const store = await openTestStore();
  try {
    await migrate(store, '0011-corrections');
    expect(await migrate(store)).toContain('0013-ledger-anchors');
    const db = store.db;
    await db.insertInto('ledger_anchors').values({ seq: 3, hash: 'a'.repeat(64), signed_at: '2026-12-01T00:00:00Z', key_id: '0123456789abcdef', signature: 'sig', reason: 'manual', signed_by_name: '吴监督' }).execute();
    expect(await db.selectFrom('ledger_anchors').select(['id', 'seq']).execute()).toEqual([{ id: 1, seq: 3 }]);
    await db.insertInto('documents').values({ serial_no: 'LZJL-1', printed_seq: 4, events_hash: 'b'.repeat(64), event_count: 2 }).execute();
    await expect(db.insertInto('documents').values({ serial_no: 'LZJL-1', printed_seq: 5, events_hash: 'c', event_count: 0 }).execute()).rejects.toThrow();
    await db.insertInto('document_covers').values([{ serial_no: 'LZJL-1', seq: 1, hash: 'h1' }, { serial_no: 'LZJL-1', seq: 2, hash: 'h2' }]).execute();
    await expect(db.insertInto('document_covers').values({ serial_no: 'LZJL-1', seq: 2, hash: 'again' }).execute()).rejects.toThrow();
    await db.insertInto('integrity_log').values({ at: '2026-12-01T00:00:00Z', kind: 'trigger_restored', detail: 'x' }).execute();
    expect(await db.selectFrom('integrity_log').select('kind').execute()).toEqual([{ kind: 'trigger_restored' }]);
  } finally {
    await store.close();
  }
});
