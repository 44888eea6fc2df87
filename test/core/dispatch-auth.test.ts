import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { breakRegistration, makeTestCore, TEST_PASSWORD, type TestCore } from '../support/test-core';
import { hashPassword, verifyPassword } from '../../electron/core/auth/password';

let t: TestCore;
beforeEach(async () => {
  t = await makeTestCore();
});
afterEach(() => t.close());

describe('dispatch', () => {
  it('rejects unknown methods, missing sessions and bad tokens with Chinese messages', async () => {
    const r1 = await t.core.dispatch(null, 'item.drop', {});
    expect(r1).toEqual({ ok: false, error: { code: 'UNKNOWN_METHOD', message: '未知的接口：item.drop' } });
    const r2 = await t.core.dispatch(null, 'item.list', {});
    expect(r2.ok === false && r2.error.code).toBe('UNAUTHENTICATED');
    const r3 = await t.core.dispatch('forged-token', 'auth.me', {});
    expect(r3.ok === false && r3.error.message).toContain('尚未登录');
  });

  it('enforces permissions in dispatch, not only in the UI', async () => {
    const e = await t.fail('jw_jd', 'case.create', { caseNo: 'A0001234', name: '案' });
    expect(e).toEqual({ code: 'FORBIDDEN', message: '您的角色无权执行「新建案件」' });
    expect((await t.fail('zx_bgy', 'user.list', {})).code).toBe('FORBIDDEN');
    expect((await t.fail('admin', 'ledger.verify', {})).code).toBe('FORBIDDEN');
    expect((await t.call('jw_jd', 'ledger.verify', {})).ok).toBe(true);
  });

  it('names each bad field in Chinese and leaks no stack trace', async () => {
    const e = await t.fail('ga_bar', 'case.create', { caseNo: 'x', name: '' } as never);
    expect(e.code).toBe('BAD_INPUT');
    expect(e.details).toEqual(['案件编号：案件编号为 4–60 位汉字、字母、数字或括号', '名称：不能为空']);
    expect(JSON.stringify(e)).not.toMatch(/at .*\.ts|Error:/);
  });

  it('turns an unexpected failure into a generic Chinese error and writes nothing', async () => {
    const c = await t.call('ga_bar', 'case.create', { caseNo: 'A0001234', name: '案' });
    const before = await t.eventCount();
    await breakRegistration(t.core.store);
    const e = await t.fail('ga_bar', 'item.register', {
      caseId: c.id, seizureDocNo: 'D1', seizedAt: '2026-11-20T01:00:00Z', seizedBy: '李',
      items: [{ name: '手机', category: 'electronics', quantity: 1, unit: '部', source: 'seized' }],
    });
    expect(e).toEqual({ code: 'INTERNAL', message: '系统内部错误，操作未生效，请重试或联系管理员' });
    expect(await t.eventCount()).toBe(before);
    const items = await t.core.store.db.selectFrom('items').select('id').execute();
    expect(items).toEqual([]);
  });
});

describe('accounts', () => {
  it('hashes passwords with scrypt and verifies them', () => {
    const h = hashPassword('正确的密码1');
    expect(h).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(verifyPassword('正确的密码1', h)).toBe(true);
    expect(verifyPassword('错误的密码1', h)).toBe(false);
  });

  it('locks an account at a client address for 15 minutes after 5 failed logins', async () => {
    const bad = () => t.core.dispatch(null, 'auth.login', { username: 'ga_bar', password: 'wrong-password' });
    for (let i = 1; i <= 5; i++) {
      const r = await bad();
      expect(r).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '用户名或密码错误' } });
    }
    const right = await t.core.dispatch(null, 'auth.login', { username: 'ga_bar', password: TEST_PASSWORD });
    expect(right.ok === false && right.error.message).toMatch(/已暂时锁定，请 15 分钟后再试/);
    t.clock.advance(15 * 60_000 + 1000);
    const later = await t.core.dispatch(null, 'auth.login', { username: 'ga_bar', password: TEST_PASSWORD });
    expect(later.ok).toBe(true);
  });

  it('expires sessions after 12 hours and ends them at logout', async () => {
    const token = await t.login('ga_bar');
    expect((await t.core.dispatch(token, 'auth.me', {})).ok).toBe(true);
    t.clock.advance(12 * 3600_000 + 1);
    expect((await t.core.dispatch(token, 'auth.me', {})).ok).toBe(false);
    const t2 = await t.login('ga_bar');
    // Logging in cleared the expired session row.
    const rows = await t.core.store.db.selectFrom('sessions').select('expires_at').execute();
    expect(rows.every((r) => r.expires_at > t.clock.now.toISOString())).toBe(true);
    expect((await t.core.dispatch(t2, 'auth.logout', {})).ok).toBe(true);
    expect((await t.core.dispatch(t2, 'auth.me', {})).ok).toBe(false);
  });

  it('lets the admin create a user with a one-time password that must be changed', async () => {
    const agencies = await t.call('admin', 'agency.list', {});
    const police = agencies.find((a) => a.kind === 'police')!;
    const r = await t.call('admin', 'user.save', { username: 'new_user', displayName: '新用户', agencyId: police.id, roles: ['case_officer'] });
    expect(r.initialPassword).toHaveLength(12);
    const login = await t.core.dispatch(null, 'auth.login', { username: 'new_user', password: r.initialPassword! });
    expect(login.ok && (login.data as { mustChangePassword: boolean }).mustChangePassword).toBe(true);
    const dup = await t.fail('admin', 'user.save', { username: 'new_user', displayName: 'x', agencyId: police.id, roles: ['custodian'] });
    expect(dup).toMatchObject({ code: 'CONFLICT', message: '用户名「new_user」已存在' });
  });

  it('allows first-run admin creation only once', async () => {
    const r = await t.core.dispatch(null, 'setup.createAdmin', { agencyName: '中心', agencyCode: '999999', username: 'root2', displayName: '管', password: 'Abcdefg1' });
    expect(r.ok === false && r.error.code).toBe('FORBIDDEN');
  });

  it('validates location hierarchy', async () => {
    const e = await t.fail('admin', 'location.save', { code: 'BIN-X', name: '位', kind: 'bin', parentId: null });
    expect(e.message).toBe('位必须放在一个架之下');
  });
});
