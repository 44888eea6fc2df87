/** 0017 adds value_records: sales, confiscations and 专户 deposits, with exact amounts on both engines. */
import { expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/database';
import { openTestStore } from '../support/test-core';
import { agencyAndUser } from '../support/migration-rows';

it('0017-disposition-values creates value_records keyed to items, cases and proceeds', async () => {
  const store = await openTestStore();
  try {
    await migrate(store, '0016-security-log');
    const db = store.db;
    expect(await migrate(store)).toContain('0017-disposition-values');
    const now = '2026-11-20T02:00:00.000Z';
    const { agency, user: u } = await agencyAndUser(db, now);
    const kase = (
      await db.insertInto('cases').values({ case_no: 'C1', name: '案', cause: null, host_agency_id: agency, officer_name: null, stage: 'execution', created_by: u, created_at: now }).returning('id').executeTakeFirstOrThrow()
    ).id;
    const item = { case_id: kase, category: 'vehicle', spec: null, quantity: 1, unit: '辆', features: null, estimated_value: null, cash_amount: null, source: 'seized', owner_name: null, owner_id_no: null, seizure_doc_no: 'K', seized_at: now, seized_by: '甲', seal_no: null, flags: '[]', status: 'SOLD', location_id: null, out_with: null, holding_agency_id: agency, created_by: u, created_at: now, updated_at: now, unrelated_since: null };
    const car = (await db.insertInto('items').values({ ...item, code: 'I1', name: '车' }).returning('id').executeTakeFirstOrThrow()).id;
    const cash = (await db.insertInto('items').values({ ...item, code: 'I2', name: '价款', category: 'cash', cash_amount: 1234567.89, status: 'DEPOSITED' }).returning('id').executeTakeFirstOrThrow()).id;
    const row = { kind: 'sale', item_id: car, case_id: kase, request_id: null, amount: 1234567.89, party: '拍卖行', voucher_no: '成交确认书1号', proceeds_item_id: cash, event_id: 1, recorded_by: u, recorded_at: now };
    await db.insertInto('value_records').values(row).execute();
    expect(await db.selectFrom('value_records').select(['amount', 'proceeds_item_id']).where('case_id', '=', kase).execute()).toEqual([{ amount: 1234567.89, proceeds_item_id: cash }]);
    // The voucher number is required, and the item must exist.
    await expect(db.insertInto('value_records').values({ ...row, voucher_no: null as unknown as string }).execute()).rejects.toThrow();
  } finally {
    await store.close();
  }
});
