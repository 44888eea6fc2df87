/**
 * Background jobs: a small pool of worker threads (each with its own read-only connection) runs ledger checks,
 * trails, labels and exports; their writes come back here and run in short transactions on the main connection.
 * Small jobs go first and have one extra worker of their own (see job.lane.ts). A store without a reader (in-memory
 * SQLite) runs the same tasks in process. Jobs belong to the user who started them. A large output (a scope trail
 * in volumes) is a file on disk (job.files.ts), deleted with its job record: when it expires, on close, and when
 * the job fails.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { JobDownload, JobInput, JobResult, JobStatus } from '../../../shared/api/job.contract';
import { MSG } from '../../../shared/messages';
import type { CoreConfig, Ctx, SessionUser } from '../context';
import type { Store } from '../db/database';
import { AppError } from '../errors';
import { createJobFiles, sweepLeftovers } from './job.files';
import { isSmallJob } from './job.lane';
import { runTask } from './job.tasks';
import { runWrite, type WriteOp } from './job.writes';
import type { FromWorker, JobError, ToWorker, WorkerInit } from './job.protocol';

export type JobManager = {
  start(user: SessionUser, input: JobInput): JobStatus;
  status(user: SessionUser, jobId: string): JobStatus;
  /** The result once done; a failed job's error is thrown as it was raised. */
  result(user: SessionUser, jobId: string): JobResult;
  /** Starts a job and waits for it (the synchronous print methods, the nightly check); its record is dropped after. */
  run(user: SessionUser, input: JobInput): Promise<JobResult>;
  /** True when jobs run in worker threads (a store with a reader); false: in process. */
  readonly pooled: boolean;
  /** Live worker threads: the pool's, and whether the small jobs' extra worker exists. */
  threads(): { pool: number; lane: boolean };
  /**
   * Starts one idle worker now (hosts call it at start-up) and warms it (fonts, a tiny label draw), so the first
   * print waits neither for a thread to boot nor for fonts; resolves once it is warm (at once without workers).
   */
  prewarm(): Promise<void>;
  /**
   * The owner's job file on disk (for the HTTP route and the desktop save): unknown, not the caller's, expired or
   * gone → NOT_FOUND; failed → its error; not finished → CONFLICT; a job without a file on disk → NOT_FOUND.
   */
  file(user: SessionUser, jobId: string): JobFileRef;
  /** The folder of this manager's job files. */
  readonly fileDir: string;
  /** A finished job's peak memory in its worker (heap and buffers, bytes); null when it ran in process. */
  peakBytes(jobId: string): number | null;
  /** Ends every worker (each finishes its job and warm-up first); says how many ended themselves and how many were terminated. */
  close(): Promise<{ stopped: number; terminated: number }>;
};

/** A job file: its path comes from the job record only, never from a request. */
export type JobFileRef = JobDownload & { path: string };

type Rec = {
  status: JobStatus;
  /** The job's file on disk, once done. */
  file: string | null;
  userId: number;
  user: SessionUser;
  input: JobInput;
  result: JobResult | null;
  peakBytes: number | null;
  settled: Promise<void>;
  settle(): void;
};
/** `lane`: the extra worker only small jobs may use. */
type Slot = { worker: Worker; job: Rec | null; warmed: Promise<void>; lane: boolean };

export type JobManagerOptions = {
  /** Pool size (default 2); the small jobs' lane adds one more thread at most. */
  workers?: number;
  /** Test seam: awaited after a job got its worker and before the worker is told to run it. */
  beforeRun?: (jobId: string, input: JobInput, onLane: boolean) => void | Promise<void>;
};

/** How long close() waits for a worker to finish its job or warm-up before terminating it. */
const STOP_MS = 10_000;
/** Finished jobs (and their files) are kept this long by the core's clock for their owner to fetch. */
export const JOB_KEEP_MS = 15 * 60_000;
/** How often expired jobs are looked for besides on each call. */
const SWEEP_MS = 60_000;
const notFound = () => new AppError('NOT_FOUND', '后台任务不存在或已过期，请重新发起');

