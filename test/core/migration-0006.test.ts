/** 0006 backfills item_flags and the short-search index from existing items; triggers keep item_flags in step afterwards. */
import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrate } from '../../electron/core/db/database';
import { itemSearchCandidates, MAX_ID } from '../../electron/core/db/dialect';
import { openTestStore } from '../support/test-core';

it('0006-indexes backfills flags and search grams, then follows every change of items.flags', async () => {
  const store = await openTestStore();
  try {
    await migrate(store, '0004-holders');
    const db = store.db;
    const now = '2026-11-20T02:00:00.000Z';
    const a = await db.insertInto('agencies').values({ code: 'P', name: 'P', kind: 'police', parent_id: null, created_at: now }).returning('id').executeTakeFirstOrThrow();
    const u = await db
      .insertInto('users')
      .values({ username: 'u', display_name: '甲', badge_no: null, agency_id: a.id, roles: '[]', password_hash: 'x', failed_attempts: 0, locked_until: null, must_change_password: 0, active: 1, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const c = await db.insertInto('cases').values({ case_no: 'A1', name: '案', cause: null, host_agency_id: a.id, officer_name: null, stage: 'investigation', created_by: u.id, created_at: now }).returning('id').executeTakeFirstOrThrow();
    const item = (code: string, name: string, flags: string[], owner: string | null) => ({
      code, case_id: c.id, name, category: 'general', spec: null, quantity: 1, unit: '件', features: null, estimated_value: null, cash_amount: null,
      source: 'seized', owner_name: owner, owner_id_no: null, seizure_doc_no: null, seized_at: now, seized_by: null, seal_no: null, flags: JSON.stringify(flags),
      status: 'IN_STORE', location_id: null, out_with: null, holding_agency_id: a.id, created_by: u.id, created_at: now, updated_at: now,
    });
    const [phone, bike] = await db
      .insertInto('items')
      .values([item('P-1', '黑色手机', ['unrelated', 'damaged'], '王五'), item('P-2', '自行车', [], null)])
      .returning('id')
      .execute();

    expect(await migrate(store)).toContain('0006-indexes');
    const flags = async () => (await db.selectFrom('item_flags').select(['item_id', 'flag']).orderBy('item_id').orderBy('flag').execute()).map((r) => `${r.item_id}:${r.flag}`);
    expect(await flags()).toEqual([`${phone!.id}:damaged`, `${phone!.id}:unrelated`]);
    const hits = async (q: string) => (await itemSearchCandidates(store.dialect, q, MAX_ID, 50)!.execute(db)).rows.map((r) => Number((r as unknown as { id: number }).id));
    expect(await hits('手')).toEqual([phone!.id]);
    expect(await hits('行车')).toEqual([bike!.id]);
    expect(await hits('王')).toEqual([phone!.id]);
    expect(await hits('p-')).toEqual([bike!.id, phone!.id]); // code prefix "P"

    // Later writes of items.flags, whoever makes them, are followed: insert, change, clear.
    await db.updateTable('items').set({ flags: '["perishable"]' }).where('id', '=', bike!.id).execute();
    await db.updateTable('items').set({ flags: '[]' }).where('id', '=', phone!.id).execute();
    const [later] = await db.insertInto('items').values([item('P-3', '汽油', ['hazardous'], null)]).returning('id').execute();
    expect(await flags()).toEqual([`${bike!.id}:perishable`, `${later!.id}:hazardous`]);
    // A status change that leaves the flags alone does not rewrite them.
    await db.updateTable('items').set({ status: 'ON_LOAN' }).where('id', '=', later!.id).execute();
    expect(await flags()).toEqual([`${bike!.id}:perishable`, `${later!.id}:hazardous`]);
    const n = await sql<{ n: number }>`SELECT count(*) AS n FROM item_flags`.execute(db);
    expect(Number(n.rows[0]!.n)).toBe(2);
  } finally {
    await store.close();
  }
});
