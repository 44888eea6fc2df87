/** Messages between the job manager (main thread) and a job worker. */
import type { JobInput, JobResult } from '../../../shared/api/job.contract';
import type { SessionUser } from '../context';
import type { ReaderSpec } from '../db/database';
import type { WriteOp } from './job.writes';
import type { ErrorCode } from '../../../shared/api/errors';

export type JobError = { code: ErrorCode; message: string; details?: string[] };
/** `warm`: load fonts and draw a tiny label at boot (else once idle after its first job). */
export type WorkerInit = { reader: ReaderSpec; entry?: string; fontDir: string | null; warm: boolean };

export type ToWorker =
  | { t: 'run'; jobId: string; input: JobInput; user: SessionUser; now: string; fontDir: string | null; dataDir: string | null; filePath: string; jobFileMinBytes?: number }
  | { t: 'write-result'; reqId: number; ok: true; value: unknown }
  | { t: 'write-result'; reqId: number; ok: false; error: JobError }
  /** Finish the current job and warm-up, then end the thread (a terminate() mid-draw can crash Node in zlib teardown). */
  | { t: 'stop' };

export type FromWorker =
  | { t: 'warm' }
  | { t: 'progress'; jobId: string; done: number; total: number }
  | { t: 'write'; jobId: string; reqId: number; op: WriteOp; args: unknown }
  | { t: 'done'; jobId: string; result: JobResult; peakBytes: number }
  | { t: 'failed'; jobId: string; error: JobError; stack?: string };
