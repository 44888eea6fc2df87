/** Login with lockout, session tokens (only their hash is stored), expiry. */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, UserRow } from '../db/schema';
import type { DialectName } from '../db/dialect';
import { fixedQuery } from '../db/prepared';
import type { SessionUser } from '../context';
import { ROLES, type Role } from '../../../shared/domain/enums';
import { AppError } from '../errors';
import { DUMMY_HASH, verifyPassword } from './password';
import { clearKey, lockState, recordFailure } from './throttle';

/** Absolute session lifetime; the idle limit is CoreConfig.sessionIdleMinutes (default below). */
export const SESSION_HOURS = 12;
export const DEFAULT_IDLE_MINUTES = 30;
/** last_seen_at is written at most this often, so reads stay reads. */
const SEEN_REFRESH_MS = 60_000;

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

export type CredentialResult =
  | { ok: true; user: UserRow }
  /** `outcome`: 'failed' (wrong or unknown; maybe `lockedKeys` now), 'locked' (correct password, but locked). */
  | { ok: false; error: AppError; outcome: 'failed' | 'locked'; user: UserRow | null; lockedKeys: Array<{ key: string; minutes: number }> };

/**
 * Checks a password against the throttle `keys` (see throttle.ts). Unknown users, wrong passwords and locked keys get
 * the same answer after the same work (scrypt runs against a dummy hash for an unknown user); a lock is revealed only
 * with the correct password. Failures are written even though the call fails, so it returns instead of throwing.
 */
export async function checkCredentials(db: Kysely<Database>, username: string, password: string, now: Date, keys: string[]): Promise<CredentialResult> {
  const found = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  const user = found && found.active ? found : null;
  const matches = verifyPassword(password, user?.password_hash ?? DUMMY_HASH) && !!user;
  const { until, lockedKeys: already } = await lockState(db, keys, now);
  if (!matches) {
    // Keys already locked do not count further (their lock is not stretched by a stranger's guesses).
    const lockedKeys = await recordFailure(db, keys.filter((k) => !already.has(k)), now);
    return { ok: false, error: new AppError('UNAUTHENTICATED', MSG_WRONG), outcome: 'failed', user: found ?? null, lockedKeys };
  }
  if (until) {
    const mins = Math.ceil((until.getTime() - now.getTime()) / 60000);
    return { ok: false, error: new AppError('LOCKED', `密码多次输入错误，账号在此终端已暂时锁定，请 ${mins} 分钟后再试或联系管理员解锁`), outcome: 'locked', user, lockedKeys: [] };
  }
  await clearKey(db, keys[0]!);
  return { ok: true, user };
}

const MSG_WRONG = '用户名或密码错误';

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
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString(),
    })
    .execute();
  return token;
}

/** One statement for the whole lookup (session, user, agency), prepared once: it runs on every call. */
const SESSION_SQL = `SELECT s.expires_at AS session_expires_at, s.last_seen_at AS session_seen_at, a.name AS agency_name, a.kind AS agency_kind, st.name AS store_name, u.*
  FROM sessions s JOIN users u ON u.id = s.user_id JOIN agencies a ON a.id = u.agency_id LEFT JOIN locations st ON st.id = u.store_id
  WHERE s.token_hash = ?`;

/**
 * The signed-in user for a token, or null when unknown, expired or the user was disabled.
 * Dispatch looks it up once per call and hands it to the handler in ctx.
 */
export async function resolveSession(
  db: Kysely<Database>,
  token: string | null | undefined,
  now: Date,
  dialect: DialectName = 'sqlite',
  idleMinutes: number = DEFAULT_IDLE_MINUTES,
): Promise<SessionUser | null> {
  if (!token) return null;
  type Row = UserRow & { session_expires_at: string; session_seen_at: string | null; agency_name: string; agency_kind: string; store_name: string | null };
  const tokenHash = hashToken(token);
  const [r] = await fixedQuery<Row>(db, dialect, SESSION_SQL, [tokenHash]);
  if (!r || new Date(r.session_expires_at) <= now || !r.active) return null;
  const seen = new Date(r.session_seen_at ?? 0).getTime();
  if (now.getTime() - seen > idleMinutes * 60_000) return null;
  if (now.getTime() - seen > SEEN_REFRESH_MS) await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('token_hash', '=', tokenHash).execute();
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
