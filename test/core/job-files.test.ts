/**
 * Job files on disk (issue 12 part 5, trails of any length): a scope trail in volumes is a zip in the job-file folder,
 * job.result refers to it without base64, GET /api/jobs/<jobId>/file streams it to its owner only, and the file is
 * deleted when the job expires (by the core's clock), on close, and when a job fails. The old 600,000-event cap is gone.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore, TEST_PASSWORD, type TestCore } from '../support/test-core';
import { agencyId, registerPhones, runJob } from '../support/job-kit';
import { tempDir } from './documents/pdf-tools';
import { createHttpHost } from '../../electron/server/http-host';
import { createJobManager, JOB_KEEP_MS } from '../../electron/core/jobs/job.manager';
import { SCOPE_TRAIL_JOB_MAX, SCOPE_TRAIL_MAX_VOLUMES, SCOPE_VOLUME_EVENTS, scopeTrailTooLarge } from '../../shared/api/scope-trail.contract';
import type { SessionUser } from '../../electron/core/context';

let t: TestCore;
let dir: string;
beforeEach(async () => {
  dir = tempDir('job-files-');
  t = await makeTestCore({ sqliteFile: path.join(dir, 'seized.sqlite') });
});
afterEach(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function register(n: number, by = 'ga_bar') {
  await registerPhones(t, n, by);
  t.clock.advance(60_000);
}

/** A police trail of 7 events in volumes of 3: its job id and the path of its zip. */
async function volumesJob() {
  await register(4);
  await register(3);
  const status = await runJob(t, 'jw_jd', { kind: 'scope.trail', scope: 'agency', agencyId: await agencyId(t, '371600'), volumeSize: 3 });
  expect(status).toMatchObject({ state: 'done', total: 7 });
  const ref = await t.core.jobFile(await t.login('jw_jd'), status.jobId);
  if (!ref.ok) throw new Error(ref.error.message);
  return { jobId: status.jobId, file: ref.data.path };
}

