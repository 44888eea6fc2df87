/** Issue 14 parts 1–2: temporary passwords, the password rule, session limits, throttling per address, the security log. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { makeTestCore, TEST_PASSWORD, type TestCore } from '../support/test-core';
import { passwordProblem } from '../../shared/domain/security';
import { verifySecurityLog } from '../../electron/core/services/security/security.log';

let t: TestCore;
beforeEach(async () => {
  t = await makeTestCore();
});
afterEach(() => t.close());

const login = (username: string, password: string, client: string) => t.core.dispatch(null, 'auth.login', { username, password }, { client });
const userId = async (username: string) => (await t.core.store.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
const kinds = async () => (await t.core.store.db.selectFrom('security_events').select('kind').orderBy('seq').execute()).map((r) => r.kind);

describe('temporary passwords', () => {
  it('after a reset the holder can do nothing but change the password, and the reset is in their record', async () => {
    const id = await userId('zx_bgy');
    const { password } = await t.call('admin', 'user.resetPassword', { id });
    const r = await login('zx_bgy', password, 'local');
    expect(r.ok).toBe(true);
    const token = (r as { data: { token: string } }).data.token;
    for (const m of ['item.list', 'case.list', 'alert.list', 'location.list'] as const) {
      const x = await t.core.dispatch(token, m, {});
      expect(x.ok === false && x.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    }
    const weak = await t.core.dispatch(token, 'auth.changePassword', { oldPassword: password, newPassword: 'abcdefgh' });
    expect(weak.ok === false && weak.error.message).toBe('密码须包含大写字母、小写字母、数字、其他符号中的至少三类');
    const ok = await t.core.dispatch(token, 'auth.changePassword', { oldPassword: password, newPassword: 'Fresh-Pass-1' });
    expect(ok.ok).toBe(true);
    expect((await t.core.dispatch(token, 'item.list', {})).ok).toBe(true);
    const log = await t.call('admin', 'user.securityLog', { id });
    expect(log.map((e) => e.kind)).toEqual(['password_changed', 'login', 'password_reset']);
    expect(log[2]).toMatchObject({ actorName: '系统管理员', subjectName: 'zx_bgy' });
  });

  it('applies the password rule: 8 characters, three classes, not the username', async () => {
    expect(passwordProblem('Ab1', 'x')).toBe('密码至少 8 位');
    expect(passwordProblem('abcdefgh1', 'x')).toMatch(/至少三类/);
    expect(passwordProblem('Abcdefgh', 'x')).toMatch(/至少三类/);
    expect(passwordProblem('Xga_bar12', 'ga_bar')).toBe('密码不能包含用户名');
    expect(passwordProblem('XRAB_AG12', 'ga_bar')).toBe('密码不能包含用户名');
    expect(passwordProblem('Demo1234', 'zx_bgy')).toBeNull();
    expect(passwordProblem('密码很长的中文1a', 'u')).toBeNull();
    const e = await t.fail('ga_bar', 'auth.changePassword', { oldPassword: TEST_PASSWORD, newPassword: 'my-ga_bar-1' });
    expect(e.message).toBe('密码不能包含用户名');
  });
});

describe('sessions', () => {
  it('end after 30 idle minutes, and 12 hours after login however busy', async () => {
    const token = await t.login('ga_bar');
    t.clock.advance(29 * 60_000);
    expect((await t.core.dispatch(token, 'auth.me', {})).ok).toBe(true);
    // Kept alive by use every 20 minutes ...
    for (let m = 0; m < 34; m++) {
      t.clock.advance(20 * 60_000);
      expect((await t.core.dispatch(token, 'auth.me', {})).ok).toBe(true);
    }
    // ... but not past 12 hours.
    t.clock.advance(20 * 60_000);
    expect((await t.core.dispatch(token, 'auth.me', {})).ok).toBe(false);

    const idle = await t.login('ga_bar');
    t.clock.advance(30 * 60_000 + 1000);
    const r = await t.core.dispatch(idle, 'auth.me', {});
    expect(r.ok === false && r.error.code).toBe('UNAUTHENTICATED');
  });
});

describe('login throttling', () => {
  it('50 wrong passwords from one address do not stop the real user signing in from another', async () => {
    for (let i = 0; i < 50; i++) {
      const r = await login('admin', `guess-${i}`, '10.0.0.66');
      expect(r).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '用户名或密码错误' } });
    }
    expect((await login('admin', TEST_PASSWORD, '10.0.0.5')).ok).toBe(true);
    // The guesser's address is locked; even the right password there says so (and only then).
    const there = await login('admin', TEST_PASSWORD, '10.0.0.66');
    expect(there.ok === false && there.error.code).toBe('LOCKED');
    const k = await kinds();
    expect(k.filter((x) => x === 'login_failed')).toHaveLength(50);
    expect(k.filter((x) => x === 'lockout').length).toBeGreaterThanOrEqual(2); // the account at that address, and the address
    expect(k).toContain('login_locked');
  });

  it('answers unknown users, wrong passwords and locked accounts alike, in about the same time', async () => {
    for (let i = 0; i < 5; i++) await login('ga_sp', 'nope', '10.1.1.1'); // ga_sp is now locked at 10.1.1.1
    const unknown = await login('no_such_user', 'whatever1', '10.1.1.1');
    const wrong = await login('ga_bar', 'whatever1', '10.1.1.2');
    const locked = await login('ga_sp', 'whatever1', '10.1.1.1');
    expect(unknown).toEqual(wrong);
    expect(locked).toEqual(wrong);
    const time = async (u: string) => {
      const ms: number[] = [];
      for (let i = 0; i < 5; i++) {
        const s = performance.now();
        await login(u, 'whatever1', `10.2.0.${i}`);
        ms.push(performance.now() - s);
      }
      return ms.sort((a, b) => a - b)[2]!;
    };
    const [known, nobody] = [await time('fy_bar'), await time('nobody_here')];
    // scrypt dominates both: an unknown name is not answered in a fraction of the time.
    expect(nobody / known).toBeGreaterThan(0.5);
    expect(nobody / known).toBeLessThan(2);
  });

  it('locks each time longer, locks a spraying address, and the admin can unlock', async () => {
    const fail5 = async (client: string) => {
      for (let i = 0; i < 5; i++) await login('jc_bar', 'bad-one-1', client);
    };
    await fail5('10.3.0.1');
    expect((await login('jc_bar', TEST_PASSWORD, '10.3.0.1')).ok).toBe(false);
    t.clock.advance(15 * 60_000 + 1000);
    expect((await login('jc_bar', 'bad-one-1', '10.3.0.1')).ok).toBe(false);
    await fail5('10.3.0.1');
    t.clock.advance(15 * 60_000 + 1000);
    const second = await login('jc_bar', TEST_PASSWORD, '10.3.0.1');
    expect(second.ok === false && second.error.message).toMatch(/请 15 分钟后再试/); // 30 minutes this time
    expect((await t.call('admin', 'user.list', {})).find((u) => u.username === 'jc_bar')!.locked).toBe(true);
    await t.call('admin', 'user.unlock', { id: await userId('jc_bar') });
    expect((await login('jc_bar', TEST_PASSWORD, '10.3.0.1')).ok).toBe(true);

    // Spraying: one wrong password each for many names from one address locks the address.
    const names = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9', 'a10', 'a11', 'a12', 'a13', 'a14', 'a15', 'a16', 'a17', 'a18', 'a19', 'a20'];
    for (const n of names) await login(n, 'Spray-2026', '10.4.0.1');
    const sprayed = await login('fy_sp', TEST_PASSWORD, '10.4.0.1');
    expect(sprayed.ok === false && sprayed.error.code).toBe('LOCKED');
    expect((await login('fy_sp', TEST_PASSWORD, '10.4.0.2')).ok).toBe(true);
  });

  it('throttles witness passwords per session user, records them, and leaves the witness free to sign in', async () => {
    const c = await t.call('ga_bar', 'case.create', { caseNo: 'A3716002026110001', name: '张某盗窃案' });
    const [cash] = await t.call('ga_bar', 'item.register', {
      caseId: c.id, seizureDocNo: 'D-1', seizedAt: '2026-11-20T01:00:00Z', seizedBy: '李',
      items: [{ name: '人民币现金', category: 'cash', quantity: 1, unit: '捆', cashAmount: 100, source: 'seized' }],
    });
    const witness = { username: 'ga_sp', password: 'guess-it-1' };
    for (let i = 0; i < 8; i++) {
      const e = await t.fail('zx_bgy', 'intake.receive', { counterpart: { name: '李' }, items: [{ code: cash!.code }], witness });
      expect(e.message).toContain('见证人');
    }
    expect((await login('ga_sp', TEST_PASSWORD, 'local')).ok).toBe(true);
    const k = await kinds();
    expect(k.filter((x) => x === 'witness_failed').length).toBeGreaterThanOrEqual(5);
    expect(k).toContain('lockout');
  });
});

describe('security log', () => {
  it('records logins, logouts, denials, user changes and ledger checks in a chain the database will not let change', async () => {
    const token = await t.login('ga_bar');
    await login('ga_bar', 'wrong-pass-1', 'local');
    await t.fail('ga_bar', 'user.list', {});
    const sp = (await t.call('admin', 'user.list', {})).find((u) => u.username === 'ga_sp')!;
    await t.call('admin', 'user.save', { ...sp, badgeNo: sp.badgeNo ?? undefined, roles: ['approver', 'case_officer'] });
    await t.call('jw_jd', 'ledger.verify', {});
    await t.core.dispatch(token, 'auth.logout', {});
    const k = await kinds();
    for (const kind of ['login', 'login_failed', 'permission_denied', 'user_changed', 'ledger_check', 'logout']) expect(k).toContain(kind);

    const list = await t.call('jw_jd', 'security.list', { limit: 100 });
    const changed = list.rows.find((r) => r.kind === 'user_changed')!;
    expect(changed.note).toBe('角色：审批人 → 审批人、办案人员');
    expect(list.rows.find((r) => r.kind === 'permission_denied')!.note).toContain('「用户列表」');
    const mine = await t.call('jw_jd', 'security.list', { username: 'ga_bar', kind: 'login_failed', limit: 10 });
    expect(mine.rows).toHaveLength(1);
    expect((await t.fail('admin', 'security.list', {})).code).toBe('FORBIDDEN');
    const file = await t.call('jw_jd', 'security.export', {});
    expect(file.fileName).toMatch(/^安全日志-.*\.xlsx$/);
    expect(Buffer.from(file.base64, 'base64').subarray(0, 2).toString()).toBe('PK');

    expect(await t.call('jw_jd', 'security.verify', {})).toMatchObject({ ok: true, brokenSeq: null });
    await expect(sql`UPDATE security_events SET kind = 'login' WHERE seq = 2`.execute(t.core.store.db)).rejects.toThrow();
    await expect(sql`DELETE FROM security_events`.execute(t.core.store.db)).rejects.toThrow();
    expect((await verifySecurityLog(t.core.store.db)).ok).toBe(true);
  });
});
