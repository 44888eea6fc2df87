/** backup.overview / backup.saveSettings / backup.restore (admin.manage). */
import { mkdirSync, accessSync, constants } from 'node:fs';
import { resolve } from 'node:path';
import type { HandlerMap } from '../../api/handler-types';
import type { Ctx } from '../../context';
import { AppError, badInput } from '../../errors';
import { backupHealth, listBackups, nextDueAt, readSettings, saveSettings } from './backup.store';
import { readPending, stagePendingRestore } from './backup.restore';

const canRestore = (ctx: Ctx) => ctx.dialect === 'sqlite' && !!ctx.config.dataDir;

async function overview(ctx: Ctx) {
  const now = new Date(ctx.now);
  const settings = await readSettings(ctx.db);
  const due = await nextDueAt(ctx.db, settings, now);
  const pending = ctx.config.dataDir ? await readPending(ctx.config.dataDir) : null;
  return {
    engine: ctx.dialect,
    settings,
    nextDueAt: due ? due.toISOString() : null,
    health: await backupHealth(ctx.db, now),
    backups: await listBackups(ctx.db),
    pendingRestore: pending ? { backup: pending.backup, stagedAt: pending.stagedAt, events: pending.events } : null,
    canRestore: canRestore(ctx),
  };
}

export const backupHandlers: HandlerMap<'backup.overview' | 'backup.saveSettings' | 'backup.restore'> = {
  'backup.overview': overview,
  'backup.saveSettings': async (ctx, input) => {
    const folder = resolve(input.folder);
    if (ctx.config.dataDir && (folder === resolve(ctx.config.dataDir) || folder.startsWith(`${resolve(ctx.config.dataDir)}/`))) {
      throw badInput('备份文件夹不能在数据目录之内：请选择另一块磁盘或网络共享上的文件夹');
    }
    try {
      mkdirSync(folder, { recursive: true });
      accessSync(folder, constants.W_OK);
    } catch (err) {
      throw badInput(`备份文件夹「${folder}」无法创建或写入：${err instanceof Error ? err.message : String(err)}`);
    }
    const s = { folder, intervalHours: input.intervalHours, keep: input.keep };
    await saveSettings(ctx.db, s, ctx.now);
    return s;
  },
  'backup.restore': async (ctx, { backupId }) => {
    const row = (await listBackups(ctx.db, 1000)).find((b) => b.id === backupId);
    if (!row) throw new AppError('NOT_FOUND', '备份记录不存在');
    if (!canRestore(ctx)) throw new AppError('CONFLICT', 'PostgreSQL 数据库请在服务器上用命令行恢复：npm run cli -- restore 备份文件 --database …');
    if (row.pruned) throw new AppError('CONFLICT', '该备份已按保留份数清理，文件不存在');
    const p = await stagePendingRestore(row.file, ctx.config.dataDir!, ctx.now);
    return { events: p.events, stagedAt: p.stagedAt, restartRequired: true as const };
  },
};
