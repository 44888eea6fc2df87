/** Backup tests: a core on a file with a data folder and a backup folder, items to back up, a backup job run to its end. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTestCore, type TestCore } from '../../support/test-core';
import type { JobResult } from '../../../shared/api/job.contract';

/** A 1×1 PNG; `pngOf(k)` gives other ones (another hash) for k > 0. */
export const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
export const pngOf = (k: number) => (k === 0 ? PNG : Buffer.concat([Buffer.from(PNG, 'base64'), Buffer.from(`#${k}`)]).toString('base64'));

export type BackupEnv = { t: TestCore; dataDir: string; folder: string };

/** A file (not :memory:), so jobs run in their worker thread with a read-only connection, as on a server. */
export async function backupEnv(keep = 2): Promise<BackupEnv> {
  const root = mkdtempSync(join(tmpdir(), 'seized-backup-'));
  const dataDir = join(root, 'data');
  const folder = join(root, 'second-disk');
  const t = await makeTestCore({ dataDir, sqliteFile: join(mkdtempSync(join(tmpdir(), 'seized-live-')), 'seized.sqlite') });
  await t.call('admin', 'backup.saveSettings', { folder, intervalHours: 24, keep });
  return { t, dataDir, folder };
}

let caseSeq = 0;
/** Registers `n` items in a new case; `photo` (a PNG index, or true for the first) adds a photo to the first. */
export async function registerItems(t: TestCore, n: number, photo: boolean | number = false) {
  const c = await t.call('ga_bar', 'case.create', { caseNo: `A3716002026${String(++caseSeq).padStart(8, '0')}`, name: '备份测试案' });
  const r = await t.call('ga_bar', 'item.register', {
    caseId: c.id, seizureDocNo: 'D1', seizedAt: '2026-11-20T01:00:00Z', seizedBy: '李办案',
    items: Array.from({ length: n }, (_, i) => ({ name: `物品${i}`, category: 'general' as const, quantity: 1, unit: '件', source: 'seized' as const })),
  });
  if (photo !== false) await t.call('ga_bar', 'photo.add', { itemId: r[0]!.id, mime: 'image/png', base64: pngOf(photo === true ? 0 : photo) });
  return r;
}

/** Runs a backup job as `username` through dispatch and waits for it (tests). */
export async function runJob(t: TestCore, username: string): Promise<JobResult> {
  let s = await t.call(username, 'job.start', { kind: 'backup.run' });
  while (s.state === 'queued' || s.state === 'running') {
    await new Promise((r) => setTimeout(r, 20));
    s = await t.call(username, 'job.status', { jobId: s.jobId });
  }
  if (s.state === 'failed') throw new Error(`backup job failed: ${s.error?.message}`);
  return t.call(username, 'job.result', { jobId: s.jobId });
}
