/**
 * Trails of any scope (issue 12 part 5): an agency, a location subtree, a period; built in a worker from keyset
 * pages. A 10,000-event trail is built while another client keeps writing: their writes keep completing quickly.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/test-core';
import { agencyId, registerPhones, runJob } from '../support/job-kit';
import type { JobStatus } from '../../shared/api/job.contract';

let t: TestCore;
let dir: string;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scope-trail-'));
  t = await makeTestCore({ sqliteFile: path.join(dir, 'seized.sqlite') });
});
afterEach(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Events in the big trail (TRAIL_EVENTS overrides, for a quick local run). */
const N = Number(process.env.TRAIL_EVENTS ?? 10_000);

describe('trails of any scope', () => {
  it('prints an agency, a location or a period; refuses what is not a scope, and needs audit.read', async () => {
    await registerPhones(t, 2);
    t.clock.advance(3600_000);
    const from = t.clock.now.toISOString();
    await registerPhones(t, 3, 'jc_bar');
    const police = await agencyId(t, '371600');
    const agency = await runJob(t, 'jw_jd', { kind: 'scope.trail', scope: 'agency', agencyId: police });
    expect(agency).toMatchObject({ state: 'done', done: 2, total: 2 });
    const period = await runJob(t, 'jw_jd', { kind: 'scope.trail', scope: 'period', from });
    // The period holds the three registrations and the print of the agency trail.
    expect(period).toMatchObject({ state: 'done', total: 4 });
    const store = (await t.core.store.db.selectFrom('locations').select('id').where('code', '=', 'ST-ZX').executeTakeFirstOrThrow()).id;
    // Nothing has been stored yet: the store's trail is printed empty (its document covers no event).
    expect(await runJob(t, 'jw_jd', { kind: 'scope.trail', scope: 'location', locationId: store })).toMatchObject({ state: 'done' });
    const docs = await t.core.store.db.selectFrom('documents').select(['event_count']).orderBy('printed_seq').execute();
    expect(docs.map((d) => d.event_count)).toEqual([2, 4, 0]);

    expect(await runJob(t, 'jw_jd', { kind: 'scope.trail', scope: 'agency' })).toMatchObject({ state: 'failed', error: { code: 'BAD_INPUT', message: '请选择单位' } });
    expect(await runJob(t, 'jw_jd', { kind: 'scope.trail', scope: 'period' })).toMatchObject({ state: 'failed', error: { message: '请选择期间' } });
    // ga_sp has not been idle past the 30-minute session limit the clock jump above would end.
    expect(await t.fail('ga_sp', 'job.start', { kind: 'scope.trail', scope: 'agency', agencyId: police })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('builds a 10,000-event agency trail off the request path while another client keeps writing', { timeout: 900_000 }, async () => {
    for (let i = 0; i < N / 500; i++) await registerPhones(t, 500);
    const police = await agencyId(t, '371600');
    const started = await t.call('jw_jd', 'job.start', { kind: 'scope.trail', scope: 'agency', agencyId: police });
    const latencies: number[] = [];
    let status: JobStatus = started;
    const t0 = Date.now();
    // Another terminal: the procuratorate registers one item after another until the trail is done.
    while (status.state !== 'done' && status.state !== 'failed') {
      const w0 = Date.now();
      await registerPhones(t, 1, 'jc_bar');
      latencies.push(Date.now() - w0);
      // A terminal's requests arrive as I/O: let the worker's messages (progress, its one write) through between them.
      await new Promise((r) => setTimeout(r, 5));
      status = await t.call('jw_jd', 'job.status', { jobId: started.jobId });
      if (process.env.TRAIL_DEBUG) console.log(Date.now() - t0, status.state, status.done, status.total, latencies.at(-1));
    }
    const buildMs = Date.now() - t0;
    expect(status).toMatchObject({ state: 'done', total: N, done: N });
    const result = await t.call('jw_jd', 'job.result', { jobId: started.jobId });
    const pdf = Buffer.from(result.file!.base64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const sorted = [...latencies].sort((a, b) => a - b);
    const p95 = sorted[Math.floor(sorted.length * 0.95)]!;
    console.log(`10,000-event trail: ${buildMs} ms, ${(pdf.length / 1e6).toFixed(1)} MB; ${latencies.length} writes meanwhile, p95 ${p95} ms, max ${sorted.at(-1)} ms`);
    expect(latencies.length).toBeGreaterThanOrEqual(5);
    expect(p95).toBeLessThan(1500);
    // The printed trail checks against the ledger, all 10,000 events.
    const doc = await t.core.store.db.selectFrom('documents').selectAll().where('serial_no', '=', result.file!.serialNo!).executeTakeFirstOrThrow();
    expect(await t.call('jw_jd', 'document.check', { text: `LEDGER|${doc.serial_no}|${doc.events_hash}|${doc.event_count}` })).toMatchObject({ ok: true, eventCount: N });
  });
});
