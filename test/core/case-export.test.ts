/** A case's export zip: manifest of SHA-256, events with their own hashes; `cli verify-export` names a changed file. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { makeTestCore, type TestCore } from '../support/test-core';
import { verifyCaseExport } from '../../electron/core/services/exports/case-export';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
let t: TestCore;
let dir: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'seized-export-'));
  t = await makeTestCore({ dataDir: dir });
});
afterEach(() => t.close());

it('exports a case with items, events, the trail PDF and photos; any changed byte is caught and named', { timeout: 60_000 }, async () => {
  const c = await t.call('ga_bar', 'case.create', { caseNo: 'A3716002026110077', name: '导出案' });
  const items = await t.call('ga_bar', 'item.register', {
    caseId: c.id, seizureDocNo: '滨公扣〔2026〕77号', seizedAt: '2026-11-19T01:00:00Z', seizedBy: '李办案',
    items: [{ name: '手机', category: 'electronics', quantity: 1, unit: '部', source: 'seized' }, { name: '现金', category: 'cash', quantity: 1, unit: '沓', cashAmount: 100, source: 'seized' }],
  });
  await t.call('ga_bar', 'photo.add', { itemId: items[0]!.id, mime: 'image/png', base64: PNG });
  const out = await t.call('ga_bar', 'case.exportZip', { caseId: c.id });
  expect(out.fileName).toBe('案件档案-A3716002026110077.zip');
  const buf = Buffer.from(out.base64, 'base64');
  const zip = await JSZip.loadAsync(buf);
  const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as { files: Array<{ path: string }> };
  const paths = manifest.files.map((f) => f.path);
  expect(paths).toContain('items.xlsx');
  expect(paths).toContain('events.jsonl');
  expect(paths.filter((p) => p.startsWith('photos/'))).toEqual([expect.stringMatching(/^photos\/371600-2026-000001-[0-9a-f]{12}\.png$/)]);
  const pdf = paths.find((p) => p.startsWith('documents/') && p.endsWith('.pdf'))!;
  expect(pdf).toBeTruthy();
  const ok = await verifyCaseExport(buf);
  expect(ok).toMatchObject({ ok: true, problems: [] });
  expect(ok.events).toBe(await t.eventCount()); // two REGISTERED, the photo, and the trail PDF's issue

  const bytes = await zip.file(pdf)!.async('nodebuffer');
  const mid = Math.floor(bytes.length / 2);
  bytes[mid] = bytes[mid]! ^ 1;
  zip.file(pdf, bytes);
  const changedPdf = await zip.generateAsync({ type: 'nodebuffer' });
  expect((await verifyCaseExport(changedPdf)).problems).toEqual([`${pdf}：SHA-256 与清单不符（文件被改动）`]);

  const file = join(dir, 'changed.zip');
  writeFileSync(file, changedPdf);
  const cli = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', 'verify-export', file], { encoding: 'utf8', timeout: 60_000 });
  expect(cli.status).toBe(1);
  expect(cli.stderr).toContain(pdf);
  const good = join(dir, 'good.zip');
  writeFileSync(good, buf);
  const pass = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', 'verify-export', good], { encoding: 'utf8', timeout: 60_000 });
  expect(pass.stdout).toContain('核对通过');

  // An event edited inside events.jsonl, with the manifest re-signed to match: its own hash still gives it away.
  const z2 = await JSZip.loadAsync(buf);
  const lines = (await z2.file('events.jsonl')!.async('string')).replace('手机', '手表');
  z2.file('events.jsonl', lines);
  const m2 = JSON.parse(await z2.file('manifest.json')!.async('string')) as { files: Array<{ path: string; sha256: string }> };
  const { createHash } = await import('node:crypto');
  m2.files.find((f) => f.path === 'events.jsonl')!.sha256 = createHash('sha256').update(lines).digest('hex');
  z2.file('manifest.json', JSON.stringify(m2));
  const forged = await verifyCaseExport(await z2.generateAsync({ type: 'nodebuffer' }));
  expect(forged.ok).toBe(false);
  expect(forged.problems[0]).toMatch(/^events\.jsonl：事件 #\d+（id \d+）与其哈希不符/);
});
