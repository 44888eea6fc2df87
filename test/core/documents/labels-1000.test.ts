/**
 * 1,000 item labels in one job (the old limit was 500), drawn as vectors: no raster image in the PDF, and both codes
 * of the first and the last label decode with zbarimg from a 300 dpi rendering.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../../support/test-core';
import type { JobStatus } from '../../../shared/api/job.contract';
import { decodePages, pdfPages, requireTools, tempDir, writePdf } from './pdf-tools';

let t: TestCore;
let dir: string;
beforeAll(async () => {
  requireTools();
  dir = tempDir('labels-1000-');
  t = await makeTestCore({ sqliteFile: path.join(dir, 'seized.sqlite') });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const CASE_NO = '滨公刑立字〔2026〕00777号';

it('renders 1,000 labels in a job as vector barcodes that decode at 300 dpi', async () => {
  const c = await t.call('ga_bar', 'case.create', { caseNo: CASE_NO, name: '团伙盗窃案', cause: '盗窃' });
  const ids: number[] = [];
  for (let b = 0; b < 2; b++) {
    const items = await t.call('ga_bar', 'item.register', {
      caseId: c.id,
      seizureDocNo: '滨公（刑）扣字〔2026〕777号',
      seizedAt: '2026-11-19T20:30:00Z',
      seizedBy: '李办案',
      items: Array.from({ length: 500 }, (_, i) => ({ name: `电动自行车${b * 500 + i + 1}`, category: 'vehicle' as const, quantity: 1, unit: '辆', source: 'seized' as const })),
    });
    ids.push(...items.map((i) => i.id));
  }
  const started = performance.now();
  let s = await t.call('zx_bgy', 'job.start', { kind: 'label.items', itemIds: ids, stock: '60x40' });
  const seen: JobStatus[] = [];
  while (s.state !== 'done' && s.state !== 'failed') {
    await new Promise((r) => setTimeout(r, 50));
    s = await t.call('zx_bgy', 'job.status', { jobId: s.jobId });
    seen.push(s);
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`1,000 labels in a job: ${seconds.toFixed(1)} s`);
  expect(s.state).toBe('done');
  expect(seen.some((x) => x.state === 'running' && x.done > 0 && x.done < 2000 && x.total === 2000)).toBe(true); // progress: 1,000 events written, then 1,000 labels drawn
  const { file } = await t.call('zx_bgy', 'job.result', { jobId: s.jobId });
  const pdf = writePdf(dir, 'labels-1000.pdf', file!.base64);
  expect(pdfPages(pdf)).toBe(1000);
  // Vectors only: pdfimages lists no image at all.
  expect(execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).trim().split('\n')).toHaveLength(2);

  const codes = await t.core.store.db.selectFrom('items').select(['id', 'code']).where('id', 'in', [ids[0]!, ids[999]!]).orderBy('id').execute();
  const [first] = decodePages(pdf, { dpi: 300, first: 1, last: 1 });
  const [last] = decodePages(pdf, { dpi: 300, first: 1000, last: 1000 });
  expect(first!.sort()).toEqual([codes[0]!.code, `ITEM|${codes[0]!.code}|${CASE_NO}`].sort());
  expect(last!.sort()).toEqual([codes[1]!.code, `ITEM|${codes[1]!.code}|${CASE_NO}`].sort());
  expect(await t.core.store.db.selectFrom('custody_events').select('id').where('type', '=', 'LABEL_PRINTED').execute()).toHaveLength(1000);
}, 120_000);
