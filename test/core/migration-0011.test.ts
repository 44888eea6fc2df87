/** 0011 adds item_proposals (one pending per item) and items.unrelated_since, backfilled for items already flagged. */
import { expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/database';
import { openTestStore } from '../support/test-core';
import { agencyAndUser } from '../support/migration-rows';

it('0011-corrections backfills unrelated_since and keeps one pending proposal per item', async () => {
  const store = await openTestStore();
  try {
    await migrate(store, '0005-stores');
    const db = store.db;
    const now = '2026-11-20T02:00:00.000Z';
    const { agency, user } = await agencyAndUser(db, now);
    const u = { id: user };
    const c = await db.insertInto('cases').values({ case_no: 'A1', name: '案', cause: null, host_agency_id: agency, officer_name: null, stage: 'investigation', created_by: u.id, created_at: now }).returning('id').executeTakeFirstOrThrow();
    const item = (code: string, flags: string) => ({
      code, case_id: c.id, name: '车', category: 'general', spec: null, quantity: 1, unit: '辆', features: null, estimated_value: null, cash_amount: null, source: 'seized',
      owner_name: null, owner_id_no: null, seizure_doc_no: null, seized_at: now, seized_by: null, seal_no: null, flags, status: 'IN_STORE', location_id: null, out_with: null,
      holding_agency_id: agency, created_by: u.id, created_at: now, updated_at: now, store_id: null,
    });
    // Typed as before 0011: the row has no unrelated_since yet.
    await (db as unknown as import('kysely').Kysely<{ items: Record<string, unknown> }>).insertInto('items').values([item('I1', '["unrelated"]'), item('I2', '[]')]).execute();

    expect(await migrate(store)).toContain('0011-corrections');
    const rows = await db.selectFrom('items').select(['code', 'unrelated_since']).orderBy('code').execute();
    expect(rows).toEqual([
      { code: 'I1', unrelated_since: now },
      { code: 'I2', unrelated_since: null },
    ]);
    const i1 = (await db.selectFrom('items').select('id').where('code', '=', 'I1').executeTakeFirstOrThrow()).id;
    const p = { item_id: i1, kind: 'correction', status: 'pending', agency_id: agency, changes: '[]', reason: 'r', proposed_by: u.id, proposed_at: now };
    await db.insertInto('item_proposals').values(p).execute();
    await expect(db.insertInto('item_proposals').values(p).execute()).rejects.toThrow();
    await db.insertInto('item_proposals').values({ ...p, status: 'rejected' }).execute();
  } finally {
    await store.close();
  }
});
