/** The backup job: write the copy and its photos, check it, record the outcome (also when the copy failed). */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../context';
import type { Database } from '../../db/schema';
import type { ReaderSpec } from '../../db/database';
import { AppError } from '../../errors';
import type { BackupRecord } from './backup.store';
import { readSettings } from './backup.store';
import { makeBackup } from './backup.make';

export type BackupOutcome = { id: number; file: string; ok: boolean; failure: string | null; events: number };
type Env = {
  ctx: Ctx;
  source?: ReaderSpec;
  record(r: BackupRecord): Promise<number>;
  progress(done: number, total: number): unknown;
};

/** The system user (id 0) is the scheduler. */
export const triggerOf = (ctx: Ctx): BackupRecord['trigger'] => (ctx.user.id === 0 ? 'scheduled' : 'manual');

export async function runBackupTask(env: Env): Promise<BackupOutcome> {
  const { ctx } = env;
  const settings = await readSettings(ctx.db as Kysely<Database>);
  if (!settings.folder) throw new AppError('CONFLICT', '尚未设置备份文件夹：请先在「备份与恢复」中填写并保存备份设置');
  if (!env.source) throw new AppError('CONFLICT', '当前数据库在内存中，无法备份');
  const base = { startedAt: ctx.now, trigger: triggerOf(ctx), engine: env.source.engine };
  try {
    const made = await makeBackup(env.source, ctx.db, { dataDir: ctx.config.dataDir, folder: settings.folder, now: ctx.now, onProgress: env.progress });
    const id = await env.record({ ...base, file: made.file, sizeBytes: made.sizeBytes, check: made.check });
    return { id, file: made.file, ok: made.check.ok, failure: made.check.failure, events: made.check.events };
  } catch (err) {
    // A backup that could not be written is a failed backup too: recorded, so the home page shows it in red.
    const why = err instanceof Error ? err.message : String(err);
    await env.record({ ...base, file: settings.folder, sizeBytes: 0, check: { ok: false, events: 0, headHash: '', photos: 0, failure: `备份未能写出：${why}`, firstBreak: null } });
    throw err instanceof AppError ? err : new AppError('CONFLICT', `备份未能写出：${why}`);
  }
}
