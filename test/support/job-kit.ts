/** Jobs in service tests: start one and poll its status until it ends; read its file on disk; an agency's id by its code. */
import fs from 'node:fs';
import type { JobStatus } from '../../shared/api/job.contract';
import type { MethodInput } from '../../shared/api/contract';
import type { TestCore } from './test-core';

export async function runJob(t: TestCore, user: string, input: MethodInput<'job.start'>): Promise<JobStatus> {
  const started = await t.call(user, 'job.start', input);
  for (;;) {
    const s = await t.call(user, 'job.status', { jobId: started.jobId });
    if (s.state === 'done' || s.state === 'failed') return s;
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const agencyId = async (t: TestCore, code: string) =>
  (await t.core.store.db.selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

/** The owner's job file on disk (as the HTTP route and the desktop save find it), read whole. */
export async function jobFileBytes(t: TestCore, user: string, jobId: string): Promise<Buffer> {
  const r = await t.core.jobFile(await t.login(user), jobId);
  if (!r.ok) throw new Error(`job file ${jobId}: ${r.error.message}`);
  return fs.readFileSync(r.data.path);
}
