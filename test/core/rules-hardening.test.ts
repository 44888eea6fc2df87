/** Rule holes found in review: role combinations, the same witness twice, execution dates, password guessing, literal search, local dates in numbers. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore, TEST_PASSWORD, type TestCore } from '../support/test-core';
import { agencyId, judgeCase, locationId, storedPoliceCase, witness } from './request-fixtures';

let t: TestCore;
beforeEach(async () => {
  t = await makeTestCore();
});
afterEach(() => t.close());

const db = () => t.core.store.db;
const snapshot = async () => JSON.stringify([await db().selectFrom('requests').selectAll().execute(), await db().selectFrom('items').selectAll().execute()]);

/** A disposition approved by ga_sp, ready for zx_bgy to execute. */
async function approvedDisposition(method: 'sell' | 'confiscate' | 'destroy', names = ['手机']) {
  const { caseId, items } = await storedPoliceCase(t, names);
  // 没收 and an ordinary sale rest on the case's effective judgment.
  if (method !== 'destroy') await judgeCase(t, caseId, 'ga_bar', '滨中刑初字〔2026〕8号');
  const r = await t.call('ga_bar', 'request.create', { kind: 'disposition', itemIds: items.map((i) => i.id), reason: '判决生效', legalBasis: '滨中刑初字〔2026〕8号', method });
  await t.call('ga_sp', 'request.decide', { id: r.id, approve: true });
  return { r, items };
}

describe('roles', () => {
  it('refuses an admin or inspector who also holds a custody role, and writes no user', async () => {
    const police = await agencyId(t, '371600');
    const before = (await t.call('admin', 'user.list', {})).length;
    const e1 = await t.fail('admin', 'user.save', { username: 'mix_admin', displayName: '混合', agencyId: police, roles: ['admin', 'custodian'] });
    expect(e1.code).toBe('BAD_INPUT');
    expect(e1.message).toContain('系统管理员不参与保管业务');
    const e2 = await t.fail('admin', 'user.save', { username: 'mix_jd', displayName: '混合', agencyId: police, roles: ['inspector', 'approver'] });
    expect(e2.message).toContain('监督员只读');
    // Nor by editing an existing user.
    const ga = (await t.call('admin', 'user.list', {})).find((u) => u.username === 'ga_sp')!;
    const e3 = await t.fail('admin', 'user.save', { id: ga.id, username: 'ga_sp', displayName: ga.displayName, agencyId: police, roles: ['approver', 'admin'] });
    expect(e3.code).toBe('BAD_INPUT');
    expect((await t.call('admin', 'user.list', {})).length).toBe(before);
    expect((await t.call('admin', 'user.list', {})).find((u) => u.id === ga.id)!.roles).toEqual(['approver']);
  });

  it('refuses any user holding the admin role as a witness', async () => {
    await db().updateTable('users').set({ roles: JSON.stringify(['admin', 'inspector']) }).where('username', '=', 'jw_jd').execute();
    const { r, items } = await approvedDisposition('destroy');
    const before = await t.eventCount();
    const e = await t.fail('zx_bgy', 'request.execute', { id: r.id, scannedCodes: [items[0]!.code], actualDate: t.clock.now.toISOString(), witnesses: [witness('zx_bgy2'), witness('jw_jd')] });
    expect(e.message).toContain('系统管理员');
    expect(await t.eventCount()).toBe(before);
  });
});

describe('two distinct witnesses', () => {
  it('refuses the same person given once by account and once by name', async () => {
    const { r, items } = await approvedDisposition('sell');
    const sale = { price: 800, buyer: '滨州市拍卖行', confirmationNo: '成交确认书〔2026〕1号' };
    const before = await t.eventCount();
    const snap = await snapshot();
    for (const named of [{ name: '赵保管', idNo: 'ZX1002' }, { name: ' 赵保管 ' }]) {
      const e = await t.fail('zx_bgy', 'request.execute', { id: r.id, scannedCodes: [items[0]!.code], actualDate: t.clock.now.toISOString(), sale, witnesses: [witness('zx_bgy2'), named] });
      expect(e.code).toBe('BAD_INPUT');
      expect(e.message).toContain('见证人不能是同一人（赵保管）');
    }
    expect(await t.eventCount()).toBe(before);
    expect(await snapshot()).toBe(snap);
    // Two namesakes told apart by their ID numbers are two people.
    const ok = await t.call('zx_bgy', 'request.execute', { id: r.id, scannedCodes: [items[0]!.code], actualDate: t.clock.now.toISOString(), sale, witnesses: [{ name: '张明', idNo: '1' }, { name: '张明', idNo: '2' }] });
    expect(ok.status).toBe('completed');
  });
});

describe('the actual date of a disposition', () => {
  it('is checked as a local calendar day: later today is fine, tomorrow or before the approval day is not', async () => {
    const { r, items } = await approvedDisposition('confiscate', ['手机', '电脑']);
    const confiscation = { receivingUnit: '滨州市财政局', voucherNo: '国库缴款书 0012345' };
    const exec = (actualDate: string) => ({ id: r.id, scannedCodes: items.map((i) => i.code), actualDate, confiscation, witnesses: [{ name: '甲' }, { name: '乙' }] });
    const before = await t.eventCount();
    // The clock is 10:00 China time on 2026-11-20; 2026-11-20T15:00Z is 23:00 the same day there.
    const tomorrow = await t.fail('zx_bgy', 'request.execute', exec('2026-11-20T16:30:00.000Z'));
    expect(tomorrow.message).toBe('实际执行日期（2026-11-21）不能晚于今天（2026-11-20）');
    const early = await t.fail('zx_bgy', 'request.execute', exec('2026-11-18T02:00:00.000Z'));
    expect(early.message).toBe(`实际执行日期（2026-11-18）不能早于申请单 ${r.requestNo} 的批准日期（2026-11-20）`);
    expect(await t.eventCount()).toBe(before);
    const done = await t.call('zx_bgy', 'request.execute', exec('2026-11-20T15:00:00.000Z'));
    expect(done.details.actualDate).toBe('2026-11-20T15:00:00.000Z');
  });
});