/** Where the worker entry is: compiled next to the bundle, or the TypeScript source run through tsx. */
export function workerEntry(): { file: URL; entry?: string } | null {
  const here = import.meta.url;
  if (here.endsWith('.ts')) return { file: new URL('./worker-boot.mjs', here), entry: new URL('./job-worker.ts', here).href };
  for (const rel of ['./job-worker.js', '../job-worker.js']) {
    const u = new URL(rel, here);
    if (existsSync(fileURLToPath(u))) return { file: u };
  }
  return null;
}

export function createJobManager(
  store: Store,
  config: CoreConfig,
  log: (msg: string, err?: unknown) => void,
  opts: JobManagerOptions = {},
): JobManager {
  const jobs = new Map<string, Rec>();
  // Each FIFO; a free worker takes a small job before any large one.
  const small: Rec[] = [];
  const large: Rec[] = [];
  const slots: Slot[] = [];
  const files = createJobFiles(config.dataDir);
  if (config.dataDir) sweepLeftovers(config.dataDir);
  const entry = store.reader ? workerEntry() : null;
  const maxWorkers = entry ? (opts.workers ?? 2) : 0;
  if (store.reader && !entry) log('[jobs] 未找到 job-worker，后台任务将在主线程运行');

  const ctxFor = (rec: Rec): Ctx => ({ db: store.db, dialect: store.dialect, user: rec.user, session: null, config, now: rec.status.startedAt });
  const nowIso = () => config.clock().toISOString();

  function toJobError(err: unknown): JobError {
    if (err instanceof AppError) return { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) };
    const code = (err as { code?: unknown })?.code;
    if (code === 'ERR_WORKER_OUT_OF_MEMORY') return { code: 'INTERNAL', message: MSG.jobOutOfMemory };
    if (typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_CONSTRAINT') || ['23505', '40001', '40P01'].includes(code))) {
      return { code: 'CONFLICT', message: MSG.conflictRetry };
    }
    log('[jobs] 任务出错', err);
    return { code: 'INTERNAL', message: MSG.internal };
  }

  /** Forgets a job and deletes its files. */
  function drop(rec: Rec) {
    jobs.delete(rec.status.jobId);
    files.remove(rec.status.jobId);
  }
  /** Drops finished jobs older than JOB_KEEP_MS by the clock (tests move it; no timer decides). */
  function expire() {
    const now = config.clock().getTime();
    for (const rec of [...jobs.values()]) if (rec.status.finishedAt && now - Date.parse(rec.status.finishedAt) >= JOB_KEEP_MS) drop(rec);
  }
  const sweeper = setInterval(expire, SWEEP_MS);
  sweeper.unref();

  function finish(rec: Rec, outcome: { result: JobResult } | { error: JobError }) {
    rec.status.finishedAt = nowIso();
    if ('result' in outcome) {
      rec.result = outcome.result;
      if (outcome.result.download) rec.file = files.pathOf(rec.status.jobId);
      rec.status.state = 'done';
      if (rec.status.total === 0) rec.status.total = Math.max(1, rec.status.done);
      rec.status.done = rec.status.total;
    } else {
      rec.status.state = 'failed';
      rec.status.error = outcome.error;
      files.remove(rec.status.jobId); // a failed job leaves no file
    }
    rec.settle();
  }

  const progress = (rec: Rec, done: number, total: number) => {
    rec.status.done = done;
    rec.status.total = total;
  };

  function runInProcess(rec: Rec) {
    rec.status.state = 'running';
    const ctx = ctxFor(rec);
    const report = (d: number, t: number) => progress(rec, d, t);
    runTask({ ctx, filePath: files.pathOf(rec.status.jobId), ...(store.reader ? { source: store.reader } : {}), write: (op, args) => runWrite(ctx, op, args, report), progress: report }, rec.input).then(
      (result) => finish(rec, { result }),
      (err: unknown) => finish(rec, { error: toJobError(err) }),
    );
  }

  /** A worker; `warm`: it warms up at boot (else once idle after its first job); `lane`: for small jobs only. */
  function spawn(warm = false, lane = false): Slot {
    const init: WorkerInit = { reader: store.reader!, fontDir: config.fontDir ?? null, warm, ...(entry!.entry ? { entry: entry!.entry } : {}) };
    const worker = new Worker(entry!.file, { workerData: init, ...(config.jobHeapMb ? { resourceLimits: { maxOldGenerationSizeMb: config.jobHeapMb } } : {}) });
    let warmed!: () => void;
    const slot: Slot = { worker, job: null, warmed: new Promise<void>((r) => (warmed = r)), lane };
    const post = (m: ToWorker) => worker.postMessage(m);
    worker.on('message', (m: FromWorker) => {
      if (m.t === 'warm') return warmed();
      const rec = slot.job;
      if (!rec || rec.status.jobId !== m.jobId) return;
      if (m.t === 'progress') progress(rec, m.done, m.total);
      else if (m.t === 'write') {
        runWrite(ctxFor(rec), m.op as WriteOp, m.args as never, (d, t) => progress(rec, d, t)).then(
          (value) => post({ t: 'write-result', reqId: m.reqId, ok: true, value }),
          (err: unknown) => post({ t: 'write-result', reqId: m.reqId, ok: false, error: toJobError(err) }),
        );
      } else {
        if (m.t === 'failed' && m.stack) log(`[jobs] ${rec.input.kind} 出错：${m.stack}`);
        if (m.t === 'done') rec.peakBytes = m.peakBytes;
        finish(rec, m.t === 'done' ? { result: m.result } : { error: m.error });
        slot.job = null;
        worker.unref();
        pump();
      }
    });
    const lost = (why: unknown) => {
      warmed();
      slots.splice(slots.indexOf(slot), 1);
      if (slot.job) finish(slot.job, { error: toJobError(why instanceof Error ? why : new Error(String(why))) });
      slot.job = null;
      pump();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => {
      if (slots.includes(slot)) lost(new Error(`job worker exited (${code})`));
    });
    slots.push(slot);
    return slot;
  }

  /**
   * A worker for the next job: an idle pool worker, or a new one while the pool is not full. A small job may also
   * take the lane: its idle worker first (warm), else a new pool worker, else the lane is spawned (once).
   */
  function slotFor(isSmall: boolean): Slot | null {
    const pool = slots.filter((s) => !s.lane);
    const idle = pool.find((s) => !s.job);
    if (idle) return idle;
    const lane = slots.find((s) => s.lane);
    if (isSmall && lane && !lane.job) return lane;
    if (pool.length < maxWorkers) return spawn();
    return isSmall && !lane ? spawn(false, true) : null;
  }

  function pump() {
    for (;;) {
      const isSmall = small.length > 0;
      if (!isSmall && !large.length) return;
      // No worker for a small job means every pool worker is busy: none for a large one either.
      const slot = slotFor(isSmall);
      if (!slot) return;
      const rec = (isSmall ? small : large).shift()!;
      slot.job = rec;
      rec.status.state = 'running';
      slot.worker.ref();
      const m: ToWorker = {
        t: 'run',
        jobId: rec.status.jobId,
        input: rec.input,
        user: rec.user,
        now: rec.status.startedAt,
        fontDir: config.fontDir ?? null,
        dataDir: config.dataDir,
        filePath: files.pathOf(rec.status.jobId),
        ...(config.jobFileMinBytes !== undefined ? { jobFileMinBytes: config.jobFileMinBytes } : {}),
      };
      if (!opts.beforeRun) slot.worker.postMessage(m);
      else void Promise.resolve(opts.beforeRun(rec.status.jobId, rec.input, slot.lane)).then(() => slot.worker.postMessage(m));
    }
  }

  function start(user: SessionUser, input: JobInput): JobStatus {
    expire();
    let settle!: () => void;
    const settled = new Promise<void>((r) => (settle = r));
    const rec: Rec = {
      status: { jobId: randomUUID(), kind: input.kind, state: 'queued', done: 0, total: 0, startedAt: nowIso(), finishedAt: null, error: null },
      userId: user.id,
      user,
      input,
      file: null,
      result: null,
      peakBytes: null,
      settled,
      settle,
    };
    jobs.set(rec.status.jobId, rec);
    if (maxWorkers === 0) runInProcess(rec);
    else {
      (isSmallJob(input) ? small : large).push(rec);
      pump();
    }
    return { ...rec.status };
  }

  function own(user: SessionUser, jobId: string): Rec {
    expire();
    const rec = jobs.get(jobId);
    if (!rec || rec.userId !== user.id) throw notFound();
    return rec;
  }

  function result(user: SessionUser, jobId: string): JobResult {
    const rec = own(user, jobId);
    if (rec.status.state === 'failed') {
      const e = rec.status.error!;
      throw new AppError(e.code, e.message, e.details);
    }
    if (!rec.result) throw new AppError('CONFLICT', '后台任务尚未完成，请稍候');
    return rec.result;
  }

  function file(user: SessionUser, jobId: string): JobFileRef {
    const rec = own(user, jobId);
    const download = result(user, jobId).download;
    if (!download || !rec.file) throw new AppError('NOT_FOUND', '该后台任务没有可下载的文件');
    if (!existsSync(rec.file)) throw notFound();
    return { ...download, bytes: statSync(rec.file).size, path: rec.file };
  }

  return {
    start,
    status: (user, jobId) => ({ ...own(user, jobId).status }),
    result,
    file,
    fileDir: files.dir,
    async run(user, input) {
      const s = start(user, input);
      await jobs.get(s.jobId)!.settled;
      try {
        return result(user, s.jobId);
      } finally {
        const rec = jobs.get(s.jobId);
        if (rec) drop(rec); // the caller has the result (a PDF need not wait 15 minutes in memory)
      }
    },
    pooled: maxWorkers > 0,
    threads: () => ({ pool: slots.filter((s) => !s.lane).length, lane: slots.some((s) => s.lane) }),
    peakBytes: (jobId) => jobs.get(jobId)?.peakBytes ?? null,
    async prewarm() {
      if (maxWorkers === 0 || slots.some((s) => !s.lane)) return;
      // Held (the process waits for it) while it warms, then idle like any worker between jobs.
      const slot = spawn(true);
      await slot.warmed;
      if (!slot.job) slot.worker.unref();
    },
    async close() {
      // The files go first (a host may exit before the workers end), and again after (a worker's last writes).
      files.clear();
      // Each worker ends itself once idle and warm; one that does not within STOP_MS is terminated.
      const ends = await Promise.all(
        slots.splice(0).map(
          (s) =>
            new Promise<'stopped' | 'terminated'>((resolve) => {
              if (s.worker.threadId < 0) return resolve('stopped');
              const t = setTimeout(() => void s.worker.terminate(), STOP_MS);
              // A worker that ends itself exits with 0; a terminated one with 1.
              s.worker.once('exit', (code) => {
                clearTimeout(t);
                resolve(code === 0 ? 'stopped' : 'terminated');
              });
              s.worker.postMessage({ t: 'stop' } satisfies ToWorker);
            }),
        ),
      );
      // The jobs and their files go with the workers.
      clearInterval(sweeper);
      jobs.clear();
      files.clear();
      return { stopped: ends.filter((e) => e === 'stopped').length, terminated: ends.filter((e) => e === 'terminated').length };
    },
  };
}
