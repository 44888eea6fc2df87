/** 0014 adds the report indexes and supervision_records, on a database that already holds events. */
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/database';
import { openTestStore } from '../support/test-core';
import { agencyAndUser } from '../support/migration-rows';

it('0014-reports-supervision creates its indexes and the supervision table with its constraints', async () => {
  const store = await openTestStore();
  try {
    await migrate(store, '0011-corrections');
    const db = store.db;
    expect(await migrate(store)).toContain('0014-reports-supervision');
    const indexes =
      store.dialect === 'postgres'
        ? (await sql<{ name: string }>`SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema()`.execute(db)).rows
        : (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'index'`.execute(db)).rows;
    const names = indexes.map((r) => r.name);
    for (const ix of ['events_type_time', 'items_case_status', 'supervision_agency', 'supervision_status']) expect(names).toContain(ix);

    const now = '2026-11-20T02:00:00.000Z';
    const { agency, user } = await agencyAndUser(db, now);
    const u = { id: user };
    const rec = {
      record_no: 'JD-2026-000001', kind: 'opinion', target_type: 'agency', item_id: null, case_id: null, request_id: null, agency_id: agency, finding: 'f', legal_basis: 'b',
      deadline: now, status: 'OPEN', answer: null, answered_by: null, answered_at: null, close_note: null, closed_by: null, closed_at: null, created_by: u.id, created_at: now, updated_at: now,
    };
    await db.insertInto('supervision_records').values(rec).execute();
    await expect(db.insertInto('supervision_records').values(rec).execute()).rejects.toThrow(); // record_no unique
    await expect(db.insertInto('supervision_records').values({ ...rec, record_no: 'JD-2', agency_id: 999 }).execute()).rejects.toThrow(); // agency must exist
  } finally {
    await store.close();
  }
});
