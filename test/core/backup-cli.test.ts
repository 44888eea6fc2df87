/**
 * Issue 13 follow-ups: `cli backup --out` checks its copy as the scheduled backups do (exit 1 and the reason when it
 * fails), and `cli restore` of a PostgreSQL dump restores into a new database whose ledger verifies there.
 */
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { runCommand } from '../../electron/cli/commands';
import { restoreCommand } from '../../electron/cli/restore.command';
import type { OpenedApp } from '../../electron/core/bootstrap';
import { openPostgres } from '../../electron/core/db/database';
import { verifyLedger } from '../../electron/core/ledger/ledger.verify';
import { dropDatabase, withDatabase } from '../../electron/core/services/backup/backup.pg';
import { TEST_PG_URL, unprotectLedger, type TestCore } from '../support/test-core';
import { backupEnv, registerItems } from './support/backup-kit';

let t: TestCore;
let dataDir: string;
let folder: string;
let app: OpenedApp;
let log: MockInstance;
let err: MockInstance;
const printed = (m: MockInstance) => m.mock.calls.map((c) => c.join(' ')).join('\n');

beforeEach(async () => {
  ({ t, dataDir, folder } = await backupEnv());
  app = { core: t.core, store: t.core.store, dataDir, databaseUrl: null, firstAdmin: null };
  log = vi.spyOn(console, 'log').mockImplementation(() => {});
  err = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(async () => {
  vi.restoreAllMocks();
  await t.close();
});

describe('cli backup --out', { timeout: 120_000 }, () => {
  it('checks the copy: reports the events and photos when it passes, refuses an existing file', async () => {
    await registerItems(t, 3, true);
    const out = join(folder, 'cli', 'copy.bak');
    expect(await runCommand('backup', ['backup', '--out', out], app)).toBe(0);
    expect(printed(log)).toContain(`并校验通过：账本 ${await t.eventCount()} 条事件，照片 1 张哈希一致`);
    expect(readdirSync(`${out}-photos`)).toHaveLength(1);
    await expect(runCommand('backup', ['backup', '--out', out], app)).rejects.toThrow('已存在');
  });

  it('exits 1 with the reason when a photo does not match its hash', async () => {
    await registerItems(t, 1, true);
    const photo = readdirSync(join(dataDir, 'photos'))[0]!;
    writeFileSync(join(dataDir, 'photos', photo), 'not the photo');
    expect(await runCommand('backup', ['backup', '--out', join(folder, 'bad-photo.bak')], app)).toBe(1);
    expect(printed(err)).toContain(`未通过校验：照片 ${photo} 内容与哈希不符`);
    expect(printed(log)).not.toContain('校验通过');
  });

  it('exits 1 naming the first broken event when the ledger does not verify', async () => {
    await registerItems(t, 4);
    await unprotectLedger(t.core.store);
    await sql`UPDATE custody_events SET note = '篡改' WHERE seq = 3`.execute(t.core.store.db);
    expect(await runCommand('backup', ['backup', '--out', join(folder, 'bad-ledger.bak')], app)).toBe(1);
    expect(printed(err)).toContain('未通过校验：账本校验未通过：第 3 号事件被篡改');
    expect(printed(err)).toContain('第一处断裂：第 3 号事件');
  });
});

/** The PostgreSQL restore needs a PostgreSQL test database and pg_dump/pg_restore on PATH. */
const tools = ['pg_dump', 'pg_restore'].every((tool) => spawnSync(tool, ['--version']).status === 0);
const skipWhy = !TEST_PG_URL ? '测试不在 PostgreSQL 上运行（SEIZED_TEST_ENGINE=postgres 与 TEST_DATABASE_URL 未设置）' : !tools ? 'PATH 中没有 pg_dump/pg_restore' : null;
if (skipWhy) console.warn(`[skip] cli restore（PostgreSQL）：${skipWhy}`);

describe.skipIf(skipWhy !== null)('cli restore (PostgreSQL)', { timeout: 180_000 }, () => {
  it('backs up, restores into a new database, verifies the ledger there, and leaves the live one alone', async () => {
    const url = TEST_PG_URL!;
    await registerItems(t, 5, true);
    const events = await t.eventCount();
    const out = join(folder, 'seized.dump');
    expect(await runCommand('backup', ['backup', '--out', out], app)).toBe(0);
    await registerItems(t, 2); // after the backup: the restored database does not have these
    expect(await restoreCommand(['restore', out, '--database', url])).toBe(0);
    const name = /已恢复到新数据库 (\S+)：/.exec(printed(log))?.[1];
    expect(name).toMatch(/_restored_/);
    expect(printed(log)).toContain(`账本 ${events} 条事件校验通过，照片 1 张哈希一致`);
    const restored = openPostgres(withDatabase(url, name!), { schema: t.core.store.schema, max: 1 });
    try {
      expect(await verifyLedger(restored.db)).toMatchObject({ ok: true, headSeq: events });
      const items = await restored.db.selectFrom('items').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(items.n)).toBe(5);
    } finally {
      await restored.close();
      await dropDatabase(url, name!);
    }
    expect(await t.eventCount()).toBe(events + 2);
  });

  it('refuses a file that is not a dump, with pg_restore’s reason', async () => {
    const bogus = join(folder, 'bogus.dump');
    writeFileSync(bogus, 'not a dump');
    expect(await restoreCommand(['restore', bogus, '--database', TEST_PG_URL!])).toBe(1);
    expect(printed(err)).toContain('pg_restore 失败');
  });
});
