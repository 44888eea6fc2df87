/** The nightly full ledger check the server runs by itself, scheduled from config.clock (so tests can drive it). */
import type { JobManager } from './job.manager';
import type { CoreConfig, SessionUser } from '../context';

/** The checker of record for the nightly check: no real account (its checkpoint has checked_by null). */
export const NIGHTLY_USER: SessionUser = {
  id: 0,
  username: 'system',
  displayName: '系统定时校验',
  badgeNo: null,
  agencyId: 0,
  agencyName: '系统',
  agencyKind: 'other',
  roles: ['inspector'],
  storeId: null,
  storeName: null,
  mustChangePassword: false,
};

/** Milliseconds from `now` to the next `hour`:00 Shanghai time (UTC+8, no daylight saving). */
export function msUntilNext(now: Date, hour: number): number {
  const shanghai = now.getTime() + 8 * 3600_000;
  const day = Math.floor(shanghai / 86_400_000) * 86_400_000;
  let next = day + hour * 3600_000;
  if (next <= shanghai) next += 86_400_000;
  return next - shanghai;
}

export type Timer = (fn: () => void, ms: number) => { cancel(): void };
const realTimer: Timer = (fn, ms) => {
  const h = setTimeout(fn, ms);
  h.unref();
  return { cancel: () => clearTimeout(h) };
};

/** Runs a full check every night at `hour` (default 02:00); returns a stop function. */
export function scheduleNightlyCheck(
  core: { jobs: JobManager; config: CoreConfig },
  opts: { hour?: number; timer?: Timer; log?: (msg: string) => void; /** After a passing check: sign the daily checkpoint. */ anchor?: () => Promise<unknown> } = {},
): { stop(): void; /** Settles when the check of the current night has finished (tests). */ lastRun: () => Promise<void> | null } {
  const hour = opts.hour ?? 2;
  const timer = opts.timer ?? realTimer;
  const log = opts.log ?? console.log;
  let handle: { cancel(): void } | null = null;
  let running: Promise<void> | null = null;
  // The night the timer is set for. The next is computed from it, not from the clock alone: a timer that fires a
  // little early (before hour:00) must not arm a second run the same night.
  let target = 0;
  const arm = () => {
    const now = core.config.clock().getTime();
    const base = Math.max(now, target);
    target = base + msUntilNext(new Date(base), hour);
    handle = timer(() => {
      running = core.jobs
        .run(NIGHTLY_USER, { kind: 'ledger.check', mode: 'full' })
        .then(async (r) => {
          log(r.check?.ok ? `[nightly] 账本全量校验通过：${r.check.checked} 条事件` : `[nightly] 账本全量校验未通过：${r.check?.firstBreak?.message ?? ''}`);
          if (r.check?.ok && opts.anchor) {
            await opts.anchor();
            log('[nightly] 已签发当日账本校验凭证');
          }
        })
        .catch((err: unknown) => log(`[nightly] 账本校验失败：${err instanceof Error ? err.message : String(err)}`))
        .finally(arm);
    }, target - now);
  };
  arm();
  return { stop: () => handle?.cancel(), lastRun: () => running };
}
