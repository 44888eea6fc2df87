/**
 * Trails of any scope above one volume (issue 12 part 5): printed as volumes (分册) in one zip. A small volume size
 * stands in for the 200,000 events of a real volume: each volume is a complete document, the volumes cover the
 * scope's events consecutively without gap or overlap, and each volume's serial checks against the ledger.
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/test-core';
import { agencyId, jobFileBytes, registerPhones, runJob } from '../support/job-kit';
import { pdfText, requireTools, tempDir, writePdf } from './documents/pdf-tools';
import { asUser } from './request-fixtures';
import { scopeTrailSize } from '../../electron/core/documents/scope-trail.size';

let t: TestCore;
let dir: string;
beforeEach(async () => {
  requireTools();
  dir = tempDir('scope-volumes-');
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


const policeSeqs = async (police: number, upTo: number) =>
  (
    await t.core.store.db
      .selectFrom('custody_events')
      .select('seq')
      .where((eb) => eb.or([eb('agency_from_id', '=', police), eb('agency_to_id', '=', police)]))
      .where('seq', '<=', upTo)
      .orderBy('seq')
      .execute()
  ).map((r) => r.seq);

describe('scope trails in volumes', () => {
  it('prints an agency trail of 8 events as 3 volumes of at most 3, in one zip with a 目录', { timeout: 120_000 }, async () => {
    // The police agency's events are not consecutive in the ledger: the procuratorate registers in between.
    await register(4);
    await register(2, 'jc_bar');
    await register(4);
    const police = await agencyId(t, '371600');
    const head = await t.eventCount();
    const expected = await policeSeqs(police, head);
    expect(expected).toHaveLength(8);
    expect(await t.call('jw_jd', 'trail.scopeSize', { scope: 'agency', agencyId: police })).toEqual({ events: 8, perVolume: 200_000, volumes: 1, tooLarge: false });

    const status = await runJob(t, 'jw_jd', { kind: 'scope.trail', scope: 'agency', agencyId: police, volumeSize: 3 });
    // Progress covers all volumes: 8 events in all.
    expect(status).toMatchObject({ state: 'done', done: 8, total: 8 });
    // The zip is a job file on disk: the result refers to it and carries no base64.
    const result = await t.call('jw_jd', 'job.result', { jobId: status.jobId });
    expect(result.file).toBeNull();
    expect(result.download).toMatchObject({ mime: 'application/zip' });
    expect(result.download!.fileName).toMatch(/^单位涉案财物流转记录-共3册-序号\d+至\d+\.zip$/);
    const zip = await JSZip.loadAsync(await jobFileBytes(t, 'jw_jd', status.jobId));
    const names = Object.keys(zip.files).sort();
    expect(names).toHaveLength(4);
    expect(names).toContain('目录.txt');
    const pdfs = names.filter((n) => n.endsWith('.pdf'));
    expect(pdfs.map((n) => n.slice(0, 4))).toEqual(['第1册-', '第2册-', '第3册-']);

    const covered: number[] = [];
    const toc = await zip.file('目录.txt')!.async('string');
    for (const [i, name] of pdfs.entries()) {
      const k = i + 1;
      const serial = name.slice(4, -4);
      const doc = await t.core.store.db.selectFrom('documents').selectAll().where('serial_no', '=', serial).executeTakeFirstOrThrow();
      const seqs = (await t.core.store.db.selectFrom('document_covers').select('seq').where('serial_no', '=', serial).orderBy('seq').execute()).map((r) => r.seq);
      expect(seqs).toHaveLength(k < 3 ? 3 : 2);
      expect(doc.event_count).toBe(seqs.length);
      covered.push(...seqs);
      const text = pdfText(writePdf(dir, name, await zip.file(name)!.async('nodebuffer')));
      expect(text).toContain(`第 ${k} 册／共 3 册`);
      expect(text).toContain('单位涉案财物流转记录');
      expect(text).toContain('滨州市公安局');
      expect(text).toContain(`${seqs[0]}–${seqs.at(-1)}`);
      expect(text).toContain(`文书编号：${serial}`);
      expect(text).toMatch(/第\s*1\s*页\s*共\s*\d+\s*页/);
      expect(text).toContain(`${seqs.length} 条（序号 ${seqs[0]}–${seqs.at(-1)}）`);
      // Its events-hash QR, and its serial typed in, check against the ledger.
      const check = await t.call('jw_jd', 'document.check', { text: `LEDGER|${serial}|${doc.events_hash}|${doc.event_count}` });
      expect(check).toMatchObject({ ok: true, eventCount: seqs.length });
      expect(check.message).toContain('与账本一致');
      expect(check.title).toContain(`第 ${k} 册／共 3 册`);
      expect((await t.call('jw_jd', 'document.check', { text: serial })).ok).toBe(true);
      expect(toc).toContain(`第 ${k} 册／共 3 册\t${name}\t${serial}\t${seqs.length} 条\t${seqs[0]}–${seqs.at(-1)}`);
    }
    // Consecutive: together exactly the police events up to the head at the start, in order, none twice.
    expect(covered).toEqual(expected);
    expect(toc).toContain('共 8 条');
  });

  it('prints one volume as a plain PDF, sizes a period, and refuses more volumes than a job holds', { timeout: 120_000 }, async () => {
    const from = t.clock.now.toISOString();
    await register(3);
    const to = t.clock.now.toISOString();
    await register(2, 'jc_bar');
    expect(await t.call('jw_jd', 'trail.scopeSize', { scope: 'period', from, to })).toMatchObject({ events: 3, volumes: 1 });
    expect(await t.call('jw_jd', 'trail.scopeSize', { scope: 'period', from })).toMatchObject({ events: 5, volumes: 1 });
    const one = await runJob(t, 'jw_jd', { kind: 'scope.trail', scope: 'period', from, to, volumeSize: 3 });
    expect(one).toMatchObject({ state: 'done', total: 3 });
    const file = (await t.call('jw_jd', 'job.result', { jobId: one.jobId })).file!;
    expect(file.mime).toBe('application/pdf');
    const text = pdfText(writePdf(dir, 'one.pdf', file.base64));
    expect(text).toContain('期间涉案财物流转记录');
    expect(text).not.toContain('册／共');

    // A period over two volumes: its volumes state their time ranges.
    const two = await runJob(t, 'jw_jd', { kind: 'scope.trail', scope: 'period', from, volumeSize: 3 });
    expect(two).toMatchObject({ state: 'done', total: 6 }); // the 5 registrations and the print above
    const zip = await JSZip.loadAsync(await jobFileBytes(t, 'jw_jd', two.jobId));
    const first = Object.keys(zip.files).filter((n) => n.endsWith('.pdf')).sort()[0]!;
    expect(pdfText(writePdf(dir, 'v1.pdf', await zip.file(first)!.async('nodebuffer')))).toMatch(/本册事件时间[\s\S]*2026年11月20日/);

    await register(49);
    expect(await t.call('jw_jd', 'trail.scopeSize', { scope: 'period', from })).toMatchObject({ events: 57, tooLarge: false });
    const refused = await runJob(t, 'jw_jd', { kind: 'scope.trail', scope: 'period', from, volumeSize: 1 });
    expect(refused).toMatchObject({ state: 'failed', error: { code: 'CONFLICT' } });
    expect(refused.error!.message).toContain('至多 50 册');
    expect(await t.fail('ga_sp', 'trail.scopeSize', { scope: 'period', from })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('estimates an agency share of a long range from sampled windows (exact below the bound)', { timeout: 120_000 }, async () => {
    // Police and procuratorate registrations alternate 3 : 1, so the police share of the ledger is about 3/4.
    for (let k = 0; k < 4; k++) {
      await register(6);
      await register(2, 'jc_bar');
    }
    const police = await agencyId(t, '371600');
    const exact = (await policeSeqs(police, await t.eventCount())).length;
    const size = (sampling: { above: number; windows: number; window: number }) =>
      asUser(t, 'jw_jd', (ctx) => scopeTrailSize(ctx, { scope: 'agency', agencyId: police }, 200_000, sampling));
    expect((await size({ above: 10_000, windows: 4, window: 4 })).events).toBe(exact);
    // Two windows of one 8-event round each (rounds 1 and 3): 12 police events in 16 sampled, scaled to the range.
    const head = await t.eventCount();
    expect(head % 8).toBe(0);
    expect((await size({ above: 4, windows: head / 16, window: 8 })).events).toBe(Math.round((12 / 16) * head));
  });
});
