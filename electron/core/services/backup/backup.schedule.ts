/**
 * Scheduled backups: the host checks every few minutes (config.clock, so tests drive it) whether a backup is due —
 * the settings' interval after the last attempt — and runs it as a job of the system user.
 */
import type { JobManager } from '../../jobs/job.manager';
import type { CoreConfig, SessionUser } from '../../context';
import type { Store } from '../../db/database';
import { NIGHTLY_USER, type Timer } from '../../jobs/nightly';
import type { JobResult } from '../../../../shared/api/job.contract';
import { nextDueAt, readSettings } from './backup.store';

export const BACKUP_USER: SessionUser = { ...NIGHTLY_USER, displayName: '系统定时备份', roles: ['admin'] };
type CoreLike = { store: Store; jobs: JobManager; config: CoreConfig };

/** Runs a backup when one is due; null when none is (no folder chosen, or the last one is recent enough). */
export async function backupIfDue(core: CoreLike, log: (msg: string) => void = console.log): Promise<JobResult | null> {
  const settings = await readSettings(core.store.db);
  const due = await nextDueAt(core.store.db, settings, core.config.clock());
  if (!due || due.getTime() > core.config.clock().getTime()) return null;
  try {
    const r = await core.jobs.run(BACKUP_USER, { kind: 'backup.run' });
    log(r.backup?.ok ? `[backup] 已备份并校验通过：${r.backup.file}` : `[backup] 备份未通过校验：${r.backup?.failure ?? ''}`);
    return r;
  } catch (err) {
    log(`[backup] 定时备份失败：${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
}

const realTimer: Timer = (fn, ms) => {
  const h = setTimeout(fn, ms);
  h.unref();
  return { cancel: () => clearTimeout(h) };
};

/** Checks every `everyMs` (default 5 minutes); returns a stop function. */
export function scheduleBackups(core: CoreLike, opts: { everyMs?: number; timer?: Timer; log?: (msg: string) => void } = {}): { stop(): void } {
  const timer = opts.timer ?? realTimer;
  let handle: { cancel(): void } | null = null;
  let stopped = false;
  const arm = () => {
    if (stopped) return;
    handle = timer(() => void backupIfDue(core, opts.log).finally(arm), opts.everyMs ?? 5 * 60_000);
  };
  arm();
  return {
    stop: () => {
      stopped = true;
      handle?.cancel();
    },
  };
}
