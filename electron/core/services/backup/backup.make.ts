/**
 * Writing one backup into the chosen folder and checking it at once:
 * <folder>/seized-YYYYMMDD-HHMM.sqlite (SQLite online backup) or .dump (pg_dump custom format), and the photos in
 * <folder>/photos/<sha256>.<ext>, content-addressed so each photo is stored once however many backups there are.
 */
import BetterSqlite3 from 'better-sqlite3';
import { copyFile, mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { ReaderSpec } from '../../db/database';
import { AppError } from '../../errors';
import { checkSqliteFile, photoFileName, sha256File, type BackupCheck } from './backup.check';
import { checkPgDump, pgDump } from './backup.pg';
import { photoListOf } from './backup.photos';

/** Shanghai local time as 20261201-1405, for file names. */
const fileStamp = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');

export type MadeBackup = { file: string; sizeBytes: number; check: BackupCheck };
type Progress = (done: number, total: number) => unknown;

/** Progress in percent: the copy 0–40, the photos 40–60, the check 60–100. */
const phase = (p: Progress | undefined, from: number, span: number) => (d: number, t: number) => p?.(from + Math.floor((span * d) / Math.max(1, t)), 100);

export const photoFolder = (folder: string) => join(folder, 'photos');

/** A name not taken yet in `folder`. */
function freeName(folder: string, stem: string, ext: string): string {
  for (let i = 1; ; i++) {
    const f = join(folder, `${stem}${i > 1 ? `-${i}` : ''}.${ext}`);
    if (!existsSync(f) && !existsSync(`${f}.partial`)) return f;
  }
}

/** A copy in rollback-journal mode is one self-contained file, and opening it read-only leaves no -wal/-shm beside it. */
export function rollbackJournal(file: string): void {
  const raw = new BetterSqlite3(file);
  try {
    raw.pragma('journal_mode = DELETE');
  } finally {
    raw.close();
  }
}

/** SQLite online backup from its own read-only connection, in one step: a consistent snapshot even under writes. */
export async function sqliteOnlineBackup(source: string, target: string, nativeBinding?: string): Promise<void> {
  const raw = new BetterSqlite3(source, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    raw.pragma('busy_timeout = 5000');
    // Page by page, another connection's write restarts the copy; all remaining pages in one step never does.
    await raw.backup(target, { progress: () => 0x7fffffff });
  } finally {
    raw.close();
  }
  rollbackJournal(target);
}

/** The photos the live database records (a copy taken before this refers to no others: photos are only added). */
async function recordedPhotos(db: Kysely<Database>) {
  const rows = await db.selectFrom('item_photos').select(['sha256', 'mime']).distinct().execute();
  return rows.map((r) => ({ sha256: r.sha256, name: photoFileName(r.sha256, r.mime) }));
}

/** Copies each photo not already in `dir`; a missing source file is left to the check. */
async function copyPhotos(photos: Array<{ sha256: string; name: string }>, dataDir: string | null, dir: string, onProgress: Progress): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (let i = 0; i < photos.length; i++) {
    const { sha256, name } = photos[i]!;
    const to = join(dir, name);
    const from = dataDir ? join(dataDir, 'photos', name) : null;
    const have = existsSync(to) && (await sha256File(to)) === sha256;
    if (!have && from && existsSync(from)) {
      await copyFile(from, `${to}.partial`);
      await rename(`${to}.partial`, to);
    }
    await onProgress(i + 1, photos.length);
  }
}

/**
 * Writes `file` (a copy of the live store `source`) and the recorded photos into `photoDir`, then checks both:
 * the scheduled backups and the CLI's `backup --out` alike. `photoList`: where to list the photo files the copy may
 * refer to, written before the copy takes its name, so pruning never sees a backup without its list.
 */
export async function writeCheckedCopy(
  source: ReaderSpec,
  db: Kysely<Database>,
  opts: { dataDir: string | null; file: string; photoDir: string; photoList?: string; onProgress?: Progress },
): Promise<MadeBackup> {
  const { file, photoDir } = opts;
  await opts.onProgress?.(0, 100);
  // Written under a .partial name and renamed when complete: a half-written backup never looks like one.
  if (source.engine === 'sqlite') await sqliteOnlineBackup(source.file, `${file}.partial`, source.nativeBinding);
  else await pgDump(source.url, source.schema, `${file}.partial`);
  const photos = await recordedPhotos(db);
  if (opts.photoList) await writeFile(opts.photoList, photos.map((p) => `${p.name}\n`).join(''));
  await rename(`${file}.partial`, file);
  await opts.onProgress?.(40, 100);
  await copyPhotos(photos, opts.dataDir, photoDir, phase(opts.onProgress, 40, 20));
  const checkProgress = phase(opts.onProgress, 60, 40);
  const check =
    source.engine === 'sqlite' ? await checkSqliteFile(file, photoDir, checkProgress) : await checkPgDump(source.url, source.schema, file, photoDir, checkProgress);
  return { file, sizeBytes: (await stat(file)).size, check };
}

/** Writes and checks one backup of `source` (the live store) into `folder`, its photo list beside it (backup.photos). */
export async function makeBackup(
  source: ReaderSpec,
  db: Kysely<Database>,
  opts: { dataDir: string | null; folder: string; now: string; onProgress?: Progress },
): Promise<MadeBackup> {
  try {
    await mkdir(opts.folder, { recursive: true });
  } catch (err) {
    throw new AppError('CONFLICT', `备份文件夹「${opts.folder}」无法创建或写入：${err instanceof Error ? err.message : String(err)}`);
  }
  const ext = source.engine === 'sqlite' ? 'sqlite' : 'dump';
  const file = freeName(opts.folder, `seized-${fileStamp(opts.now)}`, ext);
  return writeCheckedCopy(source, db, { dataDir: opts.dataDir, file, photoDir: photoFolder(opts.folder), photoList: photoListOf(file), onProgress: opts.onProgress });
}
