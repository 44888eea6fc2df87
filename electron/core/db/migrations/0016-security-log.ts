/**
 * 0016: accounts hardening and the security log.
 * - security_events: append-only, hash-chained log of logins, failures, lockouts, logouts, password changes and resets,
 *   user changes, permission denials and ledger checks (triggers refuse UPDATE/DELETE, like custody_events).
 * - login_throttle: failed-password counters and lock times per key (an account at a client address, or an address),
 *   so a stranger cannot keep someone else's account locked.
 * - sessions.last_seen_at: for the idle timeout (backfilled with created_at). Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';
import { protectAppendOnly, withId, type DialectName } from '../dialect';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await withId(dialect, db.schema.createTable('security_events'))
    .addColumn('seq', 'integer', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer')
    .addColumn('actor_name', 'text')
    .addColumn('subject_user_id', 'integer')
    .addColumn('subject_name', 'text')
    .addColumn('client', 'text')
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('security_events_subject').on('security_events').columns(['subject_user_id', 'seq']).execute();
  await db.schema.createIndex('security_events_kind').on('security_events').columns(['kind', 'seq']).execute();
  await protectAppendOnly(dialect, db, 'security_events');

  await db.schema
    .createTable('login_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('locks', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.alterTable('sessions').addColumn('last_seen_at', 'text').execute();
  await sql`UPDATE sessions SET last_seen_at = created_at`.execute(db);
}
