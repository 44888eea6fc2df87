/** Runs a job's task in this process on the main store: stores without a reader, ledger.verify, tests. */
import type { Ctx } from '../context';
import type { JobInput, JobResult } from '../../../shared/api/job.contract';
import { runTask } from './job.tasks';
import { runWrite } from './job.writes';

export function runInline(ctx: Ctx, input: JobInput, progress: (done: number, total: number) => void = () => undefined): Promise<JobResult> {
  return runTask({ ctx, write: (op, args) => runWrite(ctx, op, args, progress), progress }, input);
}

/** The file of a task that makes one (trails, labels, exports). */
export async function inlineFile(ctx: Ctx, input: JobInput) {
  const r = await runInline(ctx, input);
  if (!r.file) throw new Error(`${input.kind} made no file`);
  return r.file;
}