describe('job files on disk', () => {
  it('writes a volumes zip to the job folder; the result refers to it; the zip holds the volumes that check', { timeout: 120_000 }, async () => {
    const { jobId, file } = await volumesJob();
    expect(path.dirname(file)).toBe(t.core.jobs.fileDir);
    expect(path.basename(file)).toBe(jobId);
    // Only the zip is left in the folder: the volume PDFs were deleted once streamed into it.
    expect(fs.readdirSync(t.core.jobs.fileDir)).toEqual([jobId]);
    const result = await t.call('jw_jd', 'job.result', { jobId });
    expect(result.file).toBeNull();
    expect(result.download).toEqual({ fileName: expect.stringMatching(/^单位涉案财物流转记录-共3册-序号\d+至\d+\.zip$/), mime: 'application/zip', bytes: fs.statSync(file).size });
    expect(JSON.stringify(result)).not.toContain('base64');

    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const pdfs = Object.keys(zip.files).filter((n) => n.endsWith('.pdf')).sort();
    expect(pdfs.map((n) => n.slice(0, 4))).toEqual(['第1册-', '第2册-', '第3册-']);
    const toc = await zip.file('目录.txt')!.async('string');
    expect(toc).toContain('共 7 条');
    for (const name of pdfs) {
      const pdf = await zip.file(name)!.async('nodebuffer');
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const check = await t.call('jw_jd', 'document.check', { text: name.slice(4, -4) });
      expect(check.ok).toBe(true);
      expect(check.message).toContain('与账本一致');
    }
    // Another user may not have it: the same answer as for a job that does not exist.
    expect(await t.core.jobFile(await t.login('ga_bar'), jobId)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // A job that makes a small file keeps it whole and has none on disk.
    const one = await runJob(t, 'jw_jd', { kind: 'scope.trail', scope: 'agency', agencyId: await agencyId(t, '371600') });
    expect((await t.call('jw_jd', 'job.result', { jobId: one.jobId })).file?.mime).toBe('application/pdf');
    expect(await t.core.jobFile(await t.login('jw_jd'), one.jobId)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '该后台任务没有可下载的文件' } });
  });

  it('puts a one-document trail on disk too when it is large (jobFileMinBytes), with its serial', { timeout: 120_000 }, async () => {
    const big = await makeTestCore({ sqliteFile: path.join(dir, 'big.sqlite'), config: { jobFileMinBytes: 1 } });
    try {
      await registerPhones(big, 1);
      const s = await runJob(big, 'jw_jd', { kind: 'scope.trail', scope: 'agency', agencyId: await agencyId(big, '371600') });
      const result = await big.call('jw_jd', 'job.result', { jobId: s.jobId });
      expect(result.file).toBeNull();
      expect(result.download).toMatchObject({ mime: 'application/pdf', serialNo: expect.stringMatching(/^LZJL-/) });
      expect(result.download!.fileName).toBe(`单位涉案财物流转记录-${result.download!.serialNo}.pdf`);
      const ref = await big.core.jobFile(await big.login('jw_jd'), s.jobId);
      if (!ref.ok) throw new Error(ref.error.message);
      const pdf = fs.readFileSync(ref.data.path);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(ref.data.bytes).toBe(pdf.length);
      expect(result.download!.bytes).toBe(pdf.length);
    } finally {
      await big.close();
    }
  });

  it('deletes the file when the job expires by the clock, and on close', { timeout: 120_000 }, async () => {
    const { jobId, file } = await volumesJob();
    t.clock.advance(JOB_KEEP_MS - 1000);
    expect(fs.existsSync(file)).toBe(true);
    expect((await t.call('jw_jd', 'job.status', { jobId })).state).toBe('done');
    t.clock.advance(1000);
    expect(await t.fail('jw_jd', 'job.result', { jobId })).toMatchObject({ code: 'NOT_FOUND', message: '后台任务不存在或已过期，请重新发起' });
    expect(fs.existsSync(file)).toBe(false);

    const again = await runJob(t, 'jw_jd', { kind: 'scope.trail', scope: 'agency', agencyId: await agencyId(t, '371600'), volumeSize: 3 });
    const ref = await t.core.jobFile(await t.login('jw_jd'), again.jobId);
    expect(ref.ok && fs.existsSync(ref.data.path)).toBe(true);
    await t.core.jobs.close();
    expect(fs.existsSync(t.core.jobs.fileDir)).toBe(false);
  });

  it('a failed job leaves no file', async () => {
    const user = { id: 1 } as SessionUser;
    let planted = '';
    // A work file appears before the job runs (as a volume would); the job then fails.
    const jobs = createJobManager(t.core.store, t.core.config, () => undefined, {
      beforeRun: (jobId) => {
        fs.mkdirSync(jobs.fileDir, { recursive: true });
        planted = path.join(jobs.fileDir, `${jobId}.v1.pdf`);
        fs.writeFileSync(planted, '%PDF-');
      },
    });
    try {
      const { jobId } = jobs.start(user, { kind: 'scope.trail', scope: 'period' });
      while (jobs.status(user, jobId).state !== 'failed') await new Promise((r) => setTimeout(r, 20));
      expect(() => jobs.result(user, jobId)).toThrow('请选择期间');
      expect(planted).toBe(path.join(jobs.fileDir, `${jobId}.v1.pdf`));
      expect(fs.readdirSync(jobs.fileDir)).toEqual([]);
    } finally {
      await jobs.close();
    }
  });

  it('deletes the job files of a process that is gone at start-up, and keeps a live one\'s', async () => {
    const dataDir = path.join(dir, 'data');
    const gone = path.join(dataDir, 'job-files', '2147480000');
    const live = path.join(dataDir, 'job-files', String(process.ppid));
    for (const d of [gone, live]) {
      fs.mkdirSync(d, { recursive: true });
      fs.writeFileSync(path.join(d, 'left-over'), 'x');
    }
    const jobs = createJobManager(t.core.store, { ...t.core.config, dataDir }, () => undefined);
    try {
      expect(jobs.fileDir).toBe(path.join(dataDir, 'job-files', String(process.pid)));
      expect(fs.existsSync(gone)).toBe(false);
      expect(fs.existsSync(path.join(live, 'left-over'))).toBe(true);
    } finally {
      await jobs.close();
    }
  });

  it('sizes past the old 600,000-event cap without refusing: only the volume cap bounds a job', () => {
    expect(SCOPE_TRAIL_JOB_MAX).toBe(SCOPE_TRAIL_MAX_VOLUMES * SCOPE_VOLUME_EVENTS);
    expect(scopeTrailTooLarge(600_001, SCOPE_VOLUME_EVENTS)).toBe(false);
    expect(scopeTrailTooLarge(5_000_000, SCOPE_VOLUME_EVENTS)).toBe(false);
    expect(scopeTrailTooLarge(10_000_000, SCOPE_VOLUME_EVENTS)).toBe(false);
    expect(scopeTrailTooLarge(10_000_001, SCOPE_VOLUME_EVENTS)).toBe(true);
    // A small volume size: the volumes bound it first.
    expect(scopeTrailTooLarge(50, 1)).toBe(false);
    expect(scopeTrailTooLarge(51, 1)).toBe(true);
  });
});

