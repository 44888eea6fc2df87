/** Login, logout, password change and first-run setup. */
import type { HandlerMap } from '../../api/handler-types';
import { CommittedFailure } from '../../api/handler-types';
import { checkCredentials, createSession, endOtherSessions, endSession, toSessionUser, type CredentialResult } from '../../auth/session.service';
import { loginKeys } from '../../auth/throttle';
import type { Ctx, PublicCtx } from '../../context';
import type { UserRow } from '../../db/schema';
import { passwordProblem, type SecurityEventKind } from '../../../../shared/domain/security';
import { appendSecurityEvent } from '../security/security.log';
import { hashPassword } from '../../auth/password';
import { AppError, badInput } from '../../errors';

export const authHandlers: HandlerMap<'auth.login' | 'auth.logout' | 'auth.me' | 'auth.changePassword' | 'setup.status' | 'setup.createAdmin'> = {
  'auth.login': async (ctx, { username, password }) => {
    const now = new Date(ctx.now);
    const client = ctx.client ?? 'local';
    const r = await checkCredentials(ctx.db, username, password, now, loginKeys(username, client));
    if (!r.ok) {
      await logCredentialFailure(ctx, r, username, r.outcome === 'locked' ? 'login_locked' : 'login_failed');
      return new CommittedFailure(r.error);
    }
    const token = await createSession(ctx.db, r.user.id, now);
    await appendSecurityEvent(ctx.db, { kind: 'login', at: ctx.now, actor: userRef(r.user), subject: subjectRef(r.user), client });
    return { token, user: await toSessionUser(ctx.db, r.user), mustChangePassword: r.user.must_change_password === 1 };
  },
  'auth.logout': async (ctx) => {
    if (ctx.session) {
      await endSession(ctx.db, ctx.session.token);
      const u = ctx.session.user;
      await appendSecurityEvent(ctx.db, { kind: 'logout', at: ctx.now, actor: { id: u.id, name: u.displayName }, subject: { id: u.id, name: u.username }, client: ctx.client ?? null });
    }
    return { ok: true };
  },
  'auth.me': async (ctx) => ctx.user,
  'auth.changePassword': async (ctx, { oldPassword, newPassword }) => {
    if (oldPassword === newPassword) throw badInput('新密码不能与原密码相同');
    const problem = passwordProblem(newPassword, ctx.user.username);
    if (problem) throw badInput(problem);
    // A wrong old password counts towards the lockout like a failed login, so a left-open session cannot be used to guess it.
    const r = await checkCredentials(ctx.db, ctx.user.username, oldPassword, new Date(ctx.now), loginKeys(ctx.user.username, ctx.client ?? 'local'));
    if (!r.ok) {
      await logCredentialFailure(ctx, r, ctx.user.username, r.outcome === 'locked' ? 'login_locked' : 'login_failed', { note: '修改密码时原密码错误' });
      const code = r.error.code === 'LOCKED' ? 'LOCKED' : 'BAD_INPUT';
      return new CommittedFailure(new AppError(code, r.error.message.replace('用户名或密码错误', '原密码不正确')));
    }
    await ctx.db
      .updateTable('users')
      .set({ password_hash: hashPassword(newPassword), must_change_password: 0 })
      .where('id', '=', ctx.user.id)
      .execute();
    await endOtherSessions(ctx.db, ctx.user.id, ctx.session?.token ?? null);
    const me = { id: ctx.user.id, name: ctx.user.displayName };
    await appendSecurityEvent(ctx.db, { kind: 'password_changed', at: ctx.now, actor: me, subject: { id: ctx.user.id, name: ctx.user.username }, client: ctx.client ?? null });
    return { ok: true };
  },
  'setup.status': async (ctx) => {
    const n = await ctx.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { needsAdmin: Number(n.n) === 0 };
  },
  'setup.createAdmin': async (ctx, input) => {
    const n = await ctx.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (Number(n.n) > 0) throw new AppError('FORBIDDEN', '系统已初始化，不能再次创建管理员');
    const problem = passwordProblem(input.password, input.username);
    if (problem) throw badInput(problem);
    await createFirstAdmin(ctx.db, { ...input, now: ctx.now });
    return { ok: true };
  },
};

const userRef = (u: UserRow) => ({ id: u.id, name: u.display_name });
const subjectRef = (u: UserRow) => ({ id: u.id, name: u.username });

/** A failed or locked password check goes to the security log, with any lock it caused. Exported for the witness check. */
export async function logCredentialFailure(
  ctx: Ctx | PublicCtx,
  r: Extract<CredentialResult, { ok: false }>,
  username: string,
  kind: SecurityEventKind,
  detail: Record<string, unknown> = {},
): Promise<void> {
  const actor = ctx.user ? { id: ctx.user.id, name: ctx.user.displayName } : null;
  const subject = r.user ? subjectRef(r.user) : { id: null, name: username };
  const base = { at: ctx.now, actor, subject, client: ctx.client ?? null };
  await appendSecurityEvent(ctx.db, { ...base, kind, detail });
  for (const l of r.lockedKeys) {
    const scope = l.key.slice(0, l.key.indexOf(':')) as keyof typeof LOCK_SCOPE;
    await appendSecurityEvent(ctx.db, { ...base, kind: 'lockout', detail: { ...detail, note: `${LOCK_SCOPE[scope] ?? '锁定'} ${l.minutes} 分钟`, minutes: l.minutes } });
  }
}

const LOCK_SCOPE = { acct: '该账号在此终端地址锁定', addr: '此终端地址锁定', wit: '该账号在此会话中担任见证人锁定', witby: '此会话的见证人输入锁定' };

/** Creates the first agency and the admin account (used by the first-run screen and `cli init`). */
export async function createFirstAdmin(
  db: import('kysely').Kysely<import('../../db/schema').Database>,
  a: { agencyName: string; agencyCode: string; username: string; displayName: string; password: string; now: string; mustChange?: boolean },
): Promise<number> {
  let agency = await db.selectFrom('agencies').select('id').where('code', '=', a.agencyCode).executeTakeFirst();
  if (!agency) {
    agency = await db
      .insertInto('agencies')
      .values({ code: a.agencyCode, name: a.agencyName, kind: 'other', parent_id: null, created_at: a.now })
      .returning('id')
      .executeTakeFirstOrThrow();
  }
  const user = await db
    .insertInto('users')
    .values({
      username: a.username,
      display_name: a.displayName,
      badge_no: null,
      agency_id: agency.id,
      roles: JSON.stringify(['admin']),
      password_hash: hashPassword(a.password),
      failed_attempts: 0,
      locked_until: null,
      must_change_password: a.mustChange ? 1 : 0,
      active: 1,
      created_at: a.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return user.id;
}
