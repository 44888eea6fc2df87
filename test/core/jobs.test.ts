/**
 * Jobs: started by one user, run in a worker thread with its own read-only connection (a file store, or
 * PostgreSQL), reporting progress, handing back a file; writes come back to the main connection.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { makeTestCore, TEST_PG_URL, type TestCore } from '../support/test-core';
import type { JobStatus } from '../../shared/api/job.contract';
import type { MethodInput } from '../../shared/api/contract';
import { inlineFile } from '../../electron/core/jobs/job.inline';
import { asUser } from './request-fixtures';

let t: TestCore;
let dir: string;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobs-'));
  t = await makeTestCore({ sqliteFile: path.join(dir, 'seized.sqlite') });
});
afterEach(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function register(n: number, by = 'ga_bar') {
  const c = await t.call(by, 'case.create', { caseNo: `A37160020261100${String(Math.floor(Math.random() * 90) + 10)}`, name: '张某盗窃案', cause: '盗窃' });
  const items = await t.call(by, 'item.register', {
    caseId: c.id,
    seizureDocNo: '滨公（刑）扣字〔2026〕101号',
    seizedAt: '2026-11-19T20:30:00Z',
    seizedBy: '李办案',
    items: Array.from({ length: n }, (_, i) => ({ name: `手机${i + 1}`, category: 'electronics' as const, quantity: 1, unit: '部', source: 'seized' as const })),
  });
  return { caseId: c.id, items };
}

/** Polls job.status as the UI does until the job settles; returns every status seen. */
async function waitJob(user: string, jobId: string): Promise<JobStatus[]> {
  const seen: JobStatus[] = [];
  for (let i = 0; i < 3000; i++) {
    const s = await t.call(user, 'job.status', { jobId });
    seen.push(s);
    if (s.state === 'done' || s.state === 'failed') return seen;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('job did not finish');
}

async function runJob(user: string, input: MethodInput<'job.start'>) {
  const started = await t.call(user, 'job.start', input);
  const seen = await waitJob(user, started.jobId);
  return { started, seen, last: seen.at(-1)! };
}

describe('jobs', () => {
  it('runs in a worker thread with its own read-only connection', async () => {
    // The store has a reader: the manager uses workers (an in-memory store would run in process).
    expect(t.core.store.reader?.engine).toBe(TEST_PG_URL ? 'postgres' : 'sqlite');
    await register(3);
    const { last } = await runJob('jw_jd', { kind: 'ledger.check', mode: 'full' });
    expect(last).toMatchObject({ state: 'done', kind: 'ledger.check', error: null });
    expect(last.done).toBe(last.total);
    const r = await t.call('jw_jd', 'job.result', { jobId: last.jobId });
    expect(r.check).toMatchObject({ ok: true, mode: 'full', fromSeq: 0, checked: 3, headSeq: 3 });
    // The checkpoint was written on the main connection.
    const cps = await t.core.store.db.selectFrom('ledger_checkpoints').selectAll().execute();
    expect(cps).toMatchObject([{ seq: 3, ok: 1, mode: 'full', checked: 3, checked_by_name: '吴监督' }]);
  });

  it('an incremental check verifies only the events after the last checkpoint', async () => {
    await register(4);
    await runJob('jw_jd', { kind: 'ledger.check', mode: 'incremental' }); // no checkpoint yet: runs in full
    await register(2);
    const { last } = await runJob('jw_jd', { kind: 'ledger.check' });
    const r = await t.call('jw_jd', 'job.result', { jobId: last.jobId });
    expect(r.check).toMatchObject({ ok: true, mode: 'incremental', fromSeq: 4, checked: 2, headSeq: 6 });
  });

  it('hands back the trail PDF and records its print on the main connection', async () => {
    const { items } = await register(2);
    const before = await t.eventCount();
    const { last } = await runJob('ga_bar', { kind: 'item.trail', itemId: items[0]!.id });
    expect(last.state).toBe('done');
    const { file } = await t.call('ga_bar', 'job.result', { jobId: last.jobId });
    expect(file?.mime).toBe('application/pdf');
    expect(file?.serialNo).toMatch(/^LZJL-20261120-\d{4}$/);
    expect(Buffer.from(file!.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(await t.eventCount()).toBe(before + 1);
  });

  it('exports to Excel with progress, and labels write their events', async () => {
    const { items } = await register(30);
    const { last } = await runJob('jw_jd', { kind: 'item.export', filter: {} });
    expect(last).toMatchObject({ state: 'done', done: 30, total: 30 });
    const { file } = await t.call('jw_jd', 'job.result', { jobId: last.jobId });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file!.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.getWorksheet('物品清单')!.rowCount).toBe(31);

    const labels = await runJob('zx_bgy', { kind: 'label.items', itemIds: items.map((i) => i.id), stock: '60x40' });
    expect(labels.last.state).toBe('done');
    const types = await t.core.store.db.selectFrom('custody_events').select('type').where('type', '=', 'LABEL_PRINTED').execute();
    expect(types).toHaveLength(30);
  });

  it('a prewarmed worker (fonts and a tiny label drawn at start-up) prints the same labels as a cold render', async () => {
    const { items } = await register(5);
    await t.core.jobs.prewarm();
    const ids = items.map((i) => i.id);
    const warm = await runJob('zx_bgy', { kind: 'label.items', itemIds: ids, stock: '40x30' });
    expect(warm.last.state).toBe('done');
    const fromWorker = (await t.call('zx_bgy', 'job.result', { jobId: warm.last.jobId })).file!;
    // The same task run in this process, where no label was drawn before (the synchronous method uses the pool too).
    const inProcess = await asUser(t, 'zx_bgy', (ctx) => inlineFile(ctx, { kind: 'label.items', itemIds: ids, stock: '40x30', reprint: true }));
    // Only the dates (creation, modification), the file ID made from it and the random font subset tag differ between two renders.
    const norm = (b64: string) =>
      Buffer.from(b64, 'base64')
        .toString('latin1')
        .replace(/\(D:\d{14}Z\)/g, '(D:)')
        .replace(/\/[A-Z]{6}\+/g, '/TAG+')
        .replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/, '');
    expect(norm(fromWorker.base64)).toBe(norm(inProcess.base64));
  });

  it('the synchronous print methods run in a worker of the pool, never on the request path', async () => {
    const { caseId, items } = await register(3);
    expect(t.core.jobs.pooled).toBe(true);
    expect(t.core.jobs.threads().pool).toBe(0);
    const labels = await t.call('zx_bgy', 'label.items', { itemIds: items.map((i) => i.id), stock: '60x40' });
    expect(Buffer.from(labels.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    // A worker was started for it (the in-process path starts none), and the label events were written.
    expect(t.core.jobs.threads().pool).toBe(1);
    expect(await t.eventCount()).toBe(6);
    const trail = await t.call('ga_bar', 'document.itemTrail', { itemId: items[0]!.id });
    expect(trail.serialNo).toMatch(/^LZJL-/);
    const caseTrail = await t.call('ga_bar', 'document.caseTrail', { caseId });
    expect(caseTrail.fileName).toMatch(/\.pdf$/);
    const locs = await t.core.store.db.selectFrom('locations').select('id').where('active', '=', 1).limit(2).execute();
    const locLabels = await t.call('zx_bgy', 'label.locations', { locationIds: locs.map((l) => l.id), stock: 'a4' });
    expect(locLabels.mime).toBe('application/pdf');
    expect(t.core.jobs.threads()).toEqual({ pool: 1, lane: false });
    // Refusals keep their code and Chinese message.
    expect(await t.fail('ga_bar', 'label.locations', { locationIds: [locs[0]!.id], stock: 'a4' })).toEqual({ code: 'FORBIDDEN', message: '只有保管员或管理员可以打印库位标签' });
    expect(await t.fail('zx_bgy', 'label.items', { itemIds: [999_999], stock: '60x40' })).toEqual({ code: 'NOT_FOUND', message: '物品不存在（ID：999999）' });
  });

  it('a job is visible only to its owner, and each kind needs its own permission', async () => {
    const { items } = await register(1);
    const started = await t.call('ga_bar', 'job.start', { kind: 'item.trail', itemId: items[0]!.id });
    expect(await t.fail('jc_bar', 'job.status', { jobId: started.jobId })).toMatchObject({ code: 'NOT_FOUND', message: '后台任务不存在或已过期，请重新发起' });
    expect((await t.fail('jc_bar', 'job.result', { jobId: started.jobId })).code).toBe('NOT_FOUND');
    await waitJob('ga_bar', started.jobId);
    expect(await t.fail('ga_bar', 'job.start', { kind: 'ledger.check' })).toEqual({ code: 'FORBIDDEN', message: '您的角色无权执行「账本校验」' });
    expect((await t.fail('ga_bar', 'job.start', { kind: 'label.items', itemIds: [items[0]!.id], stock: '60x40' })).code).toBe('FORBIDDEN');
    expect((await t.fail('zx_bgy', 'job.start', { kind: 'label.items', itemIds: Array.from({ length: 1001 }, (_, i) => i + 1), stock: '60x40' })).code).toBe('BAD_INPUT');
  });

  it('applies the same visibility rule as the synchronous read, and reports its refusal in Chinese', async () => {
    const { items } = await register(1);
    // The procuratorate has never held this item: the trail is refused exactly like document.itemTrail.
    const sync = await t.fail('jc_bar', 'document.itemTrail', { itemId: items[0]!.id });
    const before = await t.eventCount();
    const { last } = await runJob('jc_bar', { kind: 'item.trail', itemId: items[0]!.id });
    expect(last.state).toBe('failed');
    expect(last.error).toEqual({ code: sync.code, message: sync.message });
    expect(await t.fail('jc_bar', 'job.result', { jobId: last.jobId })).toEqual({ code: 'NOT_FOUND', message: '物品未找到或无权查看' });
    expect(await t.eventCount()).toBe(before);
  });
});
