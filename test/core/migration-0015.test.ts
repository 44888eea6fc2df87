/** 0015 adds import_mappings: one name per agency, the mapping kept as JSON text. */
import { expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/database';
import { openTestStore } from '../support/test-core';

it('0015-import-mappings keeps one mapping name per agency', async () => {
  const store = await openTestStore();
  try {
    await migrate(store, '0011-corrections');
    const db = store.db;
    const now = '2026-11-20T02:00:00.000Z';
    const agency = (code: string) => db.insertInto('agencies').values({ code, name: code, kind: 'police', parent_id: null, created_at: now }).returning('id').executeTakeFirstOrThrow();
    const a = (await agency('P')).id;
    const b = (await agency('Q')).id;
    const u = await db
      .insertInto('users')
      .values({ username: 'u', display_name: '甲', badge_no: null, agency_id: a, roles: '[]', password_hash: 'x', failed_attempts: 0, locked_until: null, must_change_password: 0, active: 1, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await migrate(store)).toContain('0015-import-mappings');
    const row = { agency_id: a, name: '刑侦清单', mapping: '{"name":"物品"}', created_by: u.id, created_at: now };
    await db.insertInto('import_mappings').values(row).execute();
    await expect(db.insertInto('import_mappings').values(row).execute()).rejects.toThrow();
    await db.insertInto('import_mappings').values({ ...row, agency_id: b }).execute();
    const saved = await db.selectFrom('import_mappings').select(['name', 'mapping']).where('agency_id', '=', a).execute();
    expect(saved).toEqual([{ name: '刑侦清单', mapping: '{"name":"物品"}' }]);
  } finally {
    await store.close();
  }
});
