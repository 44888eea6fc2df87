/**
 * Password-guessing throttle. Failures are counted per key: an account at one client address ('acct:'), and the
 * address itself ('addr:'). A key that reaches its limit is locked, each lock twice as long as the one before.
 * An account is never locked as such, so guessing from one terminal does not stop its owner signing in from another.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export const THROTTLE = {
  /** Wrong passwords for one account from one address before that pair is locked. */
  accountFailures: 5,
  /** Wrong passwords from one address, over all accounts, before the address is locked. */
  addressFailures: 20,
  /** Failures older than this are forgotten. */
  windowMinutes: 15,
  firstLockMinutes: 15,
  maxLockMinutes: 24 * 60,
} as const;

/** Login and password change: the account at the client address, and the address. */
export const loginKeys = (username: string, client: string) => [`acct:${username.toLowerCase()}@${client}`, `addr:${client}`];
/** A witness's password typed into someone else's session: keyed by that session's user, not by the witness. */
export const witnessKeys = (username: string, byUserId: number) => [`wit:${username.toLowerCase()}@${byUserId}`, `witby:${byUserId}`];

const limitOf = (key: string) => (key.startsWith('addr:') || key.startsWith('witby:') ? THROTTLE.addressFailures : THROTTLE.accountFailures);

/** The keys locked now, with the latest lock end among them (null when none is). */
export async function lockState(db: Kysely<Database>, keys: string[], now: Date): Promise<{ until: Date | null; lockedKeys: Set<string> }> {
  const rows = await db.selectFrom('login_throttle').select(['key', 'locked_until']).where('key', 'in', keys).execute();
  const locked = rows.filter((r) => r.locked_until && new Date(r.locked_until) > now);
  const until = locked.length ? new Date(Math.max(...locked.map((r) => new Date(r.locked_until!).getTime()))) : null;
  return { until, lockedKeys: new Set(locked.map((r) => r.key)) };
}

/** Counts a failure on every key; returns the keys it locked (with the lock length in minutes). */
export async function recordFailure(db: Kysely<Database>, keys: string[], now: Date): Promise<Array<{ key: string; minutes: number }>> {
  const locked: Array<{ key: string; minutes: number }> = [];
  for (const key of keys) {
    const row = await db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
    const stale = row && now.getTime() - new Date(row.updated_at).getTime() > THROTTLE.windowMinutes * 60_000;
    const failures = (row && !stale ? row.failures : 0) + 1;
    const locks = row?.locks ?? 0;
    let lockedUntilIso = row?.locked_until ?? null;
    let next = { failures, locks };
    if (failures >= limitOf(key)) {
      const minutes = Math.min(THROTTLE.firstLockMinutes * 2 ** locks, THROTTLE.maxLockMinutes);
      lockedUntilIso = new Date(now.getTime() + minutes * 60_000).toISOString();
      next = { failures: 0, locks: locks + 1 };
      locked.push({ key, minutes });
    }
    const values = { ...next, locked_until: lockedUntilIso, updated_at: now.toISOString() };
    if (row) await db.updateTable('login_throttle').set(values).where('key', '=', key).execute();
    else await db.insertInto('login_throttle').values({ key, ...values }).execute();
  }
  return locked;
}

/** After a correct password: that account's key at that address starts afresh (the address key does not). */
export async function clearKey(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}

/** The admin's unlock: every lock on the account, at every address and as a witness. */
export async function clearAccount(db: Kysely<Database>, username: string): Promise<void> {
  const u = username.toLowerCase();
  // LIKE narrows the rows ('_' is a wildcard there); the exact prefix test picks them.
  const rows = await db.selectFrom('login_throttle').select('key').where((eb) => eb.or([eb('key', 'like', `acct:${u}@%`), eb('key', 'like', `wit:${u}@%`)])).execute();
  const keys = rows.map((r) => r.key).filter((k) => k.startsWith(`acct:${u}@`) || k.startsWith(`wit:${u}@`));
  if (keys.length) await db.deleteFrom('login_throttle').where('key', 'in', keys).execute();
}

/** Usernames with a lock in force at some address (for the admin's user list). */
export async function lockedUsernames(db: Kysely<Database>, now: Date): Promise<Set<string>> {
  const rows = await db.selectFrom('login_throttle').select('key').where('key', 'like', 'acct:%').where('locked_until', '>', now.toISOString()).execute();
  return new Set(rows.map((r) => r.key.slice(5, r.key.lastIndexOf('@'))));
}
