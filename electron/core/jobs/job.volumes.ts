/**
 * The scope.trail job: one volume's worth of events or fewer prints as one PDF, as before; a longer scope prints
 * volume after volume (each measured, issued and drawn on its own, so memory holds one volume's layout at a time)
 * and delivers them as one zip with a 目录 listing each volume's file, serial, events and range. The zip goes to the
 * job's file on disk (job.files.ts): each volume PDF is written out as soon as it is drawn, and the zip is streamed
 * from those files into the job file, so neither the zip nor its base64 is ever held in memory.
 */
import { createReadStream, createWriteStream, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import JSZip from 'jszip';
import type { FileOut } from '../../../shared/api/common.schemas';
import type { JobDownload, JobInput } from '../../../shared/api/job.contract';
import { AppError } from '../errors';
import { formatZhDateTime } from '../documents/pdf-engine';
import { scopeVolumes, volumeLabel, volumePlan } from '../documents/scope-volumes';
import { printTrailPdf } from './job.trail';
import type { TaskEnv } from './job.tasks';

export const TOC_FILE = '目录.txt';
/** A one-document trail this large or larger goes to disk too (CoreConfig.jobFileMinBytes). */
export const JOB_FILE_MIN_BYTES = 8 * 1024 * 1024;

/** One volume or fewer: the PDF, whole (on disk when large); more: the zip of the volumes, on disk at `env.filePath`. */
export async function printScopeTrail(env: TaskEnv, input: Extract<JobInput, { kind: 'scope.trail' }>): Promise<{ file: FileOut } | { download: JobDownload }> {
  const { ctx } = env;
  const sv = await scopeVolumes(ctx, input, input.volumeSize);
  const out = env.filePath;
  if (sv.volumes.length <= 1) {
    const t = await printTrailPdf(env, await volumePlan(ctx, sv, null));
    if (!out || t.pdf.length < (ctx.config.jobFileMinBytes ?? JOB_FILE_MIN_BYTES)) {
      return { file: { fileName: t.fileName, mime: 'application/pdf', base64: t.pdf.toString('base64'), serialNo: t.serialNo } };
    }
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, t.pdf);
    return { download: { fileName: t.fileName, mime: 'application/pdf', bytes: t.pdf.length, serialNo: t.serialNo } };
  }
  if (!out) throw new AppError('INTERNAL', '分册打印需要任务文件目录');
  mkdirSync(dirname(out), { recursive: true });
  const n = sv.volumes.length;
  const width = String(n).length;
  const zip = new JSZip();
  const rows: string[] = [];
  let offset = 0;
  await env.progress(0, sv.total);
  for (const v of sv.volumes) {
    const plan = await volumePlan(ctx, sv, v);
    const before = offset;
    // Progress runs over all volumes: this volume's events are counted after those of the volumes before it.
    const t = await printTrailPdf({ ...env, progress: (done) => env.progress(before + done, sv.total) }, plan);
    offset += plan.events;
    const file = `第${String(v.k).padStart(width, '0')}册-${t.serialNo}.pdf`;
    // On disk at once: memory holds this volume only. Read back into the zip, it is deleted once read.
    const part = `${out}.v${v.k}.pdf`;
    writeFileSync(part, t.pdf);
    const stream = createReadStream(part);
    stream.once('close', () => rmSync(part, { force: true }));
    zip.file(file, stream);
    rows.push(
      [volumeLabel(v), file, t.serialNo, `${v.count} 条`, `${v.first.seq}–${v.last.seq}`, `${formatZhDateTime(v.first.at)} 至 ${formatZhDateTime(v.last.at)}`, `${t.pages} 页`, t.eventsHash].join('\t'),
    );
  }
  if (offset !== sv.total) throw new AppError('INTERNAL', `各册事件合计 ${offset} 条，与范围内的 ${sv.total} 条不符`);
  const first = sv.volumes[0]!;
  const last = sv.volumes[n - 1]!;
  const toc = [
    `${sv.scope.title}（共 ${n} 册）目录`,
    ...sv.scope.fields.map(([k, v]) => `${k}：${v}`),
    `事件：共 ${sv.total} 条，序号 ${first.first.seq}–${last.last.seq}（打印开始时的链头为第 ${sv.upTo} 号事件），每册至多 ${sv.perVolume} 条`,
    `打印人：${ctx.user.displayName}（${ctx.user.agencyName}）    打印时间：${formatZhDateTime(ctx.now)}`,
    '',
    ['册次', '文件', '文书编号', '事件数', '事件序号', '事件时间', '页数', '事件哈希'].join('\t'),
    ...rows,
    '',
    '各册各自有文书编号与事件哈希二维码，可在「账本校验与审计 → 核对纸质文书」中扫码或输入文书编号，与账本核对。',
  ];
  // UTF-8 with a byte-order mark and CRLF, so Windows Notepad shows the Chinese.
  zip.file(TOC_FILE, `\ufeff${toc.join('\r\n')}\r\n`);
  // The PDFs are compressed already: stored, not deflated again; streamFiles: each entry is streamed through (its
  // CRC and size follow it in a data descriptor), not gathered first.
  await pipeline(zip.generateNodeStream({ type: 'nodebuffer', compression: 'STORE', streamFiles: true }), createWriteStream(out));
  await env.progress(sv.total, sv.total);
  return {
    download: { fileName: `${sv.scope.title}-共${n}册-序号${first.first.seq}至${last.last.seq}.zip`, mime: 'application/zip', bytes: statSync(out).size },
  };
}
