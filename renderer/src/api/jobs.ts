/** Long work as background jobs: start, poll the progress, fetch the result (files come back as today). */
import type { FileOut } from '@shared/api/common.schemas';
import type { MethodInput } from '@shared/api/contract';
import type { JobDownload, JobResult, JobStatus } from '@shared/api/job.contract';
import { ApiCallError, call } from './client';

export type JobStartInput = MethodInput<'job.start'>;
export type JobProgress = Pick<JobStatus, 'state' | 'done' | 'total'>;

const POLL_MS = 250;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs a job to its end, reporting each status; rejects with the job's own error (Chinese) when it failed. */
export async function runJob(input: JobStartInput, onProgress?: (p: JobProgress) => void): Promise<JobResult> {
  return (await runJobOf(input, onProgress)).result;
}

async function runJobOf(input: JobStartInput, onProgress?: (p: JobProgress) => void): Promise<{ jobId: string; result: JobResult }> {
  let s = await call('job.start', input);
  onProgress?.(s);
  while (s.state === 'queued' || s.state === 'running') {
    await sleep(POLL_MS);
    s = await call('job.status', { jobId: s.jobId });
    onProgress?.(s);
  }
  if (s.state === 'failed') throw new ApiCallError(s.error ?? { code: 'INTERNAL', message: '后台任务失败' });
  return { jobId: s.jobId, result: await call('job.result', { jobId: s.jobId }) };
}

/** A job's file on disk (a trail in volumes): fetched by its job id, never carried whole. */
export type JobFileRef = JobDownload & { jobId: string };
/** What a job hands over: a small file whole, or a reference to its file on disk. */
export type JobFile = FileOut | JobFileRef;

/** A job that makes a file (trail, labels, export). */
export async function jobFile(input: JobStartInput, onProgress?: (p: JobProgress) => void): Promise<JobFile> {
  const { jobId, result: r } = await runJobOf(input, onProgress);
  if (r.download) return { ...r.download, jobId };
  if (!r.file) throw new Error('后台任务没有生成文件');
  return r.file;
}

/** Percent done, or null while the total is not known yet. */
export const jobPercent = (p: JobProgress): number | null => (p.state === 'done' ? 100 : p.total > 0 ? Math.min(99, Math.floor((p.done / p.total) * 100)) : null);
