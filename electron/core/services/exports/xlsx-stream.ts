/**
 * The one Excel export runner behind every list export: exceljs's streaming WorkbookWriter, rows fed in batches
 * from an async source and committed as they come, so memory holds one batch, not the list (100,000 rows stay
 * bounded). Each export supplies its sheets (Chinese headers, a value per column) and a 导出说明 sheet's lines.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../context';
import type { FileOut } from '../../../../shared/api/common.schemas';
import { badInput } from '../../errors';
import { fmtLocal } from '../custody/custody.lookup';

export type Cell = string | number | null | undefined;
export type XlsxColumn<T> = { header: string; width: number; value: (row: T) => Cell };
/** A sheet: its columns and its rows in batches (each batch is written and dropped before the next is read). */
export type XlsxSheet<T> = { name: string; columns: Array<XlsxColumn<T>>; batches: AsyncIterable<T[]> };
type AnySheet = { name: string; headers: Array<{ header: string; width: number }>; rows: AsyncIterable<Cell[][]>; autoFilter: boolean };

/** Erases a sheet's row type: its batches become rows of cells. */
export function sheet<T>(s: XlsxSheet<T>): AnySheet {
  const { columns, batches } = s;
  async function* rows() {
    for await (const batch of batches) yield batch.map((r) => columns.map((c) => c.value(r)));
  }
  return { name: s.name, headers: columns.map(({ header, width }) => ({ header, width })), rows: rows(), autoFilter: true };
}

/** A small sheet whose rows are already at hand (a report's tables): one batch, no filter buttons. */
export function fixedSheet(name: string, headers: string[], widths: number[], rows: Cell[][]): AnySheet {
  async function* one() {
    yield rows;
  }
  return { name, headers: headers.map((header, k) => ({ header, width: widths[k]! })), rows: one(), autoFilter: false };
}

/** Rows an export may hold. */
export const LIST_EXPORT_MAX_ROWS = 100_000;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 2026-12-04 16:05 (Beijing) → 20261204-1605. */
export const stampOf = (iso: string) => fmtLocal(iso).replace(/[-: ]/g, '').replace(/^(\d{8})(\d{4})$/, '$1-$2');

/** Refuses a list over the row limit before anything is built. */
export function checkRowLimit(total: number, what: string, unit = '条') {
  if (total > LIST_EXPORT_MAX_ROWS) {
    throw badInput(`符合条件的${what}共 ${total} ${unit}，超过单次导出上限 ${LIST_EXPORT_MAX_ROWS} ${unit}，请缩小筛选范围后分批导出`);
  }
}

export type XlsxExport = {
  /** The file name without the stamp and extension, e.g. 申请单列表. */
  title: string;
  sheets: AnySheet[];
  /** Rows in all (for progress; 0 while unknown). */
  total: number;
  /** Extra lines of the 导出说明 sheet (who and when are added). */
  info: Array<[string, string | number]>;
  onProgress?: (done: number, total: number) => void | Promise<void>;
};

/**
 * Streams sheets into one workbook and returns its bytes; `info` (when given) is a last sheet of lines without a
 * header. Reports rows done after each batch.
 */
export async function writeWorkbook(
  ctx: Ctx,
  sheets: AnySheet[],
  opts: { info?: { name: string; lines: Array<[string, string | number]> }; total?: number; onProgress?: XlsxExport['onProgress'] } = {},
): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => out.on('end', resolve).on('error', reject));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = ctx.user.displayName;
  wb.created = new Date(ctx.now);
  const total = opts.total ?? 0;
  let done = 0;
  await opts.onProgress?.(0, total);
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = s.headers.map((c) => ({ width: c.width }));
    if (s.autoFilter) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: s.headers.length } };
    const head = ws.addRow(s.headers.map((c) => c.header));
    head.font = { bold: true };
    head.commit();
    for await (const batch of s.rows) {
      for (const cells of batch) ws.addRow(cells.map((c) => c ?? '')).commit();
      done += batch.length;
      // A list whose first count was only an estimate stops at the limit too.
      checkRowLimit(done, '记录');
      await opts.onProgress?.(done, Math.max(total, done));
    }
    ws.commit();
  }
  if (opts.info) {
    const info = wb.addWorksheet(opts.info.name);
    info.columns = [{ width: 14 }, { width: 60 }];
    for (const line of opts.info.lines) info.addRow(line).commit();
    info.commit();
  }
  await wb.commit();
  await ended;
  return Buffer.concat(chunks);
}

/** Writes a list export: its sheets and a 导出说明 sheet (who, when, the export's lines, the time zone). */
export async function writeXlsx(ctx: Ctx, x: XlsxExport): Promise<FileOut> {
  const lines: Array<[string, string | number]> = [
    ['导出人', `${ctx.user.displayName}（${ctx.user.agencyName}）`],
    ['导出时间', fmtLocal(ctx.now)],
    ...x.info,
    ['时间说明', '时间均为北京时间（UTC+8）'],
  ];
  const bytes = await writeWorkbook(ctx, x.sheets, { info: { name: '导出说明', lines }, total: x.total, onProgress: x.onProgress });
  return { fileName: `${x.title}-${stampOf(ctx.now)}.xlsx`, mime: XLSX_MIME, base64: bytes.toString('base64') };
}

/** Pages through a keyset list: `page(cursor)` returns its rows and the next cursor (null at the end). */
export async function* pages<T, C>(first: C | undefined, page: (cursor: C | undefined) => Promise<{ rows: T[]; next: C | null }>): AsyncIterable<T[]> {
  let cursor = first;
  for (;;) {
    const p = await page(cursor);
    if (p.rows.length) yield p.rows;
    if (p.next === null || p.rows.length === 0) return;
    cursor = p.next;
  }
}
