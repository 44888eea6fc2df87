/** Login, logout, password change and first-run setup. */
import type { HandlerMap } from '../../api/handler-types';
import { CommittedFailure } from '../../api/handler-types';
import { checkCredentials, createSession, endOtherSessions, endSession, toSessionUser } from '../../auth/session.service';
import { hashPassword } from '../../auth/password';
import { AppError, badInput } from '../../errors';

export const authHandlers: HandlerMap<'auth.login' | 'auth.logout' | 'auth.me' | 'auth.changePassword' | 'setup.status' | 'setup.createAdmin'> = {
  'auth.login': async (ctx, { username, password }) => {
    const now = new Date(ctx.now);
    const r = await checkCredentials(ctx.db, username, password, now);
    if (!r.ok) return new CommittedFailure(r.error);
    const token = await createSession(ctx.db, r.user.id, now);
    return { token, user: await toSessionUser(ctx.db, r.user), mustChangePassword: r.user.must_change_password === 1 };
  },
  'auth.logout': async (ctx) => {
    if (ctx.session) await endSession(ctx.db, ctx.session.token);
    return { ok: true };
  },
  'auth.me': async (ctx) => ctx.user,
  'auth.changePassword': async (ctx, { oldPassword, newPassword }) => {
    if (oldPassword === newPassword) throw badInput('新密码不能与原密码相同');
    // A wrong old password counts towards the lockout like a failed login, so a left-open session cannot be used to guess it.
    const r = await checkCredentials(ctx.db, ctx.user.username, oldPassword, new Date(ctx.now));
    if (!r.ok) {
      const code = r.error.code === 'LOCKED' ? 'LOCKED' : 'BAD_INPUT';
      return new CommittedFailure(new AppError(code, r.error.message.replace('用户名或密码错误', '原密码不正确')));
    }
    await ctx.db
      .updateTable('users')
      .set({ password_hash: hashPassword(newPassword), must_change_password: 0 })
      .where('id', '=', ctx.user.id)
      .execute();
    await endOtherSessions(ctx.db, ctx.user.id, ctx.session?.token ?? null);
    return { ok: true };
  },
  'setup.status': async (ctx) => {
    const n = await ctx.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { needsAdmin: Number(n.n) === 0 };
  },
  'setup.createAdmin': async (ctx, input) => {
    const n = await ctx.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (Number(n.n) > 0) throw new AppError('FORBIDDEN', '系统已初始化，不能再次创建管理员');
    await createFirstAdmin(ctx.db, { ...input, now: ctx.now });
    return { ok: true };
  },
};

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
