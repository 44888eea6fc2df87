/** 0023 backfills LOAN_OVERDUE rows from the ledger (loans that ended after their due time) and indexes loans by due time. */
import { expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/database';
import { openTestStore } from '../support/test-core';
import { agencyAndUser } from '../support/migration-rows';

it('0023-loan-overdue counts each loan that ended late on the Shanghai day it fell due', async () => {
  const store = await openTestStore();
  try {
    await migrate(store, '0022-item-counts');
    const db = store.db;
    const now = '2026-11-20T02:00:00.000Z';
    const { agency, user } = await agencyAndUser(db, now);
    const c = await db
      .insertInto('cases')
      .values({ case_no: 'A1', name: '案', cause: null, host_agency_id: agency, officer_name: null, stage: 'investigation', created_by: user, created_at: now, case_type: 'ordinary', police_no: null, procuratorate_no: null, court_no: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const item = (code: string, category: string, cash: number | null) => ({
      code, case_id: c.id, name: '物', category, spec: null, quantity: 1, unit: '件', features: null, estimated_value: null, cash_amount: cash, source: 'seized',
      owner_name: null, owner_id_no: null, seizure_doc_no: null, seized_at: now, seized_by: null, seal_no: null, flags: '[]', status: 'IN_STORE', location_id: null, out_with: null,
      holding_agency_id: agency, created_by: user, created_at: now, updated_at: now, store_id: null, unrelated_since: null, parent_item_id: null,
    });
    await db.insertInto('items').values([item('I1', 'cash', 500), item('I2', 'general', null), item('I3', 'general', null), item('I4', 'general', null), item('I5', 'general', null)]).execute();
    const ids = (await db.selectFrom('items').select('id').orderBy('code').execute()).map((r) => r.id);
    let no = 0;
    const request = async (kind: string, dueAt: string | null) =>
      (
        await db
          .insertInto('requests')
          .values({
            request_no: `R${++no}`, kind, status: 'completed', mode: null, case_id: c.id, from_agency_id: agency, to_agency_id: null, reason: null, legal_basis: null, due_at: dueAt, details: '{}',
            created_by: user, created_at: now, decided_by: null, decided_at: null, decision_comment: null, executed_by: null, executed_at: null, accepted_by: null, accepted_at: null, closed_at: null, updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    // Due 2026-11-21 23:30 Shanghai (15:30 UTC) and 2026-11-22 00:30 Shanghai (16:30 UTC): two Shanghai days.
    const lateCash = await request('loan', '2026-11-21T15:30:00.000Z');
    const lateLost = await request('loan', '2026-11-21T16:30:00.000Z');
    const onTime = await request('loan', '2026-11-21T16:30:00.000Z');
    const transfer = await request('transfer', '2026-11-21T00:00:00.000Z');
    let seq = 0;
    const ev = (type: string, itemId: number, requestId: number | null, at: string) => ({
      seq: ++seq, type, item_id: itemId, case_id: c.id, request_id: requestId, actor_user_id: user, actor_name: '甲', counterpart: null, witnesses: '[]',
      agency_from_id: null, agency_to_id: null, location_from_id: null, location_to_id: null, legal_doc_no: null, condition_note: null, note: null,
      payload: '{}', occurred_at: at, prev_hash: 'p', hash: `h${seq}`,
    });
    await db
      .insertInto('custody_events')
      .values([
        ev('CHECKED_OUT', ids[0]!, lateCash, now),
        ev('CHECKED_IN', ids[0]!, lateCash, '2026-11-22T01:00:00.000Z'), // late
        ev('CHECKED_OUT', ids[1]!, lateLost, now),
        ev('LOST_REPORTED', ids[1]!, lateLost, '2026-11-21T16:31:00.000Z'), // reported lost on return, a minute late
        ev('CHECKED_OUT', ids[2]!, onTime, now),
        ev('CHECKED_IN', ids[2]!, onTime, '2026-11-21T16:30:00.000Z'), // exactly at the due time: on time
        ev('CHECKED_IN', ids[3]!, transfer, '2026-11-22T01:00:00.000Z'), // not a loan
        ev('CHECKED_IN', ids[4]!, null, '2026-11-22T01:00:00.000Z'), // no request
      ])
      .execute();

    expect(await migrate(store)).toContain('0023-loan-overdue');
    const rows = await db.selectFrom('report_daily').selectAll().where('type', '=', 'LOAN_OVERDUE').orderBy('day').execute();
    expect(rows.map((r) => ({ ...r, n: Number(r.n), v: Number(r.v) }))).toEqual([
      { day: '2026-11-21', type: 'LOAN_OVERDUE', agency_id: agency, store_id: 0, category: 'cash', case_type: 'ordinary', n: 1, v: 500 },
      { day: '2026-11-22', type: 'LOAN_OVERDUE', agency_id: agency, store_id: 0, category: 'general', case_type: 'ordinary', n: 1, v: 0 },
    ]);
    // The two indexes exist: creating them again is refused.
    await expect(db.schema.createIndex('requests_kind_due').on('requests').columns(['kind', 'due_at']).execute()).rejects.toThrow();
    await expect(db.schema.createIndex('requests_kind_status_due').on('requests').columns(['kind', 'status', 'due_at']).execute()).rejects.toThrow();
  } finally {
    await store.close();
  }
});
