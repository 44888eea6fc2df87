/**
 * Checking a backup copy without touching it: the file opens (read-only), the whole ledger chain verifies, and every
 * photo the copy records is in the backup's content-addressed photo folder with a matching SHA-256.
 */
import BetterSqlite3 from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../../db/schema';
import { verifyLedger } from '../../ledger/ledger.verify';

export type BackupCheck = {
  ok: boolean;
  events: number;
  headHash: string;
  photos: number;
  /** Why the check failed, in Chinese (names the first broken event or the photo). */
  failure: string | null;
  firstBreak: { seq: number; eventId: number | null; message: string } | null;
};

type Progress = (done: number, total: number) => unknown;

/** 第一处断裂：第 n 号事件（事件编号 id）, for a check that names one; null otherwise. */
export const firstBreakLine = (check: BackupCheck): string | null =>
  check.firstBreak ? `第一处断裂：第 ${check.firstBreak.seq} 号事件${check.firstBreak.eventId ? `（事件编号 ${check.firstBreak.eventId}）` : ''}` : null;

const PHOTO_EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };
export const photoFileName = (sha: string, mime: string) => `${sha}.${PHOTO_EXT[mime] ?? 'bin'}`;

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(file)
      .on('data', (c) => h.update(c))
      .on('error', reject)
      .on('end', () => resolve(h.digest('hex')));
  });
}

/** The ledger and photos of an open copy (`db`); `photoDir`: where the copy's photos are. */
export async function checkCopy(db: Kysely<Database>, photoDir: string, onProgress?: Progress): Promise<BackupCheck> {
  const head = await db.selectFrom('ledger_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  const photos = await db.selectFrom('item_photos').select(['sha256', 'mime']).distinct().orderBy('sha256').execute();
  const total = head.seq + photos.length;
  const v = await verifyLedger(db, { onProgress: (n) => onProgress?.(n, total) });
  const base = { events: v.headSeq, headHash: v.headHash, photos: photos.length };
  if (!v.ok) {
    const fb = v.firstBreak!;
    return { ...base, ok: false, failure: `账本校验未通过：${fb.message}`, firstBreak: { seq: fb.seq, eventId: fb.eventId, message: fb.message } };
  }
  for (let i = 0; i < photos.length; i++) {
    const p = photos[i]!;
    const file = join(photoDir, photoFileName(p.sha256, p.mime));
    const why = !existsSync(file) ? '缺失' : (await sha256File(file)) !== p.sha256 ? '内容与哈希不符' : null;
    if (why) return { ...base, ok: false, failure: `照片 ${photoFileName(p.sha256, p.mime)} ${why}`, firstBreak: null };
    await onProgress?.(head.seq + i + 1, total);
  }
  return { ...base, ok: true, failure: null, firstBreak: null };
}

/** Opens a SQLite backup file read-only and checks it; a file that does not open is a failed check, not a crash. */
export async function checkSqliteFile(file: string, photoDir: string, onProgress?: Progress): Promise<BackupCheck> {
  let raw: BetterSqlite3.Database;
  try {
    raw = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    raw.prepare('SELECT seq FROM ledger_head WHERE id = 1').get();
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return { ok: false, events: 0, headHash: '', photos: 0, failure: `备份文件无法打开或不是本系统的数据库（${why}）`, firstBreak: null };
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  try {
    return await checkCopy(db, photoDir, onProgress);
  } finally {
    await db.destroy();
  }
}
