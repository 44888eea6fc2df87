/** 0005 puts one store above the existing location tree, with paths, and places custodians and received items in it. */
import { expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/database';
import { openTestStore } from '../support/test-core';

it('0005-stores creates a store above every root location and fills paths, custodians’ and items’ stores', async () => {
  const store = await openTestStore();
  try {
    await migrate(store, '0004-holders');
    const db = store.db;
    const now = '2026-11-20T02:00:00.000Z';
    const agency = (await db.insertInto('agencies').values({ code: 'P', name: 'P', kind: 'police', parent_id: null, created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
    const user = async (username: string, roles: string) =>
      (
        await db
          .insertInto('users')
          .values({ username, display_name: username, badge_no: null, agency_id: agency, roles, password_hash: 'x', failed_attempts: 0, locked_until: null, must_change_password: 0, active: 1, created_at: now })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const keeper = await user('k', '["custodian"]');
    const officer = await user('o', '["case_officer"]');
    const loc = async (code: string, kind: string, parent: number | null) =>
      (await db.insertInto('locations').values({ code, name: code, kind, parent_id: parent, active: 1, created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
    const wh = await loc('WH', 'warehouse', null);
    const zone = await loc('WH-Z', 'zone', wh);
    const shelf = await loc('WH-Z-S', 'shelf', zone);
    const c = await db.insertInto('cases').values({ case_no: 'A1', name: '案', cause: null, host_agency_id: agency, officer_name: null, stage: 'investigation', created_by: officer, created_at: now }).returning('id').executeTakeFirstOrThrow();
    const item = async (code: string, status: string, location: number | null) =>
      (
        await db
          .insertInto('items')
          .values({
            code, case_id: c.id, name: code, category: 'general', spec: null, quantity: 1, unit: '件', features: null, estimated_value: null, cash_amount: null,
            source: 'seized', owner_name: null, owner_id_no: null, seizure_doc_no: null, seized_at: now, seized_by: null, seal_no: null, flags: '[]', status,
            location_id: location, out_with: null, holding_agency_id: agency, created_by: officer, created_at: now, updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const shelved = await item('I1', 'IN_STORE', shelf);
    const pending = await item('I2', 'REGISTERED', null);

    expect(await migrate(store)).toContain('0005-stores');
    const st = await db.selectFrom('locations').selectAll().where('kind', '=', 'store').executeTakeFirstOrThrow();
    expect(st).toMatchObject({ code: 'ST-01', name: '保管中心', parent_id: null, store_id: st.id, path: `/${st.id}/` });
    const rows = await db.selectFrom('locations').select(['id', 'parent_id', 'path', 'store_id']).where('kind', '!=', 'store').orderBy('id').execute();
    expect(rows).toEqual([
      { id: wh, parent_id: st.id, path: `/${st.id}/${wh}/`, store_id: st.id },
      { id: zone, parent_id: wh, path: `/${st.id}/${wh}/${zone}/`, store_id: st.id },
      { id: shelf, parent_id: zone, path: `/${st.id}/${wh}/${zone}/${shelf}/`, store_id: st.id },
    ]);
    const users = await db.selectFrom('users').select(['id', 'store_id']).orderBy('id').execute();
    expect(users).toEqual([{ id: keeper, store_id: st.id }, { id: officer, store_id: null }]);
    const items = await db.selectFrom('items').select(['id', 'store_id']).orderBy('id').execute();
    expect(items).toEqual([{ id: shelved, store_id: st.id }, { id: pending, store_id: null }]);
    expect(await db.selectFrom('item_stores').selectAll().execute()).toEqual([{ item_id: shelved, store_id: st.id }]);
  } finally {
    await store.close();
  }
});

it('0005-stores on an empty database creates no store', async () => {
  const store = await openTestStore();
  try {
    await migrate(store);
    expect(await store.db.selectFrom('locations').selectAll().execute()).toEqual([]);
  } finally {
    await store.close();
  }
});
