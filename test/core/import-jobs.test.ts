/**
 * The import wizard and the case zip as jobs: preview and commit in a worker with row-level progress; the commit
 * registers in one write transaction on the main connection (all or nothing); the zip issues its trail through the
 * job's write path and still verifies.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/test-core';
import type { MethodInput } from '../../shared/api/contract';
import type { JobStatus } from '../../shared/api/job.contract';
import { ITEM_HEAD, LIST_HEAD, xlsx } from './support/import-fixtures';
import { asUser } from './request-fixtures';
import { runInline } from '../../electron/core/jobs/job.inline';
import { runWrite } from '../../electron/core/jobs/job.writes';
import { previewImport, registrationOf } from '../../electron/core/services/import/import.handlers';
import { verifyCaseExport } from '../../electron/core/services/exports/case-export';
import type { Ctx } from '../../electron/core/context';

let t: TestCore;
let dir: string;
const CASE_NO = 'A3716002026110077';
const rows = (n: number) => Array.from({ length: n }, (_, i) => [`物品${i + 1}`, 1 + (i % 3), '件', `型号${i % 7}`, `特征${i}`, null, null, CASE_NO, null]);

afterEach(async () => {
  await t.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function runJob(user: string, input: MethodInput<'job.start'>): Promise<JobStatus> {
  const started = await t.call(user, 'job.start', input);
  for (let i = 0; i < 3000; i++) {
    const s = await t.call(user, 'job.status', { jobId: started.jobId });
    if (s.state === 'done' || s.state === 'failed') return s;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('job did not finish');
}

describe('import and zip jobs in a worker', () => {
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-jobs-'));
    t = await makeTestCore({ sqliteFile: path.join(dir, 'seized.sqlite'), dataDir: dir });
  });

  it('previews, refuses a file with errors writing nothing, commits the fixed file; the case zip verifies', async () => {
    const caseId = (await t.call('ga_bar', 'case.create', { caseNo: CASE_NO, name: '导入案' })).id;
    const bad = await xlsx([...LIST_HEAD, ITEM_HEAD, ...rows(30), [null, 1, '个', null, null, null, null, CASE_NO, null], ['手机', '三部', '部', null, null, null, null, CASE_NO, null]]);
    const p = await runJob('ga_bar', { kind: 'import.preview', fileName: '清单.xlsx', base64: bad, caseId });
    expect(p).toMatchObject({ state: 'done', kind: 'import.preview', error: null });
    const preview = (await t.call('ga_bar', 'job.result', { jobId: p.jobId })).preview!;
    expect(preview.total).toBe(32);
    expect(preview.problems.map((x) => [x.row, x.fieldLabel])).toEqual([
      [39, '物品名称'],
      [40, '数量'],
    ]);

    const events = await t.eventCount();
    const refused = await runJob('ga_bar', { kind: 'import.commit', fileName: '清单.xlsx', base64: bad, caseId });
    expect(refused.state).toBe('failed');
    expect(refused.error).toMatchObject({ code: 'BAD_INPUT', message: '文件中有 2 处错误，没有导入任何物品。请改正后重新导入' });
    expect(refused.error!.details![0]).toBe('第 39 行「物品名称」：物品名称为空');
    expect(await t.eventCount()).toBe(events);

    // 1,200 rows: registered in two steps of one transaction.
    const good = await xlsx([...LIST_HEAD, ITEM_HEAD, ...rows(1200)]);
    const done = await runJob('ga_bar', { kind: 'import.commit', fileName: '清单.xlsx', base64: good, caseId });
    expect(done).toMatchObject({ state: 'done', done: 2400, total: 2400 });
    const imported = (await t.call('ga_bar', 'job.result', { jobId: done.jobId })).imported!;
    expect(imported).toMatchObject({ count: 1200, cases: [{ caseNo: CASE_NO, count: 1200 }], seizureDocNo: '滨公（刑）扣字〔2026〕88号' });
    expect(await t.eventCount()).toBe(events + 1200);
    expect((await t.call('jw_jd', 'ledger.verify', {})).ok).toBe(true);

    // The zip job: the trail PDF is issued through the main connection, then everything verifies.
    const z = await runJob('ga_bar', { kind: 'case.exportZip', caseId });
    expect(z).toMatchObject({ state: 'done', error: null });
    const zip = (await t.call('ga_bar', 'job.result', { jobId: z.jobId })).file!;
    expect(zip.fileName).toBe(`案件档案-${CASE_NO}.zip`);
    const check = await verifyCaseExport(Buffer.from(zip.base64, 'base64'));
    expect(check).toMatchObject({ ok: true, problems: [] });
    expect(check.events).toBe(1201); // 1,200 REGISTERED and the trail's RECEIPT_PRINTED
    // Another agency cannot have it.
    expect((await runJob('jc_bar', { kind: 'case.exportZip', caseId })).error?.code).toBe('NOT_FOUND');
  }, 180_000);
});

describe('import commit progress and atomicity', () => {
  beforeEach(async () => {
    dir = '';
    t = await makeTestCore();
  });

  it('reports row-level progress: checking 0 → n, then registering n → 2n', async () => {
    const caseId = (await t.call('ga_bar', 'case.create', { caseNo: CASE_NO, name: '导入案' })).id;
    const base64 = await xlsx([...LIST_HEAD, ITEM_HEAD, ...rows(2500)]);
    const seen: Array<[number, number]> = [];
    const r = await asUser(t, 'ga_bar', (ctx) => runInline(ctx, { kind: 'import.commit', fileName: '清单.xlsx', base64, caseId }, (d, n) => void seen.push([d, n])));
    expect(r.imported!.count).toBe(2500);
    const checking = seen.filter(([d, n]) => n === 5000 && d <= 2500).map(([d]) => d);
    expect(checking).toEqual([200, 400, 600, 800, 1000, 1200, 1400, 1600, 1800, 2000, 2200, 2400, 2500]);
    const writing = seen.filter(([d]) => d > 2500).map(([d]) => d);
    expect(writing).toEqual([3500, 4500, 5000]);
  }, 120_000);

  it('a registration that fails part-way writes nothing (one transaction)', async () => {
    const caseId = (await t.call('ga_bar', 'case.create', { caseNo: CASE_NO, name: '导入案' })).id;
    const base64 = await xlsx([...LIST_HEAD, ITEM_HEAD, ...rows(1500)]);
    const input = { fileName: '清单.xlsx', base64, caseId };
    const registration = await asUser(t, 'ga_bar', async (ctx) => registrationOf(ctx, input, await previewImport(ctx, input)));
    // A second group whose case has gone: the first group's 1,500 items are inserted, then the write fails.
    const broken = { ...registration, groups: [...registration.groups, { ...registration.groups[0]!, caseId: 999_999 }] };
    const events = await t.eventCount();
    const items = await t.core.store.db.selectFrom('items').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const main = await asUser(t, 'ga_bar', async (ctx) => ctx);
    const ctx: Ctx = { ...main, db: t.core.store.db };
    await expect(runWrite(ctx, 'import.register', { registration: broken, base: 0, total: 3000 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await t.eventCount()).toBe(events);
    const after = await t.core.store.db.selectFrom('items').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(items.n));
    // The same registration without the broken group commits whole.
    await runWrite(ctx, 'import.register', { registration, base: 0, total: 1500 });
    expect(await t.eventCount()).toBe(events + 1500);
  }, 120_000);
});
