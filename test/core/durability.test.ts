/** Issue 14 part 3: the SQLite store syncs every commit to disk (synchronous=FULL), in WAL mode. */
import { expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openSqlite } from '../../electron/core/db/database';

it('opens file stores in WAL mode with synchronous=FULL (2)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'seized-sync-'));
  const store = openSqlite(join(dir, 's.db'));
  try {
    const sync = await sql<{ synchronous: number }>`PRAGMA synchronous`.execute(store.db);
    expect(sync.rows[0]!.synchronous).toBe(2);
    const mode = await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(store.db);
    expect(mode.rows[0]!.journal_mode).toBe('wal');
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
