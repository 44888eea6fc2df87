/** 0018 adds items.parent_item_id (the lot an item was split off) with an index; existing items keep null. */
import { expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/database';
import { openTestStore } from '../support/test-core';
import { agencyAndUser } from '../support/migration-rows';

it('0018-lot-split links a part to its lot and lists a lot’s parts by index', async () => {
  const store = await openTestStore();
  try {
    await migrate(store, '0016-security-log');
    const db = store.db;
    const now = '2026-11-20T02:00:00.000Z';
    const { agency, user } = await agencyAndUser(db, now);
    const c = await db.insertInto('cases').values({ case_no: 'C1', name: '案', cause: null, host_agency_id: agency, officer_name: null, stage: 'investigation', created_by: user, created_at: now }).returning('id').executeTakeFirstOrThrow();
    const item = (code: string) => ({
      code, case_id: c.id, name: '手机', category: 'electronics', spec: null, quantity: 10, unit: '部', features: null, estimated_value: null, cash_amount: null, source: 'seized',
      owner_name: null, owner_id_no: null, seizure_doc_no: null, seized_at: now, seized_by: null, seal_no: null, flags: '[]', status: 'IN_STORE', location_id: null, out_with: null,
      holding_agency_id: agency, created_by: user, created_at: now, updated_at: now,
    });
    const lot = await db.insertInto('items').values(item('L1')).returning('id').executeTakeFirstOrThrow();
    expect(await migrate(store)).toContain('0018-lot-split');
    expect(await db.selectFrom('items').select('parent_item_id').where('id', '=', lot.id).executeTakeFirstOrThrow()).toEqual({ parent_item_id: null });
    await db.insertInto('items').values({ ...item('L1-1'), quantity: 4, parent_item_id: lot.id }).execute();
    const parts = await db.selectFrom('items').select(['code', 'quantity']).where('parent_item_id', '=', lot.id).execute();
    expect(parts.map((p) => [p.code, Number(p.quantity)])).toEqual([['L1-1', 4]]);
    await expect(db.insertInto('items').values({ ...item('L1-2'), parent_item_id: 999_999 }).execute()).rejects.toThrow();
  } finally {
    await store.close();
  }
});
