/** Issue 7: cash only on cash rows; custodians register on behalf of a case unit; a reset password allows nothing else. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore, TEST_PASSWORD, type TestCore } from '../support/test-core';
import { agencyId, intoStore, judgeCase, witness } from './request-fixtures';

const DAY = 86_400_000;
let t: TestCore;
beforeEach(async () => {
  t = await makeTestCore();
});
afterEach(() => t.close());

const seized = () => ({ seizureDocNo: '滨公（刑）扣字〔2026〕501号', seizedAt: new Date(t.clock.now.getTime() - 3600_000).toISOString(), seizedBy: '李办案' });
const phone = { name: '手机', category: 'electronics' as const, quantity: 1, unit: '部', source: 'seized' as const };

async function policeCaseId(no = 'A3716002026120001') {
  return (await t.call('ga_bar', 'case.create', { caseNo: no, name: '王某盗窃案', cause: '盗窃' })).id;
}

describe('cash belongs to the cash category only', () => {
  it('refuses a cash amount or the cash flag on a non-cash row, naming the row, and writes nothing', async () => {
    const caseId = await policeCaseId();
    const before = await t.eventCount();
    const necklace = { name: '金项链', category: 'valuables' as const, quantity: 1, unit: '条', source: 'seized' as const, cashAmount: 5000 };
    const e1 = await t.fail('ga_bar', 'item.register', { caseId, ...seized(), items: [{ ...phone }, necklace] });
    expect(e1.code).toBe('BAD_INPUT');
    expect(e1.message).toContain('第 2 行「金项链」不是现金类物品，不能填写现金金额');
    const e2 = await t.fail('ga_bar', 'item.register', { caseId, ...seized(), items: [{ ...phone, flags: ['cash'] }] });
    expect(e2.message).toContain('只有现金类物品可以填写现金金额');
    expect(await t.eventCount()).toBe(before);
    expect((await t.call('ga_bar', 'item.list', { caseId })).total).toEqual({ n: 0, kind: 'exact' });
  });

  it('keeps the amount on a cash row', async () => {
    const caseId = await policeCaseId();
    const [cash] = await t.call('ga_bar', 'item.register', { caseId, ...seized(), items: [{ name: '现金', category: 'cash', quantity: 1, unit: '捆', cashAmount: 5000, source: 'seized' }] });
    expect(cash).toMatchObject({ cashAmount: 5000, flags: ['cash'] });
  });
});

describe('who registers (办案与保管相分离)', () => {
  it('a custodian may not create cases, only register for a case unit, and the items are held by that unit', async () => {
    expect((await t.fail('zx_bgy', 'case.create', { caseNo: 'ZX2026000001', name: '中心自建案件' })).code).toBe('FORBIDDEN');
    const police = await agencyId(t, '371600');
    const caseId = await policeCaseId();
    expect((await t.call('zx_bgy', 'case.list', { hostAgencyId: police, limit: 50 })).rows.map((c) => c.id)).toEqual([caseId]);
    expect((await t.call('zx_bgy', 'case.list', { hostAgencyId: await agencyId(t, '371600FY'), limit: 50 })).total?.n).toBe(0);

    const items = await t.call('zx_bgy', 'item.register', { caseId, ...seized(), items: [phone, { ...phone, name: '笔记本电脑' }, { ...phone, name: '平板电脑' }] });
    expect(items.map((i) => i.holdingAgencyName)).toEqual(['滨州市公安局', '滨州市公安局', '滨州市公安局']);
    expect(items[0]!.code).toMatch(/^371600ZX-/); // the store's code series
    const [reg] = await t.call('ga_bar', 'item.timeline', { id: items[0]!.id });
    expect(reg).toMatchObject({ type: 'REGISTERED', agencyTo: '滨州市公安局' });

    // The holding unit can act on every one of them later: lend, transfer, dispose.
    await intoStore(t, items);
    const [a, b, c] = items.map((i) => i.id) as [number, number, number];
    const loan = await t.call('ga_bar', 'request.create', { kind: 'loan', itemIds: [a], reason: '辨认', purpose: 'identification', dueAt: new Date(t.clock.now.getTime() + DAY).toISOString() });
    await t.call('ga_sp', 'request.decide', { id: loan.id, approve: true });
    const transfer = await t.call('ga_bar', 'request.create', { kind: 'transfer', itemIds: [b], reason: '移送审查起诉', legalBasis: '滨公诉字〔2026〕9号', toAgencyId: await agencyId(t, '371600JC'), mode: 'paper' });
    await t.call('ga_sp', 'request.decide', { id: transfer.id, approve: true });
    await t.call('jc_sp', 'request.accept', { id: transfer.id, accept: true });
    expect((await t.call('jc_bar', 'item.get', { id: b })).holdingAgencyName).toBe('滨州市人民检察院');
    await judgeCase(t, caseId, 'ga_bar', '（2026）鲁1602刑初9号');
    const dispose = await t.call('ga_bar', 'request.create', { kind: 'disposition', itemIds: [c], reason: '判决没收', legalBasis: '（2026）鲁1602刑初9号', method: 'confiscate' });
    expect((await t.call('ga_sp', 'request.decide', { id: dispose.id, approve: true })).status).toBe('approved');
    expect((await t.call('ga_bar', 'item.get', { id: c })).status).toBe('PENDING_DISPOSITION');
  });

  it('refuses a custodian for a case whose host is not a case unit, and an officer for another agency’s case', async () => {
    const centre = await agencyId(t, '371600ZX');
    const stranded = await t.core.store.db
      .insertInto('cases')
      .values({ case_no: 'ZX2026000009', name: '旧中心案件', cause: null, host_agency_id: centre, officer_name: null, stage: 'investigation', created_by: 1, created_at: t.clock.now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const e = await t.fail('zx_bgy', 'item.register', { caseId: stranded.id, ...seized(), items: [phone] });
    expect(e).toMatchObject({ code: 'FORBIDDEN' });
    expect(e.message).toContain('保管员只能代公安、检察院、法院等办案单位登记');
    const caseId = await policeCaseId();
    expect((await t.fail('jc_bar', 'item.register', { caseId, ...seized(), items: [phone] })).message).toBe('只能为本单位主办的案件登记涉案财物');
    expect((await t.fail('ga_sp', 'item.register', { caseId, ...seized(), items: [phone] })).code).toBe('FORBIDDEN');
  });
});

describe('a password the admin saw allows nothing but changing it', () => {
  it('refuses every other method until changed, then works; a reset witness cannot witness', async () => {
    const users = await t.call('admin', 'user.list', {});
    const officer = users.find((u) => u.username === 'ga_bar')!;
    const { password } = await t.call('admin', 'user.resetPassword', { id: officer.id });
    const login = await t.core.dispatch(null, 'auth.login', { username: 'ga_bar', password });
    if (!login.ok) throw new Error(login.error.message);
    const token = (login.data as { token: string; mustChangePassword: boolean }).token;
    expect(login.data).toMatchObject({ mustChangePassword: true, user: { mustChangePassword: true } });

    const me = await t.core.dispatch(token, 'auth.me', {});
    expect(me).toMatchObject({ ok: true, data: { username: 'ga_bar', mustChangePassword: true } });
    const before = await t.eventCount();
    for (const [method, input] of [
      ['item.list', {}],
      ['case.create', { caseNo: 'A3716002026129999', name: '不应建立' }],
      ['request.list', {}],
    ] as const) {
      const r = await t.core.dispatch(token, method, input);
      expect(r).toMatchObject({ ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED' } });
      if (!r.ok) expect(r.error.message).toContain('须先修改密码');
    }
    expect(await t.eventCount()).toBe(before);
    expect(await t.core.store.db.selectFrom('cases').select('id').execute()).toEqual([]);

    const changed = await t.core.dispatch(token, 'auth.changePassword', { oldPassword: password, newPassword: 'Fresh-Pass-2026' });
    expect(changed.ok).toBe(true);
    expect(await t.core.dispatch(token, 'auth.me', {})).toMatchObject({ ok: true, data: { mustChangePassword: false } });
    expect(await t.core.dispatch(token, 'item.list', {})).toMatchObject({ ok: true });
  });

  it('a user still on a reset password cannot act as witness', async () => {
    const caseId = await policeCaseId();
    const [cash] = await t.call('ga_bar', 'item.register', { caseId, ...seized(), items: [{ name: '现金', category: 'cash', quantity: 1, unit: '捆', cashAmount: 800, source: 'seized' }] });
    const second = (await t.call('admin', 'user.list', {})).find((u) => u.username === 'zx_bgy2')!;
    const { password } = await t.call('admin', 'user.resetPassword', { id: second.id });
    const e = await t.fail('zx_bgy', 'intake.receive', { counterpart: { name: '李办案' }, items: [{ code: cash!.code }], witness: { username: 'zx_bgy2', password } });
    expect(e.message).toContain('须先登录修改密码才能担任见证人');
    expect((await t.call('zx_bgy', 'item.get', { id: cash!.id })).status).toBe('REGISTERED');
    // With a password only the witness knows, the same intake goes through.
    await t.core.dispatch((await t.core.dispatch(null, 'auth.login', { username: 'zx_bgy2', password }) as { ok: true; data: { token: string } }).data.token, 'auth.changePassword', { oldPassword: password, newPassword: TEST_PASSWORD + 'x' });
    await t.call('zx_bgy', 'intake.receive', { counterpart: { name: '李办案' }, items: [{ code: cash!.code }], witness: { ...witness('zx_bgy2'), password: TEST_PASSWORD + 'x' } });
    expect((await t.call('zx_bgy', 'item.get', { id: cash!.id })).status).toBe('IN_STORE');
  });
});
