/**
 * Pruning a backup folder's photos: photos/ holds each photo once by SHA-256 for all the backups in the folder, so a
 * photo file goes only when no backup left in the folder refers to it. Each backup has its photo list beside it
 * (<file>.photos); an older SQLite backup without one is read. When any backup's photos cannot be known (a dump
 * without its list, a file that does not open, a backup still being written), nothing is removed.
 */
import BetterSqlite3 from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { readdir, readFile, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { photoFileName } from './backup.check';

/** The photo list kept beside a dump. */
export const photoListOf = (file: string) => `${file}.photos`;

const BACKUP_FILE = /^seized-\d{8}-\d{4}(-\d+)?\.(sqlite|dump)(\.partial)?$/;
/** A file named as the backups written into a folder are. */
export const isBackupFile = (file: string) => BACKUP_FILE.test(basename(file));
const PHOTO_FILE = /^[0-9a-f]{64}\.[a-z]+$/;

/** The photo file names a backup refers to; null when they cannot be known. */
async function photosOf(file: string): Promise<string[] | null> {
  if (file.endsWith('.partial')) return null;
  const text = await readFile(photoListOf(file), 'utf8').catch(() => null);
  if (text !== null) return text.split('\n').filter(Boolean);
  if (!file.endsWith('.sqlite')) return null;
  // A backup written before the lists were kept: read its own table.
  try {
    const raw = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    try {
      const rows = raw.prepare('SELECT DISTINCT sha256, mime FROM item_photos').all() as Array<{ sha256: string; mime: string }>;
      return rows.map((r) => photoFileName(r.sha256, r.mime));
    } finally {
      raw.close();
    }
  } catch {
    return null;
  }
}

/** Removes the photos in `folder`/photos that no backup in `folder` refers to; returns how many went. */
export async function prunePhotos(folder: string): Promise<number> {
  const dir = join(folder, 'photos');
  if (!existsSync(dir)) return 0;
  const needed = new Set<string>();
  for (const name of await readdir(folder)) {
    if (!isBackupFile(name)) continue;
    const photos = await photosOf(join(folder, name));
    if (!photos) return 0;
    for (const p of photos) needed.add(p);
  }
  let removed = 0;
  for (const name of await readdir(dir)) {
    if (!PHOTO_FILE.test(name) || needed.has(name)) continue;
    await unlink(join(dir, name)).catch(() => undefined);
    removed++;
  }
  return removed;
}
