/** 0019 creates report_daily and backfills it from the ledger: Shanghai days, counted types only, value sums. */
import { expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/database';
import { openTestStore } from '../support/test-core';

it('0019-report-daily backfills daily counts per type, agency, store, category and case type', async () => {
  const store = await openTestStore();
  try {
    await migrate(store, '0016-security-log');
    const db = store.db;
    const now = '2026-11-20T02:00:00.000Z';
    const agency = (await db.insertInto('agencies').values({ code: 'P', name: 'P', kind: 'police', parent_id: null, created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
    const court = (await db.insertInto('agencies').values({ code: 'F', name: 'F', kind: 'court', parent_id: null, created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
    const u = await db
      .insertInto('users')
      .values({ username: 'u', display_name: '甲', badge_no: null, agency_id: agency, roles: '[]', password_hash: 'x', failed_attempts: 0, locked_until: null, must_change_password: 0, active: 1, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const c = await db
      .insertInto('cases')
      .values({ case_no: 'A1', name: '案', cause: null, host_agency_id: agency, officer_name: null, stage: 'execution', created_by: u.id, created_at: now, case_type: 'organized_crime', police_no: null, procuratorate_no: null, court_no: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const item = (code: string, category: string, cash: number | null, est: number | null, seizedAt = now) => ({
      code, case_id: c.id, name: '物', category, spec: null, quantity: 1, unit: '件', features: null, estimated_value: est, cash_amount: cash, source: 'seized',
      owner_name: null, owner_id_no: null, seizure_doc_no: null, seized_at: seizedAt, seized_by: null, seal_no: null, flags: '[]', status: 'IN_STORE', location_id: null, out_with: null,
      holding_agency_id: agency, created_by: u.id, created_at: now, updated_at: now, store_id: null, unrelated_since: null,
    });
    await db.insertInto('items').values([item('I1', 'cash', 100.5, null), item('I2', 'general', null, 20), item('I3', 'general', null, null, '2026-11-19T15:00:00.000Z')]).execute();
    const ids = (await db.selectFrom('items').select(['id', 'code']).orderBy('code').execute()).map((r) => r.id);
    let seq = 0;
    const ev = (type: string, itemId: number, at: string, agencyTo: number | null = agency) => ({
      seq: ++seq, type, item_id: itemId, case_id: c.id, request_id: null, actor_user_id: u.id, actor_name: '甲', counterpart: null, witnesses: '[]',
      agency_from_id: agency, agency_to_id: agencyTo, location_from_id: null, location_to_id: null, legal_doc_no: null, condition_note: null, note: null,
      payload: '{}', occurred_at: at, prev_hash: 'p', hash: `h${seq}`,
    });
    await db
      .insertInto('custody_events')
      .values([
        ev('REGISTERED', ids[0]!, now), // not counted
        ev('RECEIVED', ids[0]!, now),
        ev('RECEIVED', ids[1]!, '2026-11-20T15:59:59.000Z'), // 23:59 Shanghai, the 20th
        ev('RECEIVED', ids[2]!, '2026-11-20T16:00:00.000Z'), // 00:00 Shanghai, the 21st
        ev('CUSTODY_TRANSFER_ACCEPTED', ids[1]!, '2026-11-21T01:00:00.000Z', court),
        ev('RETURNED_TO_OWNER', ids[2]!, '2026-11-21T02:00:00.000Z', null), // no agency on the event: the item's holder
      ])
      .execute();

    expect(await migrate(store)).toContain('0019-report-daily');
    const rows = await db.selectFrom('report_daily').selectAll().orderBy(['day', 'type', 'category', 'agency_id']).execute();
    expect(rows.map((r) => ({ ...r, n: Number(r.n), v: Number(r.v) }))).toEqual([
      { day: '2026-11-20', type: 'RECEIVED', agency_id: agency, store_id: 0, category: 'cash', case_type: 'organized_crime', n: 1, v: 100.5 },
      { day: '2026-11-20', type: 'RECEIVED', agency_id: agency, store_id: 0, category: 'general', case_type: 'organized_crime', n: 1, v: 20 },
      { day: '2026-11-21', type: 'CUSTODY_TRANSFER_ACCEPTED', agency_id: court, store_id: 0, category: 'general', case_type: 'organized_crime', n: 1, v: 20 },
      { day: '2026-11-21', type: 'LATE_INTAKE', agency_id: agency, store_id: 0, category: 'general', case_type: 'organized_crime', n: 1, v: 0 }, // 25 h after seizure
      { day: '2026-11-21', type: 'RECEIVED', agency_id: agency, store_id: 0, category: 'general', case_type: 'organized_crime', n: 1, v: 0 },
      { day: '2026-11-21', type: 'RETURNED_TO_OWNER', agency_id: agency, store_id: 0, category: 'general', case_type: 'organized_crime', n: 1, v: 0 },
      // The change in stock: in on the 20th; on the 21st I3 in and returned, I2 moves to the court on paper while in stock.
      { day: '2026-11-20', type: 'STOCK', agency_id: agency, store_id: 0, category: 'cash', case_type: 'organized_crime', n: 1, v: 100.5 },
      { day: '2026-11-20', type: 'STOCK', agency_id: agency, store_id: 0, category: 'general', case_type: 'organized_crime', n: 1, v: 20 },
      { day: '2026-11-21', type: 'STOCK', agency_id: agency, store_id: 0, category: 'general', case_type: 'organized_crime', n: -1, v: -20 },
      { day: '2026-11-21', type: 'STOCK', agency_id: court, store_id: 0, category: 'general', case_type: 'organized_crime', n: 1, v: 20 },
    ].sort((a, b) => (a.day + a.type + a.category + String(a.agency_id).padStart(9, '0')).localeCompare(b.day + b.type + b.category + String(b.agency_id).padStart(9, '0'))));
    // One row per key: a second insert of the same key is refused (the append path adds to it instead).
    await expect(db.insertInto('report_daily').values({ ...rows[0]!, n: 1, v: 1 }).execute()).rejects.toThrow();
  } finally {
    await store.close();
  }
});
