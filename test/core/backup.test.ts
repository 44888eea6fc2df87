/**
 * Issue 13 parts 3–4: verified backups (SQLite online backup / pg_dump), photos deduplicated by hash, scheduling on
 * the injected clock with N copies kept, and restore that checks before it swaps and keeps the replaced file.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import BetterSqlite3 from 'better-sqlite3';
import { makeTestCore, TEST_PG_URL, unprotectLedger, type TestCore } from '../support/test-core';
import { openSqlite } from '../../electron/core/db/database';
import { verifyLedger } from '../../electron/core/ledger/ledger.verify';
import { backupIfDue } from '../../electron/core/services/backup/backup.schedule';
import { checkSqliteFile } from '../../electron/core/services/backup/backup.check';
import { applyPendingRestore, restoreSqlite } from '../../electron/core/services/backup/backup.restore';
import { backupEnv, registerItems as register, runJob } from './support/backup-kit';

const HOUR = 3600_000;
let t: TestCore;
let dataDir: string;
let folder: string;

async function setup() {
  ({ t, dataDir, folder } = await backupEnv());
}
const registerItems = (n: number, photo: boolean | number = false) => register(t, n, photo);

afterEach(async () => {
  await t?.close();
});

describe('backups', { timeout: 180_000 }, () => {
  it('writes a copy that opens, whose ledger verifies and whose photos match; photos are stored once by hash', async () => {
    await setup();
    await registerItems(3, true);
    await registerItems(2, true); // the same PNG again: one file in the backup's photo folder
    const r = await runJob(t, 'admin');
    expect(r.backup).toMatchObject({ ok: true, failure: null, events: await t.eventCount() });
    expect(existsSync(r.backup!.file)).toBe(true);
    expect(readdirSync(join(folder, 'photos'))).toHaveLength(1);
    const o = await t.call('admin', 'backup.overview', {});
    expect(o.backups[0]).toMatchObject({ ok: true, trigger: 'manual', photos: 1, events: await t.eventCount() });
    expect(o.health).toMatchObject({ lastFailed: false, stale: false });
    // The next is due one interval after this one.
    expect(o.nextDueAt).toBe(new Date(t.clock.now.getTime() + 24 * HOUR).toISOString());
  });

  it('flags a backup whose photo does not match its hash, in red on the home page state', async () => {
    await setup();
    await registerItems(1, true);
    const photo = readdirSync(join(dataDir, 'photos'))[0]!;
    writeFileSync(join(dataDir, 'photos', photo), 'not the photo');
    const r = await runJob(t, 'admin');
    expect(r.backup?.ok).toBe(false);
    expect(r.backup?.failure).toContain(photo);
    const o = await t.call('admin', 'backup.overview', {});
    expect(o.health).toMatchObject({ lastFailed: true, stale: true });
    expect(o.health.lastFailure).toContain('内容与哈希不符');
  });

  it('is only for the admin, and refuses without a folder', async () => {
    await setup();
    expect((await t.fail('zx_bgy', 'job.start', { kind: 'backup.run' })).code).toBe('FORBIDDEN');
    expect((await t.fail('zx_bgy', 'backup.overview', {})).code).toBe('FORBIDDEN');
    expect((await t.fail('admin', 'backup.saveSettings', { folder: join(dataDir, 'x'), intervalHours: 24, keep: 3 })).message).toContain('不能在数据目录之内');
    expect((await t.fail('admin', 'backup.saveSettings', { folder: 'relative/path', intervalHours: 24, keep: 3 })).code).toBe('BAD_INPUT');
  });

  it('runs on schedule with the injected clock: due after the interval, keeps N verified copies', async () => {
    await setup();
    await registerItems(2);
    const files: string[] = [];
    for (let day = 0; day < 4; day++) {
      const r = await backupIfDue(t.core, () => undefined);
      expect(r?.backup?.ok).toBe(true);
      files.push(r!.backup!.file);
      // Not due again an hour before the interval is up; due once it is.
      t.clock.advance(23 * HOUR);
      expect(await backupIfDue(t.core, () => undefined)).toBeNull();
      t.clock.advance(HOUR);
      await t.login('ga_bar'); // a day later: the earlier session has ended
      await t.login('admin');
      await registerItems(1);
    }
    const o = await t.call('admin', 'backup.overview', {});
    expect(o.backups.map((b) => b.trigger)).toEqual(['scheduled', 'scheduled', 'scheduled', 'scheduled']);
    expect(o.backups.map((b) => b.pruned)).toEqual([false, false, true, true]);
    expect(files.map((f) => existsSync(f))).toEqual([false, false, true, true]);
  });
});

describe('pruning photos', { timeout: 180_000 }, () => {
  it('removes a photo when the last kept backup that refers to it is pruned; keeps all while any backup is unknown', async () => {
    await setup(); // keep 2
    await registerItems(1, 1);
    const photoA = readdirSync(join(dataDir, 'photos'))[0]!;
    await runJob(t, 'admin'); // #1: A
    // The live database no longer has A (as after restoring an earlier copy): later backups do not refer to it.
    await t.core.store.db.deleteFrom('item_photos').where('sha256', '=', photoA.split('.')[0]!).execute();
    await registerItems(1, 2);
    const photoB = readdirSync(join(dataDir, 'photos')).find((f) => f !== photoA)!;
    const b2 = (await runJob(t, 'admin')).backup!; // #2: B; #1 is still kept
    expect(readdirSync(join(folder, 'photos')).sort()).toEqual([photoA, photoB].sort());
    expect(readFileSync(`${b2.file}.photos`, 'utf8')).toBe(`${photoB}\n`);
    // A backup whose photos cannot be known (a dump without its list): nothing is removed.
    const stray = join(folder, 'seized-20200101-0000.dump');
    writeFileSync(stray, 'x');
    await runJob(t, 'admin'); // #3: prunes #1
    expect(readdirSync(join(folder, 'photos')).sort()).toEqual([photoA, photoB].sort());
    rmSync(stray);
    const b4 = (await runJob(t, 'admin')).backup!; // #4: prunes #2; no kept backup refers to A
    expect(b4.ok).toBe(true);
    expect(readdirSync(join(folder, 'photos'))).toEqual([photoB]);
    const o = await t.call('admin', 'backup.overview', {});
    expect(o.backups.map((b) => b.pruned)).toEqual([false, false, true, true]);
    // The pruned backups' photo lists went with them.
    expect(readdirSync(folder).filter((f) => f.endsWith('.photos'))).toHaveLength(2);
  });
});

describe.skipIf(TEST_PG_URL)('restore (SQLite)', { timeout: 120_000 }, () => {
  it('backup, tamper with the live database through raw SQL, restore: verify passes again and the replaced file is kept', async () => {
    const root = mkdtempSync(join(tmpdir(), 'seized-restore-'));
    dataDir = join(root, 'data');
    folder = join(root, 'bk');
    mkdirSync(dataDir, { recursive: true });
    t = await makeTestCore({ dataDir, sqliteFile: join(dataDir, 'seized.sqlite') });
    await t.call('admin', 'backup.saveSettings', { folder, intervalHours: 24, keep: 3 });
    await registerItems(4, true);
    const { backup } = await runJob(t, 'admin');
    const events = await t.eventCount();
    await unprotectLedger(t.core.store);
    await sql`UPDATE custody_events SET note = '篡改' WHERE seq = 2`.execute(t.core.store.db);
    expect((await verifyLedger(t.core.store.db)).firstBreak?.seq).toBe(2);
    await t.close();
    t = undefined as unknown as TestCore;

    const r = await restoreSqlite(backup!.file, dataDir, '2026-11-21T03:00:00.000Z');
    expect(r.check).toMatchObject({ ok: true, events, photos: 1 });
    expect(r.replaced).toBe('seized.sqlite.replaced-20261121T030000Z');
    const kept = openSqlite(join(dataDir, r.replaced!));
    expect((await verifyLedger(kept.db)).ok).toBe(false); // the replaced (tampered) file, intact as it was
    await kept.close();
    const live = openSqlite(join(dataDir, 'seized.sqlite'));
    expect(await verifyLedger(live.db)).toMatchObject({ ok: true, headSeq: events });
    await live.close();
  });

  it('refuses a tampered backup with the reason and the first broken event, leaving the live file alone', async () => {
    await setup();
    await registerItems(5);
    const { backup } = await runJob(t, 'admin');
    const raw = new BetterSqlite3(backup!.file);
    raw.exec('DROP TRIGGER custody_events_no_update');
    raw.prepare("UPDATE custody_events SET note = '改' WHERE seq = 3").run();
    const id3 = (raw.prepare('SELECT id FROM custody_events WHERE seq = 3').get() as { id: number }).id;
    raw.close();
    expect((await checkSqliteFile(backup!.file, join(folder, 'photos'))).firstBreak).toMatchObject({ seq: 3, eventId: id3 });
    const target = mkdtempSync(join(tmpdir(), 'seized-target-'));
    writeFileSync(join(target, 'seized.sqlite'), 'live');
    const err = await restoreSqlite(backup!.file, target, '2026-11-21T03:00:00.000Z').then(() => null, (e: unknown) => e as { message: string; details?: string[] });
    expect(err?.message).toContain('备份未通过校验，拒绝恢复：账本校验未通过：第 3 号事件被篡改');
    expect(err?.details).toEqual([`第一处断裂：第 3 号事件（事件编号 ${id3}）`]);
    expect(readdirSync(target).sort()).toEqual(['photos', 'seized.sqlite']);
  });

  it('from the admin screen: stages the checked copy; the next start swaps it in', async () => {
    await setup();
    await registerItems(2);
    await runJob(t, 'admin');
    const o = await t.call('admin', 'backup.overview', {});
    expect(o.canRestore).toBe(true);
    const staged = await t.call('admin', 'backup.restore', { backupId: o.backups[0]!.id });
    expect(staged).toMatchObject({ events: o.backups[0]!.events, restartRequired: true });
    expect((await t.call('admin', 'backup.overview', {})).pendingRestore).toMatchObject({ events: staged.events });
    const logs: string[] = [];
    await applyPendingRestore(dataDir, '2026-11-21T03:00:00.000Z', (m) => logs.push(m));
    expect(logs[0]).toContain('账本校验通过');
    expect(existsSync(join(dataDir, 'seized.sqlite'))).toBe(true);
    expect(existsSync(join(dataDir, 'restore-pending.json'))).toBe(false);
  });
});

describe('a backup while another client writes', { timeout: 180_000 }, () => {
  it('opens and verifies, taken while registrations commit continuously', async () => {
    await setup();
    await registerItems(20);
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await registerItems(5);
        written++;
        // Each client call arrives as its own task (as over HTTP), so the job's messages and timers get their turn.
        await new Promise((r) => setImmediate(r));
      }
    })();
    const r = await runJob(t, 'admin');
    writing = false;
    await writer;
    expect(written).toBeGreaterThan(0);
    expect(r.backup?.ok).toBe(true);
    // The copy is one consistent snapshot: a whole number of registrations (1 event per item, 5 per batch after 20).
    expect((r.backup!.events - 20) % 5).toBe(0);
    expect(r.backup!.events).toBeLessThanOrEqual(await t.eventCount());
  });
});
