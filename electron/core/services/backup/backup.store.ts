/** Backup settings and records in the database: what the admin screen shows, when the next backup is due, pruning. */
import { unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { BackupCheck } from './backup.check';
import { isBackupFile, photoListOf, prunePhotos } from './backup.photos';

export const DEFAULT_SETTINGS = { folder: null as string | null, intervalHours: 24, keep: 7 };
export type BackupSettings = typeof DEFAULT_SETTINGS;
/** The home page warns when no verified backup is younger than this. */
export const STALE_HOURS = 48;

export async function readSettings(db: Kysely<Database>): Promise<BackupSettings> {
  const row = await db.selectFrom('backup_settings').selectAll().where('id', '=', 1).executeTakeFirst();
  return row ? { folder: row.folder, intervalHours: row.interval_hours, keep: row.keep } : { ...DEFAULT_SETTINGS };
}

export async function saveSettings(db: Kysely<Database>, s: BackupSettings, now: string): Promise<void> {
  const values = { folder: s.folder, interval_hours: s.intervalHours, keep: s.keep, updated_at: now };
  const had = await db.selectFrom('backup_settings').select('id').where('id', '=', 1).executeTakeFirst();
  if (had) await db.updateTable('backup_settings').set(values).where('id', '=', 1).execute();
  else await db.insertInto('backup_settings').values({ id: 1, ...values }).execute();
}

export type BackupRecord = { startedAt: string; trigger: 'manual' | 'scheduled'; engine: string; file: string; sizeBytes: number; check: BackupCheck };

/** Records a backup and its check; after a verified one, prunes the copies beyond `keep`. Returns the row id. */
export async function recordBackup(db: Kysely<Database>, r: BackupRecord, now: string): Promise<number> {
  const row = await db
    .insertInto('backups')
    .values({
      started_at: r.startedAt,
      finished_at: now,
      trigger: r.trigger,
      engine: r.engine,
      file: r.file,
      size_bytes: r.sizeBytes,
      events: r.check.events,
      head_hash: r.check.headHash,
      photos: r.check.photos,
      ok: r.check.ok ? 1 : 0,
      failure: r.check.failure,
      pruned_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (r.check.ok) await prune(db, (await readSettings(db)).keep, now);
  return row.id;
}

/**
 * Keeps the `keep` newest verified backups: every file older than the oldest of them (verified or not) is deleted
 * and its row marked pruned; then the photos no backup left in that folder refers to go too (backup.photos).
 */
export async function prune(db: Kysely<Database>, keep: number, now: string): Promise<number> {
  const kept = await db.selectFrom('backups').select(['id', 'started_at']).where('ok', '=', 1).where('pruned_at', 'is', null).orderBy('started_at', 'desc').orderBy('id', 'desc').limit(keep).execute();
  if (kept.length < keep) return 0;
  const oldest = kept[kept.length - 1]!;
  const old = await db
    .selectFrom('backups')
    .select(['id', 'file'])
    .where('pruned_at', 'is', null)
    .where((eb) => eb.or([eb('started_at', '<', oldest.started_at), eb.and([eb('started_at', '=', oldest.started_at), eb('id', '<', oldest.id)])]))
    .execute();
  const folders = new Set<string>();
  for (const b of old) {
    await unlink(b.file).catch(() => undefined);
    await unlink(photoListOf(b.file)).catch(() => undefined);
    await db.updateTable('backups').set({ pruned_at: now }).where('id', '=', b.id).execute();
    if (isBackupFile(b.file)) folders.add(dirname(b.file));
  }
  for (const folder of folders) await prunePhotos(folder);
  return old.length;
}

export type BackupRow = Awaited<ReturnType<typeof listBackups>>[number];

export async function listBackups(db: Kysely<Database>, limit = 50) {
  const rows = await db.selectFrom('backups').selectAll().orderBy('started_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    trigger: r.trigger as 'manual' | 'scheduled',
    engine: r.engine as 'sqlite' | 'postgres',
    file: r.file,
    sizeBytes: Number(r.size_bytes),
    events: r.events,
    headHash: r.head_hash,
    photos: r.photos,
    ok: r.ok === 1,
    failure: r.failure,
    pruned: r.pruned_at !== null,
  }));
}

/** When the next scheduled backup is due: `interval` after the last attempt; now if there was none; null without a folder. */
export async function nextDueAt(db: Kysely<Database>, s: BackupSettings, now: Date): Promise<Date | null> {
  if (!s.folder) return null;
  const last = await db.selectFrom('backups').select('started_at').orderBy('started_at', 'desc').limit(1).executeTakeFirst();
  return last ? new Date(new Date(last.started_at).getTime() + s.intervalHours * 3600_000) : now;
}

/** The warnings of the admin's home page. */
export async function backupHealth(db: Kysely<Database>, now: Date) {
  const last = await db.selectFrom('backups').select(['ok', 'failure', 'started_at']).orderBy('started_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const verified = await db.selectFrom('backups').select('started_at').where('ok', '=', 1).orderBy('started_at', 'desc').limit(1).executeTakeFirst();
  const lastVerifiedAt = verified?.started_at ?? null;
  return {
    lastFailed: last ? last.ok !== 1 : false,
    lastFailure: last && last.ok !== 1 ? last.failure : null,
    lastVerifiedAt,
    stale: !lastVerifiedAt || now.getTime() - new Date(lastVerifiedAt).getTime() > STALE_HOURS * 3600_000,
  };
}
