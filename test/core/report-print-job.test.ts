/** 统计报表 PDF as a background job (issue 12 part 1, issue 9): printed in a worker with progress, like the trails. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/test-core';
import { pdfText, writePdf } from './documents/pdf-tools';
import type { JobStatus } from '../../shared/api/job.contract';

let t: TestCore;
let dir: string;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-job-'));
  t = await makeTestCore({ sqliteFile: path.join(dir, 'seized.sqlite') });
});
afterEach(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('prints the period report in a job: the same figures and covered events as the direct print, progress to the end', async () => {
  const c = await t.call('ga_bar', 'case.create', { caseNo: 'A3716002026110001', name: '张某盗窃案', cause: '盗窃' });
  await t.call('ga_bar', 'item.register', {
    caseId: c.id, seizureDocNo: '滨公（刑）扣字〔2026〕101号', seizedAt: '2026-11-20T01:00:00Z', seizedBy: '李办案',
    items: [{ name: '黑色苹果手机', category: 'electronics', quantity: 1, unit: '部', source: 'seized' }, { name: '现金', category: 'cash', quantity: 1, unit: '笔', source: 'seized', cashAmount: 5000 }],
  });
  const filter = { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' };
  const direct = await t.call('jw_jd', 'report.print', filter);
  let s: JobStatus = await t.call('jw_jd', 'job.start', { kind: 'report.print', ...filter });
  while (s.state === 'queued' || s.state === 'running') {
    await new Promise((r) => setTimeout(r, 20));
    s = await t.call('jw_jd', 'job.status', { jobId: s.jobId });
  }
  expect(s).toMatchObject({ state: 'done', done: 3, total: 3, kind: 'report.print' });
  const file = (await t.call('jw_jd', 'job.result', { jobId: s.jobId })).file!;
  expect(file.serialNo).toMatch(/^TJBB-/);
  const text = pdfText(writePdf(dir, 'report.pdf', file.base64));
  expect(text).toContain('涉案财物统计报表');
  expect(text).toContain('打印人：吴监督');
  const docs = await t.core.store.db.selectFrom('documents').select(['serial_no', 'event_count', 'events_hash']).where('serial_no', 'in', [direct.serialNo!, file.serialNo!]).orderBy('printed_seq').execute();
  expect(docs).toHaveLength(2);
  expect(docs[1]!.event_count).toBe(docs[0]!.event_count);
  // A case officer has no report.read: refused before anything runs.
  expect(await t.fail('ga_bar', 'job.start', { kind: 'report.print', ...filter })).toMatchObject({ code: 'FORBIDDEN' });
});
