/**
 * A job worker: its own read-only connection; runs one task at a time; writes go back to the main thread.
 * It warms up once (fonts, a tiny label draw): at boot when the pool starts it, else when idle after its first job.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../errors';
import { MSG } from '../../../shared/messages';
import { openReader } from './job.reader';
import { runTask } from './job.tasks';
import { warmUp } from './job.warm';
import type { FromWorker, ToWorker, WorkerInit } from './job.protocol';

const port = parentPort!;
const init = workerData as WorkerInit;
const reader = openReader(init.reader);
const pending = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>();
let reqSeq = 0;
const send = (m: FromWorker) => port.postMessage(m);

// A job that arrives while warming waits for it (the work it would do itself when cold). Failures (no fonts) are
// left for the job that needs the fonts to report.
let warming: Promise<void> | null = null;
const warm = () => {
  warming ??= warmUp(init.fontDir).then(
    () => send({ t: 'warm' }),
    () => send({ t: 'warm' }),
  );
  return warming;
};
if (init.warm) void warm();

// Stopping: the thread ends once idle and warm, never in the middle of drawing (see ToWorker 'stop').
let stopping = false;
const stopWhenIdle = () => {
  if (!busy) void (warming ?? Promise.resolve()).then(() => process.exit(0));
};

port.on('message', (m: ToWorker) => {
  if (m.t === 'stop') {
    stopping = true;
    return stopWhenIdle();
  }
  if (m.t === 'write-result') {
    const p = pending.get(m.reqId);
    pending.delete(m.reqId);
    if (m.ok) p?.resolve(m.value);
    else p?.reject(new AppError(m.error.code, m.error.message, m.error.details));
    return;
  }
  void (warming ?? Promise.resolve()).then(() => run(m));
});

let busy = false;
function run(m: Extract<ToWorker, { t: 'run' }>) {
  const { jobId } = m;
  busy = true;
  const ctx = {
    db: reader.db,
    dialect: reader.dialect,
    user: m.user,
    session: null,
    now: m.now,
    config: { dataDir: m.dataDir, fontDir: m.fontDir, clock: () => new Date(m.now), ...(m.jobFileMinBytes !== undefined ? { jobFileMinBytes: m.jobFileMinBytes } : {}) },
  };
  let last = 0;
  // The job's peak memory in this worker (its heap and the buffers it holds), sampled with each progress report.
  let peak = 0;
  const sample = () => {
    const mem = process.memoryUsage();
    peak = Math.max(peak, mem.heapUsed + mem.external);
  };
  runTask(
    {
      ctx,
      source: init.reader,
      filePath: m.filePath,
      write: (op, args) =>
        new Promise((resolve, reject) => {
          const reqId = ++reqSeq;
          pending.set(reqId, { resolve: resolve as (v: unknown) => void, reject });
          send({ t: 'write', jobId, reqId, op, args });
        }),
      progress: (done, total) => {
        sample();
        // At most ten reports a second; the last one always goes.
        const now = Date.now();
        if (done < total && now - last < 100) return;
        last = now;
        send({ t: 'progress', jobId, done, total });
      },
    },
    m.input,
  ).then(
    (result) => {
      sample();
      send({ t: 'done', jobId, result, peakBytes: peak });
    },
    (err: unknown) =>
      send(
        err instanceof AppError
          ? { t: 'failed', jobId, error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } }
          : { t: 'failed', jobId, error: { code: 'INTERNAL', message: MSG.internal }, stack: err instanceof Error ? (err.stack ?? err.message) : String(err) },
      ),
  )
    .finally(() => {
      busy = false;
      if (stopping) return stopWhenIdle();
      // Idle now: warm up (once) unless the next job has already begun.
      setImmediate(() => {
        if (!busy && !stopping) void warm();
      });
    });
}
