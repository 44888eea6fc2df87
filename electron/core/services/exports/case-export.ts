/**
 * A case's full record as one zip for a court or another system: items.xlsx, events.jsonl (the ledger rows, each
 * with its own hash), the case trail PDF, the photos, and manifest.json with every file's SHA-256.
 * verifyCaseExport checks a received zip against its manifest and each event against its own hash.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Ctx } from '../../context';
import type { FileOut } from '../../../../shared/api/common.schemas';
import { canSeeCase, notVisible } from '../../access/visibility';
import { exportItems } from '../items/export.service';
import { inlineFile } from '../../jobs/job.inline';
import { hashEvent, type HashedFields } from '../../ledger/ledger.canonical';
import { AppError } from '../../errors';

const sha256 = (b: Buffer | Uint8Array) => createHash('sha256').update(b).digest('hex');
const PHOTO_EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };
export const MANIFEST = 'manifest.json';

export type Manifest = { format: 'seized-case-export-v1'; caseNo: string; caseName: string; exportedAt: string; exportedBy: string; files: Array<{ path: string; sha256: string; bytes: number }> };

export type ZipOptions = {
  /** Issues the case trail PDF (a job issues it through its own write path); default: in this transaction. */
  trail?: () => Promise<FileOut>;
  /** Steps done of all: the items sheet, the trail, the events, each photo, the zip. */
  progress?: (done: number, total: number) => void | Promise<void>;
};

export async function exportCaseZip(ctx: Ctx, caseId: number, opts: ZipOptions = {}): Promise<FileOut> {
  const kase = await ctx.db.selectFrom('cases').select(['case_no', 'name']).where('id', '=', caseId).executeTakeFirst();
  if (!kase || !(await canSeeCase(ctx, caseId))) throw notVisible('案件');
  const zip = new JSZip();
  const files: Manifest['files'] = [];
  const add = (path: string, data: Buffer) => {
    zip.file(path, data);
    files.push({ path, sha256: sha256(data), bytes: data.length });
  };
  const photos = await ctx.db
    .selectFrom('item_photos as p')
    .innerJoin('items as i', 'i.id', 'p.item_id')
    .select(['p.sha256', 'p.mime', 'i.code'])
    .where('i.case_id', '=', caseId)
    .orderBy('p.id')
    .execute();
  const steps = 4 + photos.length;
  let step = 0;
  const stepDone = () => opts.progress?.(++step, steps);
  await opts.progress?.(0, steps);
  const xlsx = await exportItems(ctx, { caseId });
  add('items.xlsx', Buffer.from(xlsx.base64, 'base64'));
  await stepDone();
  // The trail PDF is issued first, so its own RECEIPT_PRINTED event is in the exported ledger rows.
  const trail = await (opts.trail ?? (() => inlineFile(ctx, { kind: 'case.trail', caseId })))();
  add(`documents/${trail.fileName}`, Buffer.from(trail.base64, 'base64'));
  await stepDone();
  const events = await ctx.db.selectFrom('custody_events').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
  add('events.jsonl', Buffer.from(events.map((e) => JSON.stringify(e)).join('\n') + '\n'));
  await stepDone();
  for (const p of photos) {
    if (!ctx.config.dataDir) break;
    const ext = PHOTO_EXT[p.mime] ?? 'bin';
    const data = await readFile(join(ctx.config.dataDir, 'photos', `${p.sha256}.${ext}`)).catch(() => null);
    if (!data) throw new AppError('INTERNAL', `照片文件缺失：${p.code} 的照片 ${p.sha256.slice(0, 12)}…`);
    add(`photos/${p.code}-${p.sha256.slice(0, 12)}.${ext}`, data);
    await stepDone();
  }
  const manifest: Manifest = { format: 'seized-case-export-v1', caseNo: kase.case_no, caseName: kase.name, exportedAt: ctx.now, exportedBy: `${ctx.user.displayName}（${ctx.user.agencyName}）`, files };
  zip.file(MANIFEST, JSON.stringify(manifest, null, 2));
  const buf = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  await opts.progress?.(steps, steps);
  return { fileName: `案件档案-${kase.case_no}.zip`, mime: 'application/zip', base64: buf.toString('base64') };
}

export type ExportCheck = { ok: boolean; files: number; events: number; problems: string[] };

/** Every manifest entry present with its SHA-256, no file outside the manifest, every event matching its own hash. */
export async function verifyCaseExport(buf: Buffer): Promise<ExportCheck> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf);
  } catch {
    return { ok: false, files: 0, events: 0, problems: ['不是有效的 zip 文件'] };
  }
  const m = zip.file(MANIFEST);
  if (!m) return { ok: false, files: 0, events: 0, problems: [`缺少 ${MANIFEST}`] };
  const manifest = JSON.parse(await m.async('string')) as Manifest;
  const problems: string[] = [];
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const f of manifest.files) {
    const entry = zip.file(f.path);
    if (!entry) problems.push(`${f.path}：清单中有此文件，但压缩包里没有`);
    else if (sha256(await entry.async('nodebuffer')) !== f.sha256) problems.push(`${f.path}：SHA-256 与清单不符（文件被改动）`);
  }
  zip.forEach((path, entry) => {
    if (!entry.dir && path !== MANIFEST && !listed.has(path)) problems.push(`${path}：不在清单中`);
  });
  let events = 0;
  const ev = zip.file('events.jsonl');
  if (ev) {
    for (const line of (await ev.async('string')).split('\n').filter(Boolean)) {
      const row = JSON.parse(line) as HashedFields & { id: number; hash: string };
      events++;
      const { id, hash, ...fields } = row;
      if (hashEvent(fields) !== hash) problems.push(`events.jsonl：事件 #${row.seq}（id ${id}）与其哈希不符（内容被改动）`);
    }
  }
  return { ok: problems.length === 0, files: manifest.files.length, events, problems };
}
