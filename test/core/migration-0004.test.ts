/** 0004 backfills who held what: present holders, registering holders and accepted transfers; cases follow their items. */
import { expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/database';
import { openTestStore } from '../support/test-core';

it('0004-holders backfills item_holders and case_holders from items, cases and the ledger', async () => {
  const store = await openTestStore();
  try {
    await migrate(store, '0003-pg-exact-amounts');
    const db = store.db;
    const now = '2026-11-20T02:00:00.000Z';
    const agency = async (code: string, kind: string) =>
      (await db.insertInto('agencies').values({ code, name: code, kind, parent_id: null, created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
    const [police, proc, court] = [await agency('P', 'police'), await agency('J', 'procuratorate'), await agency('F', 'court')];
    const u = await db
      .insertInto('users')
      .values({ username: 'u', display_name: '甲', badge_no: null, agency_id: police, roles: '[]', password_hash: 'x', failed_attempts: 0, locked_until: null, must_change_password: 0, active: 1, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const c = await db.insertInto('cases').values({ case_no: 'A1', name: '案', cause: null, host_agency_id: police, officer_name: null, stage: 'investigation', created_by: u.id, created_at: now }).returning('id').executeTakeFirstOrThrow();
    const item = await db
      .insertInto('items')
      .values({
        code: 'I1', case_id: c.id, name: '手机', category: 'electronics', spec: null, quantity: 1, unit: '部', features: null, estimated_value: null, cash_amount: null,
        source: 'seized', owner_name: null, owner_id_no: null, seizure_doc_no: null, seized_at: now, seized_by: null, seal_no: null, flags: '[]', status: 'IN_STORE',
        location_id: null, out_with: null, holding_agency_id: proc, created_by: u.id, created_at: now, updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const ev = (seq: number, type: string, from: number | null, to: number | null) => ({
      seq, type, item_id: item.id, case_id: c.id, request_id: null, actor_user_id: u.id, actor_name: '甲', counterpart: null, witnesses: '[]', agency_from_id: from,
      agency_to_id: to, location_from_id: null, location_to_id: null, legal_doc_no: null, condition_note: null, note: null, payload: '{}', occurred_at: now, prev_hash: 'x', hash: `h${seq}`,
    });
    // Registered by the police, a transfer to the court requested but never accepted, then accepted by the procuratorate.
    await db.insertInto('custody_events').values([ev(1, 'REGISTERED', null, police), ev(2, 'CUSTODY_TRANSFER_REQUESTED', police, court), ev(3, 'CUSTODY_TRANSFER_ACCEPTED', police, proc)]).execute();

    expect(await migrate(store)).toContain('0004-holders');
    const items = await db.selectFrom('item_holders').select('agency_id').where('item_id', '=', item.id).orderBy('agency_id').execute();
    expect(items.map((r) => r.agency_id)).toEqual([police, proc]);
    const cases = await db.selectFrom('case_holders').select('agency_id').where('case_id', '=', c.id).orderBy('agency_id').execute();
    expect(cases.map((r) => r.agency_id)).toEqual([police, proc]);
  } finally {
    await store.close();
  }
});
