/** Login with lockout, session tokens (only their hash is stored), expiry. */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, UserRow } from '../db/schema';
import type { DialectName } from '../db/dialect';
import { fixedQuery } from '../db/prepared';
import type { SessionUser } from '../context';
import { ROLES, type Role } from '../../../shared/domain/enums';
import { AppError } from '../errors';
import { verifyPassword } from './password';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
export const SESSION_HOURS = 12;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function parseRoles(json: string): Role[] {
  const arr = JSON.parse(json) as unknown;
  return Array.isArray(arr) ? arr.filter((r): r is Role => (ROLES as readonly string[]).includes(r as string)) : [];
}

export async function toSessionUser(db: Kysely<Database>, u: UserRow): Promise<SessionUser> {
  const agency = await db.selectFrom('agencies').select(['name', 'kind']).where('id', '=', u.agency_id).executeTakeFirstOrThrow();
  const store = u.store_id === null ? undefined : await db.selectFrom('locations').select('name').where('id', '=', u.store_id).executeTakeFirst();
  return sessionUserOf(u, agency, store?.name ?? null);
}

/** `storeName` null: the user works in no store (or it no longer exists). */
function sessionUserOf(u: UserRow, agency: { name: string; kind: string }, storeName: string | null): SessionUser {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    badgeNo: u.badge_no,
    agencyId: u.agency_id,
    agencyName: agency.name,
    agencyKind: agency.kind,
    roles: parseRoles(u.roles),
    storeId: storeName === null ? null : u.store_id,
    storeName,
    mustChangePassword: u.must_change_password === 1,
  };
}

/**
 * Checks a user's password, counting failures and locking after MAX_FAILED_LOGINS.
 * Used for login and for a witness confirming with their own password.
 * Failure counts are written even though the call fails, so it returns a result instead of throwing.
 */
export async function checkCredentials(
  db: Kysely<Database>,
  username: string,
  password: string,
  now: Date,
): Promise<{ ok: true; user: UserRow } | { ok: false; error: AppError }> {
  const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  const wrong = new AppError('UNAUTHENTICATED', '用户名或密码错误');
  if (!user || !user.active) {
    verifyPassword(password, 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='); // same cost
    return { ok: false, error: wrong };
  }
  if (user.locked_until && new Date(user.locked_until) > now) {
    const mins = Math.ceil((new Date(user.locked_until).getTime() - now.getTime()) / 60000);
    return { ok: false, error: new AppError('LOCKED', `账号因连续 ${MAX_FAILED_LOGINS} 次密码错误已锁定，请 ${mins} 分钟后再试或联系管理员`) };
  }
  if (!verifyPassword(password, user.password_hash)) {
    const failed = user.failed_attempts + 1;
    const lock = failed >= MAX_FAILED_LOGINS;
    await db
      .updateTable('users')
      .set({ failed_attempts: lock ? 0 : failed, locked_until: lock ? new Date(now.getTime() + LOCK_MINUTES * 60000).toISOString() : null })
      .where('id', '=', user.id)
      .execute();
    if (lock) return { ok: false, error: new AppError('LOCKED', `密码连续错误 ${MAX_FAILED_LOGINS} 次，账号已锁定 ${LOCK_MINUTES} 分钟`) };
    return { ok: false, error: new AppError('UNAUTHENTICATED', `用户名或密码错误（还可尝试 ${MAX_FAILED_LOGINS - failed} 次）`) };
  }
  if (user.failed_attempts !== 0 || user.locked_until) {
    await db.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', user.id).execute();
  }
  return { ok: true, user };
}

export async function createSession(db: Kysely<Database>, userId: number, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  // Expired sessions are useless; drop them while we are writing anyway (expires_at is ISO text, so it sorts as time).
  await db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString(),
    })
    .execute();
  return token;
}

/** One statement for the whole lookup (session, user, agency), prepared once: it runs on every call. */
const SESSION_SQL = `SELECT s.expires_at AS session_expires_at, a.name AS agency_name, a.kind AS agency_kind, st.name AS store_name, u.*
  FROM sessions s JOIN users u ON u.id = s.user_id JOIN agencies a ON a.id = u.agency_id LEFT JOIN locations st ON st.id = u.store_id
  WHERE s.token_hash = ?`;

/**
 * The signed-in user for a token, or null when unknown, expired or the user was disabled.
 * Dispatch looks it up once per call and hands it to the handler in ctx.
 */
export async function resolveSession(db: Kysely<Database>, token: string | null | undefined, now: Date, dialect: DialectName = 'sqlite'): Promise<SessionUser | null> {
  if (!token) return null;
  type Row = UserRow & { session_expires_at: string; agency_name: string; agency_kind: string; store_name: string | null };
  const [r] = await fixedQuery<Row>(db, dialect, SESSION_SQL, [hashToken(token)]);
  if (!r || new Date(r.session_expires_at) <= now || !r.active) return null;
  return sessionUserOf(r, { name: r.agency_name, kind: r.agency_kind }, r.store_name);
}

export async function endSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}

/** Ends every other session of the user (after a password change), keeping the one in use. */
export async function endOtherSessions(db: Kysely<Database>, userId: number, keepToken: string | null): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepToken) q = q.where('token_hash', '!=', hashToken(keepToken));
  await q.execute();
}
