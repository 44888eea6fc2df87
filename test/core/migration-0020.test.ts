/** 0020 adds backup_settings (one row) and backups (each attempt and its check). */
import { expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/database';
import { openTestStore } from '../support/test-core';

it('0020-backups creates the settings and backup tables', async () => {
  const store = await openTestStore();
  try {
    await migrate(store, '0016-security-log');
    expect(await migrate(store)).toContain('0020-backups');
    const db = store.db;
    const now = '2026-11-20T02:00:00.000Z';
    await db.insertInto('backup_settings').values({ id: 1, folder: '/mnt/bk', interval_hours: 24, keep: 7, updated_at: now }).execute();
    await expect(db.insertInto('backup_settings').values({ id: 1, folder: null, interval_hours: 24, keep: 7, updated_at: now }).execute()).rejects.toThrow();
    const row = { started_at: now, finished_at: now, trigger: 'manual', engine: 'sqlite', file: '/mnt/bk/a.sqlite', events: 3, head_hash: 'h', photos: 0, ok: 1, failure: null, pruned_at: null };
    // Sizes past 2 GB fit (bigint).
    await db.insertInto('backups').values({ ...row, size_bytes: 5_000_000_000 }).execute();
    await expect(db.insertInto('backups').values({ ...row, file: null as unknown as string, size_bytes: 1 }).execute()).rejects.toThrow();
    const got = await db.selectFrom('backups').select(['size_bytes', 'ok']).execute();
    expect(got.map((r) => [Number(r.size_bytes), r.ok])).toEqual([[5_000_000_000, 1]]);
  } finally {
    await store.close();
  }
});
