/** 0012 adds the cases' type and agency numbers (existing cases keep nulls) and external_custody, one row per off-site item. */
import { expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/database';
import { openTestStore } from '../support/test-core';
import { agencyAndUser } from '../support/migration-rows';

it('0012-case-life adds case numbers and type, keeps one external row per item and leaves existing rows alone', async () => {
  const store = await openTestStore();
  try {
    await migrate(store, '0011-corrections');
    const db = store.db;
    const now = '2026-11-20T02:00:00.000Z';
    const { agency, user } = await agencyAndUser(db, now);
    const u = { id: user };
    const c = await db.insertInto('cases').values({ case_no: 'A1', name: '案', cause: null, host_agency_id: agency, officer_name: null, stage: 'investigation', created_by: u.id, created_at: now }).returning('id').executeTakeFirstOrThrow();
    const item = await db
      .insertInto('items')
      .values({
        code: 'I1', case_id: c.id, name: '存款', category: 'other', spec: null, quantity: 1, unit: '项', features: null, estimated_value: null, cash_amount: null, source: 'frozen',
        owner_name: null, owner_id_no: null, seizure_doc_no: null, seized_at: now, seized_by: null, seal_no: null, flags: '[]', status: 'REGISTERED', location_id: null, out_with: null,
        holding_agency_id: agency, created_by: u.id, created_at: now, updated_at: now, store_id: null, unrelated_since: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    expect(await migrate(store)).toContain('0012-case-life');
    expect(await db.selectFrom('items').select(['code', 'status']).execute()).toEqual([{ code: 'I1', status: 'REGISTERED' }]);
    expect(await db.selectFrom('cases').select(['case_no', 'stage', 'case_type', 'police_no', 'procuratorate_no', 'court_no']).execute()).toEqual([
      { case_no: 'A1', stage: 'investigation', case_type: null, police_no: null, procuratorate_no: null, court_no: null },
    ]);
    await db.updateTable('cases').set({ court_no: '(2026)鲁16刑初12号' }).execute();
    expect((await db.selectFrom('cases').select('id').where('court_no', '=', '(2026)鲁16刑初12号').execute()).length).toBe(1);
    const row = {
      item_id: item.id, kind: 'deposit', institution: '工商银行', account_no: '6222', certificate_no: null, address: null, amount: 1234567.89,
      notice_no: 'N1', start_date: '2026-07-01', end_date: '2027-01-01', released_at: null, updated_at: now,
    };
    await db.insertInto('external_custody').values(row).execute();
    await expect(db.insertInto('external_custody').values(row).execute()).rejects.toThrow();
    await expect(db.insertInto('external_custody').values({ ...row, item_id: item.id + 99 }).execute()).rejects.toThrow();
    // Amounts keep their cents on both engines.
    expect(Number((await db.selectFrom('external_custody').select('amount').executeTakeFirstOrThrow()).amount)).toBe(1234567.89);
  } finally {
    await store.close();
  }
});
