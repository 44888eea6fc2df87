/**
 * Issue 9: the item page in one answer. `item.page` and `scan.resolve` with `withPage` answer exactly what item.get,
 * item.timeline and proposal.list answer, under the same visibility rule; without withPage the scan stays as lean.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/test-core';
import { storedPoliceCase } from './request-fixtures';

let t: TestCore;
beforeEach(async () => {
  t = await makeTestCore();
});
afterEach(() => t.close());

/** The page as the three separate calls answered it. */
async function separately(user: string, id: number) {
  return {
    item: await t.call(user, 'item.get', { id }),
    timeline: await t.call(user, 'item.timeline', { id }),
    proposals: (await t.call(user, 'proposal.list', { itemId: id, limit: 50 })).rows,
  };
}

describe('item page in one answer', () => {
  it('item.page and the scan with withPage answer what item.get, item.timeline and proposal.list answer', async () => {
    const { items } = await storedPoliceCase(t, ['手机', '金项链']);
    const [phone] = items;
    await t.call('ga_bar', 'lost.report', { itemId: phone!.id, reason: '移库时发现不见' });
    for (const user of ['zx_bgy', 'ga_bar', 'jw_jd']) {
      const want = await separately(user, phone!.id);
      expect(want.timeline.map((e) => e.type)).toEqual(['STORED', 'RECEIVED', 'REGISTERED']);
      expect(want.proposals).toHaveLength(1);
      expect(await t.call(user, 'item.page', { id: phone!.id }), user).toEqual(want);
      const scan = await t.call(user, 'scan.resolve', { code: phone!.code, withPage: true });
      expect(scan, user).toEqual({ kind: 'item', id: phone!.id, code: phone!.code, label: '手机', page: want });
    }
  });

  it('without withPage the scan answers as before, with no page', async () => {
    const { items } = await storedPoliceCase(t, ['手机']);
    expect(await t.call('zx_bgy', 'scan.resolve', { code: items[0]!.code })).toEqual({ kind: 'item', id: items[0]!.id, code: items[0]!.code, label: '手机' });
  });

  it('whoever may not see the item gets no page: unknown for the scan, not found for item.page', async () => {
    const { items } = await storedPoliceCase(t, ['手机']);
    const phone = items[0]!;
    // The court never held it; the district store never had it.
    for (const user of ['fy_bar', 'bc_bgy', 'admin']) {
      expect(await t.call(user, 'scan.resolve', { code: phone.code, withPage: true }), user).toEqual({ kind: 'unknown', code: phone.code });
      expect((await t.fail(user, 'item.page', { id: phone.id })).code, user).toMatch(/NOT_FOUND|FORBIDDEN/);
    }
    expect(await t.fail('zx_bgy', 'item.page', { id: 999_999 })).toMatchObject({ code: 'NOT_FOUND', message: '物品未找到或无权查看' });
  });

  it('a location or request code with withPage resolves as before', async () => {
    expect(await t.call('zx_bgy', 'scan.resolve', { code: 'WH-A-Z1-S01', withPage: true })).toMatchObject({ kind: 'location', code: 'WH-A-Z1-S01' });
    expect(await t.call('zx_bgy', 'scan.resolve', { code: 'NO-SUCH-CODE', withPage: true })).toEqual({ kind: 'unknown', code: 'NO-SUCH-CODE' });
  });
});
