/**
 * Backups and restore (系统管理 → 备份与恢复). The backup itself runs as a job (kind backup.run); these methods show
 * the state, save the settings and stage a restore. All need admin.manage.
 */
import { z } from 'zod';
import { defineMethods } from './define';
import { empty, id } from './common.schemas';

export const BACKUP_TRIGGERS = ['manual', 'scheduled'] as const;
export const BACKUP_ENGINES = ['sqlite', 'postgres'] as const;

export const backupSettingsInput = z.object({
  /** An absolute folder path (a second disk or a network share mounted on the server). */
  folder: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .refine((v) => v.startsWith('/') || /^[A-Za-z]:[\\/]/.test(v) || v.startsWith('\\\\'), { message: '须为完整路径（如 /mnt/backup 或 D:\\备份）' }),
  intervalHours: z.number().int().min(1).max(24 * 30),
  keep: z.number().int().min(1).max(365),
});

export const backupDto = z.object({
  id: z.number(),
  startedAt: z.string(),
  finishedAt: z.string(),
  trigger: z.enum(BACKUP_TRIGGERS),
  engine: z.enum(BACKUP_ENGINES),
  file: z.string(),
  sizeBytes: z.number(),
  events: z.number(),
  headHash: z.string(),
  photos: z.number(),
  ok: z.boolean(),
  failure: z.string().nullable(),
  pruned: z.boolean(),
});
export type BackupDto = z.infer<typeof backupDto>;

export const backupOverviewDto = z.object({
  engine: z.enum(BACKUP_ENGINES),
  settings: z.object({ folder: z.string().nullable(), intervalHours: z.number(), keep: z.number() }),
  nextDueAt: z.string().nullable(),
  health: z.object({ lastFailed: z.boolean(), lastFailure: z.string().nullable(), lastVerifiedAt: z.string().nullable(), stale: z.boolean() }),
  backups: z.array(backupDto),
  /** A checked copy waiting for the next start to be swapped in. */
  pendingRestore: z.object({ backup: z.string(), stagedAt: z.string(), events: z.number() }).nullable(),
  /** Restore from the screen works only on SQLite; PostgreSQL restores with the CLI. */
  canRestore: z.boolean(),
});
export type BackupOverview = z.infer<typeof backupOverviewDto>;

export const backupContract = defineMethods({
  'backup.overview': { summary: '查看备份状态', permission: 'admin.manage', input: empty, output: backupOverviewDto, readonly: true },
  'backup.saveSettings': { summary: '保存备份设置', permission: 'admin.manage', input: backupSettingsInput, output: backupOverviewDto.shape.settings },
  'backup.restore': {
    summary: '从备份恢复',
    permission: 'admin.manage',
    input: z.object({ backupId: id }),
    output: z.object({ events: z.number(), stagedAt: z.string(), restartRequired: z.literal(true) }),
    readonly: true,
  },
});
