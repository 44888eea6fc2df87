/** Jobs in service tests: start one and poll its status until it ends; read its file on disk; an agency's id by its code; items to print. */
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

let caseSeq = 0;
/** A new case of `by`'s agency with `n` phones registered (one REGISTERED event each); the items. */
export async function registerPhones(t: TestCore, n: number, by = 'ga_bar') {
  const c = await t.call(by, 'case.create', { caseNo: `A3716002026${String(++caseSeq).padStart(6, '0')}${by.length}`, name: '张某盗窃案', cause: '盗窃' });
  return t.call(by, 'item.register', {
    caseId: c.id,
    seizureDocNo: '滨公（刑）扣字〔2026〕101号',
    seizedAt: '2026-11-19T20:30:00Z',
    seizedBy: '李办案',
    items: Array.from({ length: n }, (_, i) => ({ name: `手机${i + 1}`, category: 'electronics' as const, quantity: 1, unit: '部', source: 'seized' as const })),
  });
}
