/**
 * The import wizard as jobs. The file is read and every row checked once, on the job's read connection, with
 * row-level progress; a commit then registers the checked plan in one write transaction (all or nothing) on the
 * main connection, counting on from the rows checked: progress runs 0 → n while checking and n → 2n while writing.
 */
import type { JobInput, JobResult } from '../../../shared/api/job.contract';
import { previewDto, previewImport, registrationOf } from '../services/import/import.handlers';
import type { TaskEnv } from './job.tasks';

type ImportInput = Extract<JobInput, { kind: 'import.preview' | 'import.commit' }>;

export async function runImportTask(env: TaskEnv, input: ImportInput): Promise<JobResult> {
  const { kind: _kind, ...file } = input;
  const commit = input.kind === 'import.commit';
  await env.progress(0, 0);
  // Row progress while checking: at most every 200 rows (the worker throttles its messages as well).
  const onRow = (done: number, total: number) => {
    if (done % 200 === 0 || done === total) void env.progress(done, commit ? 2 * total : total);
  };
  const checked = await previewImport(env.ctx, file, onRow);
  if (!commit) return { file: null, check: null, preview: previewDto(checked) };
  const registration = registrationOf(env.ctx, input, checked);
  const n = checked.plan.rows.length;
  const imported = await env.write('import.register', { registration, base: n, total: 2 * n });
  return { file: null, check: null, imported };
}
