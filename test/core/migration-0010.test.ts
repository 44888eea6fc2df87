/** 0010 adds the stocktake tables and custodian assignments to an existing database without touching its data. */
import { expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/database';
import { openTestStore } from '../support/test-core';

it('0010-stocktake adds empty count tables over existing stores and users', async () => {
  const store = await openTestStore();
  try {
    await migrate(store, '0005-stores');
    const db = store.db;
    const now = '2026-11-20T02:00:00.000Z';
    const agency = await db.insertInto('agencies').values({ code: 'ZX', name: '中心', kind: 'other', parent_id: null, created_at: now }).returning('id').executeTakeFirstOrThrow();
    const st = await db.insertInto('locations').values({ code: 'ST', name: '库', kind: 'store', parent_id: null, active: 1, created_at: now, path: '/1/', store_id: 1 }).returning('id').executeTakeFirstOrThrow();
    const u = await db
      .insertInto('users')
      .values({ username: 'k', display_name: '保管', badge_no: null, agency_id: agency.id, roles: '["custodian"]', password_hash: 'x', failed_attempts: 0, locked_until: null, must_change_password: 0, active: 1, created_at: now, store_id: st.id })
      .returning('id')
      .executeTakeFirstOrThrow();

    expect(await migrate(store)).toContain('0010-stocktake');
    // Earlier assignments are unknown: none is invented.
    expect(await db.selectFrom('custodian_assignments').selectAll().execute()).toEqual([]);
    const count = await db
      .insertInto('stocktakes')
      .values({ count_no: 'PD-1', store_id: st.id, scope_location_id: st.id, scope_path: '/1/', blind: 1, status: 'OPEN', note: null, opened_by: u.id, opened_at: now, closed_by: null, closed_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('stocktake_scans').values({ stocktake_id: count.id, code: 'X', item_id: null, result: 'UNKNOWN', location_id: null, detail: null, scanned_by: u.id, scanned_at: now }).execute();
    expect((await db.selectFrom('stocktake_scans').select('result').execute()).map((r) => r.result)).toEqual(['UNKNOWN']);
    await expect(db.insertInto('stocktakes').values({ count_no: 'PD-1', store_id: st.id, scope_location_id: st.id, scope_path: '/1/', blind: 0, status: 'OPEN', note: null, opened_by: u.id, opened_at: now, closed_by: null, closed_at: null }).execute()).rejects.toThrow();
  } finally {
    await store.close();
  }
});
