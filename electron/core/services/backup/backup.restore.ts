/**
 * Restoring a SQLite backup: copy it into a fresh file beside the live one, check the ledger and the photo hashes,
 * and only then swap it in, keeping the replaced file as seized.sqlite.replaced-<time>. A running server cannot
 * swap its open file: it stages the checked copy (restore-pending.json) and the swap happens at the next start.
 */
import BetterSqlite3 from 'better-sqlite3';
import { copyFile, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../errors';
import { rollbackJournal } from './backup.make';
import { checkSqliteFile, firstBreakLine, photoFileName, sha256File, type BackupCheck } from './backup.check';

export const LIVE_FILE = 'seized.sqlite';
export const PENDING_FILE = 'restore-pending.json';
export type Pending = { fresh: string; backup: string; stagedAt: string; events: number; headHash: string };

const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

/** Where a backup's photos are: the folder's photos/ (scheduled backups), or <file>-photos/ (the old CLI backup). */
export function backupPhotoDir(backupFile: string): string {
  const legacy = `${backupFile}-photos`;
  return existsSync(legacy) ? legacy : join(dirname(backupFile), 'photos');
}

/** A refusal that names the reason and the first broken event. */
export function refusal(check: BackupCheck): AppError {
  const line = firstBreakLine(check);
  return new AppError('CONFLICT', `备份未通过校验，拒绝恢复：${check.failure ?? ''}`, line ? [line] : []);
}

/** Copies the backup into a fresh file in `dataDir` and checks it there; on failure the fresh file is removed. */
export async function stageRestore(backupFile: string, dataDir: string, now: string): Promise<{ fresh: string; check: BackupCheck }> {
  if (!existsSync(backupFile)) throw new AppError('NOT_FOUND', `备份文件不存在：${backupFile}`);
  await mkdir(join(dataDir, 'photos'), { recursive: true });
  const fresh = join(dataDir, `${LIVE_FILE}.restore-${stamp(now)}`);
  await copyFile(backupFile, fresh);
  const photoDir = backupPhotoDir(backupFile);
  let check: BackupCheck;
  try {
    rollbackJournal(fresh);
    check = await checkSqliteFile(fresh, photoDir);
  } catch (err) {
    check = { ok: false, events: 0, headHash: '', photos: 0, failure: `备份文件无法打开或不是本系统的数据库（${err instanceof Error ? err.message : String(err)}）`, firstBreak: null };
  }
  if (!check.ok) {
    for (const f of [fresh, `${fresh}-wal`, `${fresh}-shm`, `${fresh}-journal`]) await unlink(f).catch(() => undefined);
    throw refusal(check);
  }
  // The backup's photos go back into the data folder (content-addressed: an intact file already there stays).
  const db = new BetterSqlite3(fresh, { readonly: true });
  const photos = db.prepare('SELECT DISTINCT sha256, mime FROM item_photos').all() as Array<{ sha256: string; mime: string }>;
  db.close();
  for (const p of photos) {
    const name = photoFileName(p.sha256, p.mime);
    const to = join(dataDir, 'photos', name);
    if (existsSync(to) && (await sha256File(to)) === p.sha256) continue;
    await copyFile(join(photoDir, name), `${to}.partial`);
    await rename(`${to}.partial`, to);
  }
  return { fresh, check };
}

/** Puts the checked fresh file in place of the live one (closed), keeping the live one renamed. Returns its new name. */
export async function swapIn(dataDir: string, fresh: string, now: string): Promise<string | null> {
  const live = join(dataDir, LIVE_FILE);
  let replaced: string | null = null;
  if (existsSync(live)) {
    // Fold the WAL into the file first, so the kept file is complete on its own.
    const raw = new BetterSqlite3(live);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.pragma('journal_mode = DELETE');
    raw.close();
    replaced = `${live}.replaced-${stamp(now)}`;
    await rename(live, replaced);
  }
  for (const side of ['-wal', '-shm']) await unlink(`${live}${side}`).catch(() => undefined);
  await rename(fresh, live);
  return replaced ? basename(replaced) : null;
}

/** The CLI: the data folder's database must not be open elsewhere (stop the server first). */
export async function restoreSqlite(backupFile: string, dataDir: string, now: string) {
  const { fresh, check } = await stageRestore(backupFile, dataDir, now);
  return { check, replaced: await swapIn(dataDir, fresh, now) };
}

/** From the admin screen on a running server: stage, and let the next start swap it in. */
export async function stagePendingRestore(backupFile: string, dataDir: string, now: string): Promise<Pending> {
  const { fresh, check } = await stageRestore(backupFile, dataDir, now);
  const prev = await readPending(dataDir);
  if (prev && prev.fresh !== fresh) await unlink(prev.fresh).catch(() => undefined);
  const pending: Pending = { fresh, backup: backupFile, stagedAt: now, events: check.events, headHash: check.headHash };
  await writeFile(join(dataDir, PENDING_FILE), JSON.stringify(pending, null, 2));
  return pending;
}

export async function readPending(dataDir: string): Promise<Pending | null> {
  const text = await readFile(join(dataDir, PENDING_FILE), 'utf8').catch(() => null);
  return text ? (JSON.parse(text) as Pending) : null;
}

/** At start-up, before the database opens: checks the staged copy once more and swaps it in. */
export async function applyPendingRestore(dataDir: string, now: string, log: (msg: string) => void): Promise<void> {
  const pending = await readPending(dataDir);
  if (!pending) return;
  const marker = join(dataDir, PENDING_FILE);
  const check = existsSync(pending.fresh) ? await checkSqliteFile(pending.fresh, join(dataDir, 'photos')) : null;
  if (!check?.ok) {
    await rename(marker, `${marker}.failed-${stamp(now)}`);
    log(`[restore] 待恢复的备份未通过复查，未换入：${check?.failure ?? '暂存的文件不存在'}`);
    return;
  }
  const replaced = await swapIn(dataDir, pending.fresh, now);
  await unlink(marker);
  log(`[restore] 已从备份 ${pending.backup} 恢复（${check.events} 条事件，账本校验通过）${replaced ? `；原数据库文件保留为 ${replaced}` : ''}`);
}
