/** The rows most migration tests start from: one police agency and one user, as the tables stand from 0005 on. */
import type { Kysely } from 'kysely';
import type { Database } from '../../electron/core/db/schema';

export async function agencyAndUser(db: Kysely<Database>, now: string): Promise<{ agency: number; user: number }> {
  const agency = (await db.insertInto('agencies').values({ code: 'P', name: 'P', kind: 'police', parent_id: null, created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
  const user = (
    await db
      .insertInto('users')
      .values({ username: 'u', display_name: '甲', badge_no: null, agency_id: agency, roles: '[]', password_hash: 'x', failed_attempts: 0, locked_until: null, must_change_password: 0, active: 1, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  return { agency, user };
}
