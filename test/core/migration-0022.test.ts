/** 0022 creates item_counts and location_counts, backfills them from items, and keeps them current by triggers. */
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/database';
import { openTestStore } from '../support/test-core';
import { agencyAndUser } from '../support/migration-rows';

it('0022-item-counts backfills counts per status, category, agency and store, and per location, then follows writes', async () => {
  const store = await openTestStore();
  try {
    await migrate(store, '0021-items-store');
    const db = store.db;
    const now = '2026-11-20T02:00:00.000Z';
    const { agency, user } = await agencyAndUser(db, now);
    const court = (await db.insertInto('agencies').values({ code: 'F', name: 'F', kind: 'court', parent_id: null, created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
    const st = (await db.insertInto('locations').values({ code: 'ST', name: '库', kind: 'store', parent_id: null, active: 1, created_at: now, path: null, store_id: null }).returning('id').executeTakeFirstOrThrow()).id;
    await db.updateTable('locations').set({ path: `/${st}/`, store_id: st }).where('id', '=', st).execute();
    const shelf = (await db.insertInto('locations').values({ code: 'S1', name: '架', kind: 'shelf', parent_id: st, active: 1, created_at: now, path: null, store_id: st }).returning('id').executeTakeFirstOrThrow()).id;
    await db.updateTable('locations').set({ path: `/${st}/${shelf}/` }).where('id', '=', shelf).execute();
    const c = await db
      .insertInto('cases')
      .values({ case_no: 'A1', name: '案', cause: null, host_agency_id: agency, officer_name: null, stage: 'investigation', created_by: user, created_at: now, case_type: null, police_no: null, procuratorate_no: null, court_no: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    let k = 0;
    const item = (status: string, category: string, cash: number | null, est: number | null, holder: number, storeId: number | null, loc: number | null) => ({
      code: `I${++k}`, case_id: c.id, name: '物', category, spec: null, quantity: 1, unit: '件', features: null, estimated_value: est, cash_amount: cash, source: 'seized',
      owner_name: null, owner_id_no: null, seizure_doc_no: null, seized_at: now, seized_by: null, seal_no: null, flags: '[]', status, location_id: loc, out_with: null,
      holding_agency_id: holder, created_by: user, created_at: now, updated_at: now, store_id: storeId, unrelated_since: null, parent_item_id: null,
    });
    await db
      .insertInto('items')
      .values([
        item('REGISTERED', 'general', null, 20.1, agency, null, null),
        item('IN_STORE', 'cash', 100.5, null, agency, st, shelf),
        item('IN_STORE', 'cash', 0.25, 99, agency, st, shelf), // cash amount wins over the estimate
        item('IN_STORE', 'general', null, null, court, st, shelf),
        item('ON_LOAN', 'general', null, 3, agency, st, null),
        item('RETURNED', 'valuables', null, 1000, court, st, null),
      ])
      .execute();

    expect(await migrate(store)).toContain('0022-item-counts');
    const kept = async () =>
      (await db.selectFrom('item_counts').selectAll().where('n', '<>', 0).orderBy('status').orderBy('category').orderBy('holding_agency_id').execute()).map((r) => ({ ...r, n: Number(r.n), value_fen: Number(r.value_fen) }));
    const places = async () => (await db.selectFrom('location_counts').selectAll().where('n', '<>', 0).orderBy('location_id').orderBy('status').execute()).map((r) => ({ ...r, n: Number(r.n) }));
    expect(await kept()).toEqual([
      { status: 'IN_STORE', category: 'cash', holding_agency_id: agency, store_id: st, n: 2, value_fen: 10075 },
      { status: 'IN_STORE', category: 'general', holding_agency_id: court, store_id: st, n: 1, value_fen: 0 },
      { status: 'ON_LOAN', category: 'general', holding_agency_id: agency, store_id: st, n: 1, value_fen: 300 },
      { status: 'REGISTERED', category: 'general', holding_agency_id: agency, store_id: 0, n: 1, value_fen: 2010 },
      { status: 'RETURNED', category: 'valuables', holding_agency_id: court, store_id: st, n: 1, value_fen: 100000 },
    ]);
    expect(await places()).toEqual([{ location_id: shelf, status: 'IN_STORE', n: 3 }]);
    // One row per key: a second insert of the same key is refused.
    await expect(db.insertInto('item_counts').values({ status: 'IN_STORE', category: 'cash', holding_agency_id: agency, store_id: st, n: 1, value_fen: 0 }).execute()).rejects.toThrow();

    // From now on the triggers follow every write: an intake, a loan back onto the shelf, a value change.
    await sql`UPDATE items SET status = 'IN_STORE', store_id = ${st}, location_id = ${shelf} WHERE code IN ('I1', 'I5')`.execute(db);
    await sql`UPDATE items SET cash_amount = 100 WHERE code = 'I2'`.execute(db);
    await db.insertInto('items').values(item('IN_STORE', 'cash', 1, null, agency, st, shelf)).execute();
    expect(await kept()).toEqual([
      { status: 'IN_STORE', category: 'cash', holding_agency_id: agency, store_id: st, n: 3, value_fen: 10125 },
      { status: 'IN_STORE', category: 'general', holding_agency_id: agency, store_id: st, n: 2, value_fen: 2310 },
      { status: 'IN_STORE', category: 'general', holding_agency_id: court, store_id: st, n: 1, value_fen: 0 },
      { status: 'RETURNED', category: 'valuables', holding_agency_id: court, store_id: st, n: 1, value_fen: 100000 },
    ]);
    expect(await places()).toEqual([{ location_id: shelf, status: 'IN_STORE', n: 6 }]);
    await db.deleteFrom('items').where('code', '=', 'I7').execute();
    expect((await kept())[0]).toMatchObject({ n: 2, value_fen: 10025 });
    expect(await places()).toEqual([{ location_id: shelf, status: 'IN_STORE', n: 5 }]);
  } finally {
    await store.close();
  }
});
