/**
 * Item and location labels: 60×40 (default), 100×50, 40×30 mm rolls, or an A4 sheet of 3×7 labels. Drawn straight
 * onto pdfkit (barcodes and QR codes as filled rectangles), page by page: 1,000 labels take about a second.
 */
import { code128Rects, qrRects } from './barcode';
import { formatZhDate } from './pdf-engine';
import { addPage, fontWidth, openPdf, pageFont, rectsOp, textOp, type PageFont } from './pdfkit-direct';
import { fitSize } from './text-fit';
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
function oneLine(s: string, maxW: number, size: number, min: number, bold = false): Line {
  let fs = size;
  while (fs > min && textWidth(s, fs) > maxW) fs -= 0.25;
  return { text: ellipsize(s, maxW, fs), size: fs, bold };
}

export function itemQrPayload(l: ItemLabel): string {
  return `ITEM|${l.code}|${l.caseNo}`;
}

type Line = { text: string; size: number; bold: boolean };
type Fonts = Record<'R' | 'B', PageFont>;

/**
 * One page's drawing as PDF operators, placed as pdfmake placed the same label (the layout before this renderer):
 * a line's top at y, its baseline one ascender below, its height the font's line box times `lh`.
 */
class Painter {
  ops: string[] = [];
  constructor(private readonly fonts: Fonts) {}

  /** Draws a line (centred in `center` pt when given) and returns its height. */
  text(l: Line, x: number, y: number, lh: number, center?: number): number {
    const font = l.bold ? this.fonts.B : this.fonts.R;
    const dx = center === undefined ? 0 : (center - fontWidth(font, l.text, l.size)) / 2;
    if (l.text) this.ops.push(textOp(font, l.text, x + dx, y + (font.ascender * l.size) / 1000, l.size));
    return ((font.ascender - font.descender) / 1000) * l.size * lh;
  }

  rects(x: number, y: number, rs: ReadonlyArray<{ x: number; y: number; w: number; h: number }>) {
    if (rs.length) this.ops.push(rectsOp(x, y, rs));
  }

  /** Code 128 centred in `iw` pt, bars no wider than `maxModule` pt, with its text below, never broken. */
  code(text: string, x: number, y: number, iw: number, o: { maxModule: number; barHeight: number; textSize: number }) {
    const { rects, modules } = code128Rects(text, 1, o.barHeight);
    const width = Math.min(iw, modules * o.maxModule);
    const bx = x + (iw - width) / 2;
    this.rects(bx, y, rects.map((r) => ({ ...r, x: r.x * width, w: r.w * width })));
    this.text({ text, size: fitSize(text, width, o.textSize, 3.5), bold: false }, bx, y + o.barHeight + 0.5, 1, width);
  }
}

function itemBody(p: Painter, l: ItemLabel, s: Spec, x: number, y0: number) {
  const iw = (s.w - 2 * s.padX) * MM;
  const qrPt = s.qr * MM;
  const infoW = iw - qrPt - 3;
  const date = formatZhDate(l.seizedAt);
  const info =
    s.w <= 40
      ? [oneLine(l.caseNo, infoW, s.info, 4), oneLine(l.category, infoW, s.info, 4), oneLine(`扣押 ${date}`, infoW, s.info, 4)]
      : [oneLine(`案号：${l.caseNo}`, infoW, s.info, 5), oneLine(`类别：${l.category}`, infoW, s.info, 5), oneLine(`扣押日期：${date}`, infoW, s.info, 5)];
  let y = y0 + p.text(oneLine(l.name, iw, s.name, s.name, true), x, y0, 1.05) + 0.5;
  let yi = y + 1.5;
  for (const line of info) yi += p.text(line, x, yi, 1.05);
  p.rects(x + infoW + 3, y, qrRects(itemQrPayload(l), qrPt));
  y = Math.max(yi, y + qrPt) + 1;
  p.code(l.code, x, y, iw, { maxModule: s.maxModuleMm * MM, barHeight: s.bar * MM, textSize: s.barText });
}

