/** canSeeItemRow (the scan's hot path, decided from the row already read) answers exactly as canSeeItem. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/test-core';
import { resolveSession } from '../../electron/core/auth/session.service';
import { canSeeItem, canSeeItemRow } from '../../electron/core/access/visibility';

let t: TestCore;
beforeEach(async () => {
  t = await makeTestCore();
});
afterEach(() => t.close());

it('agrees with canSeeItem for every role, agency and store, before and after intake', async () => {
  const c = await t.call('ga_bar', 'case.create', { caseNo: 'A3716002026110001', name: '张某盗窃案' });
  const items = (await t.call('ga_bar', 'item.register', {
    caseId: c.id, seizureDocNo: 'D-1', seizedAt: '2026-11-20T01:00:00Z', seizedBy: '李办案',
    items: ['手机', '电脑', '背包'].map((name) => ({ name, category: 'general' as const, quantity: 1, unit: '件', source: 'seized' as const })),
  })) as { id: number; code: string }[];
  await t.call('zx_bgy', 'intake.receive', { counterpart: { name: '李办案', idNo: '061234' }, items: [{ code: items[0]!.code }] });
  await t.call('bc_bgy', 'intake.receive', { counterpart: { name: '李办案', idNo: '061234' }, items: [{ code: items[1]!.code }] });
  const db = t.core.store.db;
  let checked = 0;
  for (const username of ['zx_bgy', 'bc_bgy', 'ga_bar', 'ga_sp', 'jc_bar', 'fy_sp', 'jw_jd', 'admin']) {
    const user = (await resolveSession(db, await t.login(username), t.clock.now, t.core.store.dialect, 30))!;
    const ctx = { db, user };
    for (const it of items) {
      const row = await db.selectFrom('items').select(['id', 'store_id', 'holding_agency_id']).where('id', '=', it.id).executeTakeFirstOrThrow();
      const fast = await canSeeItemRow(ctx, { id: row.id, storeId: row.store_id, holdingAgencyId: row.holding_agency_id });
      expect({ username, item: it.id, fast }).toEqual({ username, item: it.id, fast: await canSeeItem(ctx, it.id) });
      checked++;
    }
  }
  expect(checked).toBe(24);
  // The district custodian does not see the centre's item, and sees the one not yet received.
  const bc = (await resolveSession(db, await t.login('bc_bgy'), t.clock.now, t.core.store.dialect, 30))!;
  const rowOf = async (id: number) => db.selectFrom('items').select(['id', 'store_id as storeId', 'holding_agency_id as holdingAgencyId']).where('id', '=', id).executeTakeFirstOrThrow();
  expect(await canSeeItemRow({ db, user: bc }, await rowOf(items[0]!.id))).toBe(false);
  expect(await canSeeItemRow({ db, user: bc }, await rowOf(items[2]!.id))).toBe(true);
});
