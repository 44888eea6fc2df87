/** 0003 widens PostgreSQL's 4-byte `real` amounts; on SQLite it changes nothing. Runs on whichever engine the suite uses. */
import { expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/database';
import { openTestStore } from '../support/test-core';

it('0003-pg-exact-amounts keeps items and stores ¥1,234,567.89 and 0.125 kg exactly', async () => {
  const store = await openTestStore();
  try {
    await migrate(store, '0002-requests-search');
    const now = '2026-11-20T02:00:00.000Z';
    const a = await store.db.insertInto('agencies').values({ code: '371600', name: '滨州市公安局', kind: 'police', parent_id: null, created_at: now }).returning('id').executeTakeFirstOrThrow();
    const u = await store.db
      .insertInto('users')
      .values({ username: 'u', display_name: '甲', badge_no: null, agency_id: a.id, roles: '[]', password_hash: 'x', failed_attempts: 0, locked_until: null, must_change_password: 0, active: 1, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const c = await store.db.insertInto('cases').values({ case_no: 'A1', name: '案', cause: null, host_agency_id: a.id, officer_name: null, stage: 'investigation', created_by: u.id, created_at: now }).returning('id').executeTakeFirstOrThrow();
    const item = (code: string) => ({
      code, case_id: c.id, name: '现金', category: 'cash', spec: null, quantity: 0.125, unit: '千克', features: null, estimated_value: null, cash_amount: 1234567.89,
      source: 'seized', owner_name: null, owner_id_no: null, seizure_doc_no: null, seized_at: now, seized_by: null, seal_no: null, flags: '[]', status: 'REGISTERED',
      location_id: null, out_with: null, holding_agency_id: a.id, created_by: u.id, created_at: now, updated_at: now,
    });
    await store.db.insertInto('items').values(item('OLD')).execute();
    expect(await migrate(store)).toContain('0003-pg-exact-amounts');
    await store.db.insertInto('items').values(item('NEW')).execute();
    const rows = await store.db.selectFrom('items').select(['code', 'cash_amount', 'quantity']).orderBy('id').execute();
    expect(rows.map((r) => r.code)).toEqual(['OLD', 'NEW']);
    expect(rows[1]).toMatchObject({ cash_amount: 1234567.89, quantity: 0.125 });
  } finally {
    await store.close();
  }
});
