/** Issue 14 part 5: transfers only to agencies where someone can accept; stuck requests in the admin's alerts. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/test-core';
import { agencyId, ids, judgeCase, storedPoliceCase } from './request-fixtures';

let t: TestCore;
beforeEach(async () => {
  t = await makeTestCore();
});
afterEach(() => t.close());

const userOf = async (username: string) => (await t.call('admin', 'user.list', {})).find((u) => u.username === username)!;
const save = async (username: string, change: { active?: boolean; roles?: Array<'approver' | 'case_officer'> }) => {
  const u = await userOf(username);
  await t.call('admin', 'user.save', { ...u, badgeNo: u.badgeNo ?? undefined, ...change });
};
const stuck = async () => (await t.call('admin', 'alert.list', {})).alerts.filter((a) => a.kind === 'stuck_request');

it('refuses a transfer to an agency without an active approver, with a clear message, and writes nothing', async () => {
  const { items } = await storedPoliceCase(t, ['手机']);
  const before = await t.eventCount();
  const e = await t.fail('ga_bar', 'request.create', {
    kind: 'transfer', itemIds: ids(items), reason: '移交', legalBasis: '依据1', toAgencyId: await agencyId(t, '371600JW'), mode: 'paper',
  });
  expect(e).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('接收单位「滨州市纪委监委」目前没有在职的审批人') });
  expect(await t.eventCount()).toBe(before);

  // The procuratorate has one (jc_sp) until it is disabled.
  await save('jc_sp', { active: false });
  const e2 = await t.fail('ga_bar', 'request.create', { kind: 'transfer', itemIds: ids(items), reason: '移送', legalBasis: '依据2', toAgencyId: await agencyId(t, '371600JC'), mode: 'paper' });
  expect(e2.message).toContain('没有在职的审批人');
  await save('jc_sp', { active: true });
  expect((await t.call('ga_bar', 'request.create', { kind: 'transfer', itemIds: ids(items), reason: '移送', legalBasis: '依据2', toAgencyId: await agencyId(t, '371600JC'), mode: 'paper' })).status).toBe('pending');
});

it("shows requests nobody can act on in the admin's alerts, and only there", async () => {
  const { items } = await storedPoliceCase(t, ['手机', '电脑']);
  const jc = await agencyId(t, '371600JC');
  const transfer = await t.call('ga_bar', 'request.create', { kind: 'transfer', itemIds: [items[0]!.id], reason: '移送', legalBasis: '依据', toAgencyId: jc, mode: 'paper' });
  await t.call('ga_sp', 'request.decide', { id: transfer.id, approve: true });
  await judgeCase(t, items[1]!.caseId, 'ga_bar', '判决');
  const disposal = await t.call('ga_bar', 'request.create', { kind: 'disposition', itemIds: [items[1]!.id], reason: '没收', legalBasis: '判决', method: 'confiscate' });
  expect(await stuck()).toEqual([]);

  await save('jc_sp', { active: false }); // nobody can accept the transfer now
  await save('ga_sp', { roles: ['case_officer'] }); // nobody can approve the disposal now
  const alerts = await stuck();
  expect(alerts.map((a) => a.message).sort()).toEqual([
    `处置申请 ${disposal.requestNo} 待审批，但「滨州市公安局」没有在职的审批人`,
    `移送申请 ${transfer.requestNo} 待接收，但接收单位「滨州市人民检察院」没有在职的审批人`,
  ].sort());
  expect((await t.call('admin', 'alert.list', {})).counts.stuck_request).toBe(2);
  expect((await t.call('zx_bgy', 'alert.list', {})).alerts.some((a) => a.kind === 'stuck_request')).toBe(false);
});
