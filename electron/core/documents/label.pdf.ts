/** Item and location labels: 60×40 (default), 100×50, 40×30 mm rolls, or an A4 sheet of 3×7 labels. */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { code128Block, qrCanvas } from './barcode';
import { formatZhDate, renderPdf } from './pdf-engine';
import type { LABEL_STOCK_VALUES } from '../../../shared/api/document.contract';

export type LabelStock = (typeof LABEL_STOCK_VALUES)[number];
export const LABEL_STOCK_NAMES: Record<LabelStock, string> = {
  '60x40': '60×40 mm',
  '100x50': '100×50 mm',
  '40x30': '40×30 mm',
  a4: 'A4 不干胶（3×7）',
};

export type ItemLabel = { code: string; name: string; caseNo: string; category: string; seizedAt: string };
export type LocationLabel = { code: string; name: string; path: string };

const MM = 72 / 25.4;

/** Sizes in mm (box) and pt (type). */
type Spec = {
  w: number;
  h: number;
  padX: number;
  padY: number;
  name: number;
  info: number;
  qr: number;
  bar: number;
  barText: number;
  maxModuleMm: number;
};
const SPECS: Record<Exclude<LabelStock, 'a4'>, Spec> = {
  '60x40': { w: 60, h: 40, padX: 2.5, padY: 2, name: 9.5, info: 7, qr: 15, bar: 10.5, barText: 7, maxModuleMm: 0.33 },
  '100x50': { w: 100, h: 50, padX: 4, padY: 2.5, name: 13, info: 9, qr: 22, bar: 12, barText: 9, maxModuleMm: 0.4 },
  '40x30': { w: 40, h: 30, padX: 1.2, padY: 1.2, name: 7.5, info: 5.5, qr: 11.5, bar: 7, barText: 5.5, maxModuleMm: 0.25 },
};
/** A4 sheet: 3 columns × 7 rows of 70 × 42.3 mm, each laid out like a 60×40 label. */
const SHEET = { cols: 3, rows: 7, cellW: 70, cellH: 42.3, top: (297 - 7 * 42.3) / 2 };
const SHEET_SPEC: Spec = { ...SPECS['60x40'], w: SHEET.cellW, h: SHEET.cellH, padX: 5, padY: 2.5 };