describe('changing the password', () => {
  it('counts wrong old passwords towards the lockout', async () => {
    for (let i = 0; i < 5; i++) {
      const e = await t.fail('ga_bar', 'auth.changePassword', { oldPassword: `wrong-${i}`, newPassword: 'NewPassw0rd' });
      // The same answer every time: the lock shows only with the right password.
      expect(e).toMatchObject({ code: 'BAD_INPUT', message: '原密码不正确' });
    }
    // Now even the right old password is refused (at this address), and so is logging in.
    expect((await t.fail('ga_bar', 'auth.changePassword', { oldPassword: TEST_PASSWORD, newPassword: 'NewPassw0rd' })).code).toBe('LOCKED');
    const login = await t.core.dispatch(null, 'auth.login', { username: 'ga_bar', password: TEST_PASSWORD });
    expect(login.ok === false && login.error.code).toBe('LOCKED');
  });

  it('changes the password with the right old one and ends the other sessions of that user', async () => {
    const elsewhere = await t.login('ga_bar');
    const here = await t.login('ga_bar');
    expect((await t.core.dispatch(here, 'auth.changePassword', { oldPassword: TEST_PASSWORD, newPassword: 'NewPassw0rd' })).ok).toBe(true);
    expect((await t.core.dispatch(here, 'auth.me', {})).ok).toBe(true);
    const old = await t.core.dispatch(elsewhere, 'auth.me', {});
    expect(old.ok === false && old.error.code).toBe('UNAUTHENTICATED');
    expect((await t.core.dispatch(null, 'auth.login', { username: 'ga_bar', password: 'NewPassw0rd' })).ok).toBe(true);
  });
});

describe('search text is literal', () => {
  it('treats % and _ in case and request searches as characters, not wildcards', async () => {
    await storedPoliceCase(t, ['手机']);
    const { items } = await storedPoliceCase(t, ['电脑']);
    await t.call('ga_bar', 'case.create', { caseNo: 'A3716002026119999', name: '九折_案（50%）' });
    expect((await t.call('ga_bar', 'case.list', { q: '%' })).rows.map((c) => c.caseNo)).toEqual(['A3716002026119999']);
    expect((await t.call('ga_bar', 'case.list', { q: '_' })).total?.n).toBe(1);
    expect((await t.call('ga_bar', 'case.list', { q: '测试案' })).total?.n).toBe(2);
    await t.call('ga_bar', 'request.create', { kind: 'loan', itemIds: [items[0]!.id], reason: '鉴定（100%）', purpose: 'appraisal', dueAt: '2026-11-25T00:00:00Z' });
    expect((await t.call('ga_bar', 'request.list', { q: '_' })).total?.n).toBe(0);
    expect((await t.call('ga_bar', 'request.list', { q: '100%' })).total?.n).toBe(1);
  });
});

describe('numbers carry the China Standard Time date', () => {
  it('gives an item, a request and a document registered at 07:30 on 1 January the new year', async () => {
    const { items } = await storedPoliceCase(t, ['手机']);
    t.clock.set('2026-12-31T23:30:00.000Z'); // 2027-01-01 07:30 in China
    for (const u of ['ga_bar', 'zx_bgy']) await t.login(u);
    const c = await t.call('ga_bar', 'case.create', { caseNo: 'A3716002027010001', name: '新年案' });
    const [item] = await t.call('ga_bar', 'item.register', {
      caseId: c.id,
      seizureDocNo: '滨公扣字〔2027〕1号',
      seizedAt: '2026-12-31T23:00:00.000Z',
      seizedBy: '李办案',
      items: [{ name: '手表', category: 'valuables', quantity: 1, unit: '块', source: 'seized' }],
    });
    expect(item!.code).toBe('371600-2027-000001');
    const r = await t.call('ga_bar', 'request.create', { kind: 'loan', itemIds: [items[0]!.id], reason: '鉴定', purpose: 'appraisal', dueAt: '2027-01-05T00:00:00Z' });
    expect(r.requestNo).toBe('DY-2027-000001');
    const doc = await t.call('zx_bgy', 'document.itemTrail', { itemId: items[0]!.id });
    expect(doc.serialNo).toMatch(/-20270101-0001$/);
  });
});

describe('target locations', () => {
  it('refuses an allocation to a whole warehouse or to a zone that has shelves, as put-away does', async () => {
    const { items } = await storedPoliceCase(t, ['手机']);
    const before = await t.eventCount();
    const snap = await snapshot();
    const wh = await t.fail('ga_bar', 'request.create', { kind: 'allocation', itemIds: [items[0]!.id], reason: '调拨', toLocationId: await locationId(t, 'WH-B') });
    expect(wh.message).toContain('是库房（B 库房（车辆）），范围过大');
    const zone = await t.fail('ga_bar', 'request.create', { kind: 'allocation', itemIds: [items[0]!.id], reason: '调拨', toLocationId: await locationId(t, 'WH-A-Z2') });
    expect(zone.message).toContain('下设架');
    expect(await t.eventCount()).toBe(before);
    expect(await snapshot()).toBe(snap);
    const ok = await t.call('ga_bar', 'request.create', { kind: 'allocation', itemIds: [items[0]!.id], reason: '调拨', toLocationId: await locationId(t, 'WH-B-Z1') });
    expect(ok.details.toLocationPath).toBe('市中心库 / B 库房（车辆） / 车辆停放区');
  });
});
