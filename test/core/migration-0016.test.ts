/** 0016 adds the security log (append-only), the login throttle and sessions.last_seen_at (backfilled). */
import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrate } from '../../electron/core/db/database';
import { openTestStore } from '../support/test-core';
import { agencyAndUser } from '../support/migration-rows';

it('0016-security-log backfills last_seen_at and makes the security log append-only', async () => {
  const store = await openTestStore();
  try {
    await migrate(store, '0011-corrections');
    const db = store.db;
    const now = '2026-11-20T02:00:00.000Z';
    const u = { id: (await agencyAndUser(db, now)).user };
    // Typed as before 0016: the row has no last_seen_at yet.
    await (db as unknown as import('kysely').Kysely<{ sessions: Record<string, unknown> }>)
      .insertInto('sessions')
      .values({ token_hash: 'h', user_id: u.id, created_at: now, expires_at: '2026-11-20T14:00:00.000Z' })
      .execute();

    expect(await migrate(store)).toContain('0016-security-log');
    expect(await db.selectFrom('sessions').select('last_seen_at').execute()).toEqual([{ last_seen_at: now }]);

    const e = { kind: 'login', occurred_at: now, actor_user_id: u.id, actor_name: '甲', subject_user_id: u.id, subject_name: 'u', client: 'local', detail: '{}', prev_hash: '0', hash: 'a' };
    await db.insertInto('security_events').values({ ...e, seq: 1 }).execute();
    await expect(db.insertInto('security_events').values({ ...e, seq: 1 }).execute()).rejects.toThrow();
    await expect(sql`UPDATE security_events SET kind = 'x'`.execute(db)).rejects.toThrow();
    await expect(sql`DELETE FROM security_events`.execute(db)).rejects.toThrow();
    expect(await db.selectFrom('security_events').select('kind').execute()).toEqual([{ kind: 'login' }]);

    await db.insertInto('login_throttle').values({ key: 'acct:u@local', failures: 1, locks: 0, locked_until: null, updated_at: now }).execute();
    await expect(db.insertInto('login_throttle').values({ key: 'acct:u@local', failures: 1, locks: 0, locked_until: null, updated_at: now }).execute()).rejects.toThrow();
  } finally {
    await store.close();
  }
});