function locationBody(p: Painter, l: LocationLabel, s: Spec, x: number, y0: number) {
  const iw = (s.w - 2 * s.padX) * MM;
  const ih = (s.h - 2 * s.padY) * MM;
  let y = y0 + p.text(oneLine(l.path, iw, s.info, 4), x, y0, 1.05) + 1;
  y += p.text(oneLine(l.name, iw, s.name * 1.5, s.info, true), x, y, 1.05) + 2;
  p.code(l.code, x, y, iw, { maxModule: s.maxModuleMm * 1.6 * MM, barHeight: ih * 0.42, textSize: s.barText * 1.2 });
}

/** Labels drawn so far and in all (a job shows it); the last tick comes once the PDF is written. */
type Progress = (done: number, total: number) => void | Promise<void>;
type RenderOpts = { fontDir: string | null; onProgress?: Progress };
type Body<L> = (p: Painter, l: L, s: Spec, x: number, y: number) => void;

/** Offset of a cell's content on the A4 sheet (the pdfmake layout set each cell in a table with 1 pt rules). */
const SHEET_INSET = 1;
/** Labels between progress ticks (and emptied font layout caches, so memory stays bounded). */
const TICK = 50;

/**
 * Draws labels one page at a time, on label-sized pages or on A4 sheets at fixed cells; pdfkit writes each page
 * out when the next begins.
 */
async function renderLabels<L>(labels: L[], body: Body<L>, stock: LabelStock, title: string, opts: RenderOpts): Promise<Buffer> {
  // A word cut with an ellipsis is shaped as pdfmake shaped it (after Latin text the font has baseline dots).
  const { pdf, done } = openPdf(opts.fontDir, { Title: title }, /…/);
  const fonts: Fonts = { R: pageFont(pdf, 'R'), B: pageFont(pdf, 'B') };
  const perPage = stock === 'a4' ? SHEET.cols * SHEET.rows : 1;
  const size: 'A4' | [number, number] = stock === 'a4' ? 'A4' : [SPECS[stock].w * MM, SPECS[stock].h * MM];
  let p: Painter | null = null;
  const flush = () => {
    if (p?.ops.length) pdf.addContent(`q\n${p.ops.join('\n')}\nQ`);
  };
  for (let i = 0; i < labels.length; i++) {
    const k = i % perPage;
    if (k === 0) {
      flush();
      addPage(pdf, size, [fonts.R, fonts.B]);
      p = new Painter(fonts);
    }
    if (stock === 'a4') {
      const x = (SHEET_SPEC.padX + (k % SHEET.cols) * SHEET.cellW) * MM + SHEET_INSET;
      const y = (SHEET.top + SHEET_SPEC.padY + Math.floor(k / SHEET.cols) * SHEET.cellH) * MM + SHEET_INSET;
      body(p!, labels[i]!, SHEET_SPEC, x, y);
    } else {
      const s = SPECS[stock];
      body(p!, labels[i]!, s, s.padX * MM, s.padY * MM);
    }
    if ((i + 1) % TICK === 0) {
      for (const f of [fonts.R, fonts.B]) if (f.layoutCache) f.layoutCache = Object.create(null) as object;
      if (opts.onProgress) await opts.onProgress(i + 1, labels.length);
    }
  }
  flush();
  const out = await done();
  if (opts.onProgress) await opts.onProgress(labels.length, labels.length);
  return out;
}

export async function renderItemLabels(labels: ItemLabel[], stock: LabelStock, opts: RenderOpts): Promise<Buffer> {
  return renderLabels(labels, itemBody, stock, '物品标签', opts);
}

export async function renderLocationLabels(labels: LocationLabel[], stock: LabelStock, opts: RenderOpts): Promise<Buffer> {
  return renderLabels(labels, locationBody, stock, '库位标签', opts);
}