describe('GET /api/jobs/<jobId>/file', () => {
  let server: Server;
  let base: string;
  beforeEach(async () => {
    server = await createHttpHost(t.core, { staticDir: null });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(() => new Promise<void>((r) => server.close(() => r())));

  async function cookieOf(username: string) {
    const res = await fetch(`${base}/api/auth.login`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Seized-Client': '1' }, body: JSON.stringify({ username, password: TEST_PASSWORD }) });
    expect(res.status).toBe(200);
    return res.headers.get('set-cookie')!.split(';')[0]!;
  }

  it('streams the file to its owner only, with its type, length and Chinese name', { timeout: 120_000 }, async () => {
    const { jobId, file } = await volumesJob();
    const { fileName } = (await t.call('jw_jd', 'job.result', { jobId })).download!;
    const url = `${base}/api/jobs/${jobId}/file`;
    const res = await fetch(url, { headers: { Cookie: await cookieOf('jw_jd') } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(Number(res.headers.get('content-length'))).toBe(fs.statSync(file).size);
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(fileName);
    expect(Buffer.from(await res.arrayBuffer()).equals(fs.readFileSync(file))).toBe(true);

    const other = await fetch(url, { headers: { Cookie: await cookieOf('ga_bar') } });
    expect(other.status).toBe(404);
    expect(((await other.json()) as { error: { message: string } }).error.message).toBe('后台任务不存在或已过期，请重新发起');
    expect((await fetch(url)).status).toBe(401);
    const unknown = await fetch(`${base}/api/jobs/00000000-0000-0000-0000-000000000000/file`, { headers: { Cookie: await cookieOf('jw_jd') } });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { ok: boolean; error: { code: string; message: string } }).error).toEqual({ code: 'NOT_FOUND', message: '后台任务不存在或已过期，请重新发起' });
    // Nothing but a job id reaches the core: a path in its place is not found, and a POST is not a download.
    expect((await fetch(`${base}/api/jobs/..%2F..%2Fseized.sqlite/file`, { headers: { Cookie: await cookieOf('jw_jd') } })).status).toBe(404);
    expect((await fetch(url, { method: 'POST', headers: { Cookie: await cookieOf('jw_jd'), 'X-Seized-Client': '1' } })).status).toBe(404);
    // Expired: gone.
    t.clock.advance(JOB_KEEP_MS);
    expect((await fetch(url, { headers: { Cookie: await cookieOf('jw_jd') } })).status).toBe(404);
  });
});