/** Advance widths in em, a little above Noto Sans SC Bold's real ones, so shortened text never overflows. */
function charEm(ch: string): number {
  const c = ch.codePointAt(0)!;
  if (c >= 0x2e80) return 1; // CJK and full-width punctuation
  if (c >= 0x80) return 0.75;
  if (ch === ' ') return 0.25;
  if (/[MWmw@]/.test(ch)) return 0.93;
  if (/[A-Z%&#]/.test(ch)) return 0.7;
  if (/[ilj.,:;'|!]/.test(ch)) return 0.32;
  return 0.6;
}

/** Estimated width in pt of one line of text. */
export function textWidth(s: string, size: number): number {
  let em = 0;
  for (const ch of s) em += charEm(ch);
  return em * size;
}

/** Shortens text to fit one line of `maxW` pt, ending with an ellipsis when cut. */
export function ellipsize(s: string, maxW: number, size: number): string {
  const text = s.replace(/\s+/g, ' ').trim();
  if (textWidth(text, size) <= maxW) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(`${chars.join('')}…`, size) > maxW) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/** One line: shrinks the type (down to `min`) before cutting. */
function oneLine(s: string, maxW: number, size: number, min: number, bold = false): Content {
  let fs = size;
  while (fs > min && textWidth(s, fs) > maxW) fs -= 0.25;
  return { text: ellipsize(s, maxW, fs), fontSize: fs, bold, lineHeight: 1.05, noWrap: true };
}

export function itemQrPayload(l: ItemLabel): string {
  return `ITEM|${l.code}|${l.caseNo}`;
}

function itemBody(l: ItemLabel, s: Spec): Content {
  const iw = (s.w - 2 * s.padX) * MM;
  const qrPt = s.qr * MM;
  const infoW = iw - qrPt - 3;
  const date = formatZhDate(l.seizedAt);
  const info: Content[] =
    s.w <= 40
      ? [oneLine(l.caseNo, infoW, s.info, 4), oneLine(l.category, infoW, s.info, 4), oneLine(`扣押 ${date}`, infoW, s.info, 4)]
      : [
          oneLine(`案号：${l.caseNo}`, infoW, s.info, 5),
          oneLine(`类别：${l.category}`, infoW, s.info, 5),
          oneLine(`扣押日期：${date}`, infoW, s.info, 5),
        ];
  const bar = code128Block(l.code, { maxWidth: iw, maxModule: s.maxModuleMm * MM, barHeight: s.bar * MM, textSize: s.barText });
  return {
    stack: [
      oneLine(l.name, iw, s.name, s.name, true),
      {
        columns: [
          { width: '*', stack: info, margin: [0, 1.5, 0, 0] },
          { width: qrPt, canvas: qrCanvas(itemQrPayload(l), qrPt).canvas },
        ],
        columnGap: 3,
        margin: [0, 0.5, 0, 1],
      },
      bar.content,
    ],
  };
}

function locationBody(l: LocationLabel, s: Spec): Content {
  const iw = (s.w - 2 * s.padX) * MM;
  const ih = (s.h - 2 * s.padY) * MM;
  const nameSize = s.name * 1.5;
  const bar = code128Block(l.code, { maxWidth: iw, maxModule: s.maxModuleMm * 1.6 * MM, barHeight: ih * 0.42, textSize: s.barText * 1.2 });
  return {
    stack: [
      oneLine(l.path, iw, s.info, 4),
      { ...(oneLine(l.name, iw, nameSize, s.info, true) as object), margin: [0, 1, 0, 2] } as Content,
      bar.content,
    ],
  };
}

/** Lays out label bodies on label-sized pages, or on A4 sheets at fixed cells. */
function labelDocument(bodies: Array<(s: Spec) => Content>, stock: LabelStock, title: string, onProgress?: Progress): TDocumentDefinitions {
  const tick = (i: number) => {
    if (onProgress && (i + 1) % 50 === 0) void onProgress(i + 1, bodies.length);
  };
  if (stock !== 'a4') {
    const s = SPECS[stock];
    return {
      pageSize: { width: s.w * MM, height: s.h * MM },
      pageMargins: [s.padX * MM, s.padY * MM, s.padX * MM, 0],
      info: { title },
      content: bodies.map((b, i) => {
        tick(i);
        return { stack: [b(s)], pageBreak: i > 0 ? 'before' : undefined } as Content;
      }),
    };
  }
  const perPage = SHEET.cols * SHEET.rows;
  const content: Content[] = [];
  bodies.forEach((b, i) => {
    const k = i % perPage;
    if (k === 0 && i > 0) content.push({ text: '', pageBreak: 'before' });
    const x = (SHEET_SPEC.padX + (k % SHEET.cols) * SHEET.cellW) * MM;
    const y = (SHEET.top + SHEET_SPEC.padY + Math.floor(k / SHEET.cols) * SHEET.cellH) * MM;
    const iw = (SHEET.cellW - 2 * SHEET_SPEC.padX) * MM;
    tick(i);
    content.push({
      table: { widths: [iw], body: [[b(SHEET_SPEC)]] },
      layout: { defaultBorder: false, paddingLeft: () => 0, paddingRight: () => 0, paddingTop: () => 0, paddingBottom: () => 0 },
      absolutePosition: { x, y },
    });
  });
  return { pageSize: 'A4', pageMargins: 0, info: { title }, content };
}

/** Labels drawn so far and in all (a job shows it); the last tick comes once the PDF is written. */
type Progress = (done: number, total: number) => void | Promise<void>;
type RenderOpts = { fontDir: string | null; onProgress?: Progress };

export async function renderItemLabels(labels: ItemLabel[], stock: LabelStock, opts: RenderOpts): Promise<Buffer> {
  const doc = labelDocument(labels.map((l) => (s: Spec) => itemBody(l, s)), stock, '物品标签', opts.onProgress);
  return renderPdf(doc, { fontDir: opts.fontDir });
}

export async function renderLocationLabels(labels: LocationLabel[], stock: LabelStock, opts: RenderOpts): Promise<Buffer> {
  const doc = labelDocument(labels.map((l) => (s: Spec) => locationBody(l, s)), stock, '库位标签', opts.onProgress);
  return renderPdf(doc, { fontDir: opts.fontDir });
}
