/** Runs a backup job as `username` through dispatch and waits for it (tests). */
import type { TestCore } from '../../support/test-core';
import type { JobResult } from '../../../shared/api/job.contract';

export async function runJob(t: TestCore, username: string): Promise<JobResult> {
  let s = await t.call(username, 'job.start', { kind: 'backup.run' });
  while (s.state === 'queued' || s.state === 'running') {
    await new Promise((r) => setTimeout(r, 20));
    s = await t.call(username, 'job.status', { jobId: s.jobId });
  }
  if (s.state === 'failed') throw new Error(`backup job failed: ${s.error?.message}`);
  return t.call(username, 'job.result', { jobId: s.jobId });
}
