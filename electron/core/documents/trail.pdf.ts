/**
 * 流转记录 drawn straight onto pdfkit (the engine under pdfmake), row by row, so a trail of any length is rendered in
 * bounded memory: table rows arrive in pages from the caller, are wrapped with the font's advance widths and drawn at
 * once, and pdfkit writes each finished page out. The layout runs twice over the same rows: a measuring pass records
 * each row's height and counts the pages, the drawing pass replays those heights, so every footer can print 第 x 页 共 y 页.
 * It looks like the pdfmake forms (form.pdf.ts): header, footer with the events-hash QR, grid tables, signatures.
 */
import type { DocMeta } from './document.types';
import { code128Pattern, qrRects } from './barcode';
import { verificationString } from './form.pdf';
import { formatZhDateTime } from './pdf-engine';
import { PdfKitDocument, gray, loadFonts, n2, plainLayout, textOp, type PageFont } from './pdfkit-direct';
import { fitSize, textWidth } from './text-fit';

const PAGE_W = 595.28;
const PAGE_H = 841.89;
const MX = 40;
const CONTENT_W = PAGE_W - 2 * MX;
const TOP = 44;
const FOOTER_H = 86;
const BOTTOM = PAGE_H - FOOTER_H;
const GREY = '#555555';
const FILL = '#eeeeee';
const RULE = '#888888';
const PAD_X = 3;
const PAD_Y = 2;
/** Line step as a multiple of the font size: Noto Sans SC's glyph box is 1.45 em, so lines a little closer still do not overlap by 1 pt. */
const LH = 1.4;

export type TrailTable = {
  title: string;
  columns: string[];
  /** Column widths in pt, without padding; '*' columns share what is left. */
  widths: Array<number | '*'>;
  size: number;
  /** How many rows `rows()` yields; it must yield the same rows on each call (the layout reads them twice). */
  count: number;
  rows(): AsyncIterable<string[][]>;
};

export type TrailSpec = {
  title: string;
  barcode: string | null;
  fields: Array<[string, string]>;
  sections: Array<{ title: string; lines: Array<[string, string]> }>;
  qr: { caption: string; text: string } | null;
  /** The item table (case trails) before the sections, the event table after them. */
  before: TrailTable[];
  after: TrailTable[];
  signatures: Array<{ role: string; name?: string | null }>;
  /** A volume of a longer trail (第 k 册／共 n 册): printed in each page's header. */
  volume?: string;
};

type Line = { text: string; size: number };

/** Splits one cell into lines: ASCII runs (codes, numbers, hashes) stay whole and shrink to fit, other text wraps anywhere. */
export function wrapCell(text: string, width: number, size: number, bold = false): Line[] {
  const out: Line[] = [];
  for (const para of text.split('\n')) {
    let cur = '';
    let curW = 0;
    for (const unit of para.match(/[!-~]+|[\s\S]/gu) ?? []) {
      const w = textWidth(unit, size, bold);
      if (curW + w <= width || cur === '') {
        if (cur === '' && w > width && unit.length > 1) {
          out.push({ text: unit, size: fitSize(unit, width, size, 3.5, bold) });
          continue;
        }
        cur += unit;
        curW += w;
      } else {
        out.push({ text: cur.trimEnd(), size });
        if (unit.trim() === '') {
          cur = '';
          curW = 0;
        } else if (w > width && unit.length > 1) {
          out.push({ text: unit, size: fitSize(unit, width, size, 3.5, bold) });
          cur = '';
          curW = 0;
        } else {
          cur = unit;
          curW = w;
        }
      }
    }
    if (cur !== '' || out.length === 0) out.push({ text: cur, size });
  }
  return out;
}

const lineH = (l: Line) => l.size * LH;
const linesH = (ls: Line[]) => ls.reduce((n, l) => n + lineH(l), 0);

function resolve(widths: Array<number | '*'>): number[] {
  const chrome = widths.length * (2 * PAD_X + 0.5) + 0.5;
  const fixed = widths.reduce<number>((n, w) => n + (typeof w === 'number' ? w : 0), 0);
  const stars = widths.filter((w) => w === '*').length;
  const star = (CONTENT_W - chrome - fixed) / Math.max(1, stars);
  return widths.map((w) => (typeof w === 'number' ? w : star));
}

/**
 * One pass of the layout: `pdf` null measures (recording row heights), otherwise draws with the recorded heights.
 * Drawing writes PDF operators for the page into one string (pdfkit's own text() costs tens of µs a call); glyphs
 * still go through pdfkit's font, so the font is subset and given its ToUnicode map as usual.
 */
class Pass {
  page = 0;
  y = TOP;
  private row = 0;
  private ops: string[] = [];
  private fonts: Record<'R' | 'B', PageFont> | null = null;
  constructor(
    private readonly pdf: PDFKit.PDFDocument | null,
    private readonly heights: number[],
    private readonly onPage: (page: number) => void,
  ) {
    if (pdf) {
      const f = (k: 'R' | 'B') => (pdf.font(k) as unknown as { _font: PageFont })._font;
      this.fonts = { R: f('R'), B: f('B') };
    }
  }

  /** Hands the page's operators to pdfkit (in their own graphics state). */
  flush() {
    if (this.pdf && this.ops.length) this.pdf.addContent(`q\n${this.ops.join('\n')}\nQ`);
    this.ops = [];
  }

  newPage() {
    this.page++;
    this.y = TOP;
    if (this.pdf && this.fonts) {
      this.flush();
      this.pdf.addPage({ size: 'A4', margin: 0 });
      const page = (this.pdf as unknown as { page: { fonts: Record<string, unknown> } }).page;
      for (const f of [this.fonts.R, this.fonts.B]) {
        page.fonts[f.id] = f.ref();
        // pdfkit caches the layout of every word it sets; hashes never repeat, so the cache is emptied page by page.
        if (f.layoutCache) f.layoutCache = Object.create(null) as object;
      }
      this.onPage(this.page);
    }
  }
  fits(h: number) {
    return this.y + h <= BOTTOM;
  }
  ensure(h: number) {
    if (!this.fits(h) && this.y > TOP) this.newPage();
  }

  text(t: string, x: number, y: number, size: number, o: { bold?: boolean; color?: string; width?: number; align?: 'center' | 'right' } = {}) {
    if (!this.fonts || t === '') return;
    const font = o.bold ? this.fonts.B : this.fonts.R;
    let dx = 0;
    if (o.align && o.width) {
      const w = textWidth(t, size, o.bold);
      dx = Math.max(0, o.align === 'center' ? (o.width - w) / 2 : o.width - w);
    }
    // Baseline: the font's ascender below y.
    const base = y - size * 0.12 + (font.ascender * size) / 1000;
    this.ops.push(textOp(font, t, x + dx, base, size, o.color));
  }

  private rule(x: number, y: number, w: number, h: number, fill?: string) {
    if (fill) this.ops.push(`${gray(fill)} g ${n2(x)} ${n2(y)} ${n2(w)} ${n2(h)} re f`);
    this.ops.push(`0.5 w ${gray(RULE)} G ${n2(x)} ${n2(y)} ${n2(w)} ${n2(h)} re S`);
  }

  line(x1: number, y1: number, x2: number, y2: number, color = '#999999') {
    if (this.fonts) this.ops.push(`0.5 w ${gray(color)} G ${n2(x1)} ${n2(y1)} m ${n2(x2)} ${n2(y2)} l S`);
  }

  /** One table row: cells already wrapped; `h` is the row height. */
  cells(x0: number, widths: number[], cells: Line[][], h: number, o: { bold?: boolean; fill?: boolean; center?: boolean } = {}) {
    if (this.fonts) {
      let x = x0;
      cells.forEach((lines, k) => {
        const w = widths[k]!;
        this.rule(x, this.y, w + 2 * PAD_X, h, o.fill ? FILL : undefined);
        let ty = this.y + PAD_Y;
        for (const l of lines) {
          if (ty + lineH(l) > this.y + h + 0.01) break; // a row grown since it was measured keeps its height
          this.text(l.text, x + PAD_X, ty, l.size, { bold: o.bold, ...(o.center ? { align: 'center', width: w } : {}) });
          ty += lineH(l);
        }
        x += w + 2 * PAD_X;
      });
    }
    this.y += h;
  }

  title(t: string) {
    this.text(t, MX, this.y + 4, 10, { bold: true });
    this.y += 4 + 10 * LH + 2;
  }

  /** A table streamed row by row; its head is repeated on each page; the last row keeps `tail` pt below it. */
  async table(t: TrailTable, tail: number, progress: (n: number) => void | Promise<void>) {
    const widths = resolve(t.widths);
    const head = t.columns.map((c, k) => wrapCell(c, widths[k]!, t.size, true));
    const headH = Math.max(...head.map(linesH)) + 2 * PAD_Y;
    const titleH = 4 + 10 * LH + 2;
    let first = true;
    let i = 0;
    for await (const page of t.rows()) {
      for (const r of page) {
        let h: number;
        let cells: Line[][] | null = null;
        if (this.pdf) h = this.heights[this.row++]!;
        else {
          cells = r.map((c, k) => wrapCell(c, widths[k]!, t.size));
          h = Math.min(BOTTOM - TOP - headH, Math.max(...cells.map(linesH)) + 2 * PAD_Y);
          this.heights.push(h);
        }
        const last = ++i === t.count;
        const need = h + (last ? tail : 0);
        if (first) {
          this.ensure(titleH + headH + need);
          this.title(t.title);
          this.cells(MX, widths, head, headH, { bold: true, fill: true, center: true });
          first = false;
        } else if (!this.fits(need)) {
          this.newPage();
          this.cells(MX, widths, head, headH, { bold: true, fill: true, center: true });
        }
        if (this.pdf) cells = r.map((c, k) => wrapCell(c, widths[k]!, t.size));
        this.cells(MX, widths, cells!, h);
      }
      await progress(page.length);
    }
    if (first) {
      this.ensure(titleH + headH);
      this.title(t.title);
      this.cells(MX, widths, head, headH, { bold: true, fill: true, center: true });
    }
    this.y += 8;
  }

  /** A small table kept whole (header grid, sections). */
  grid(rows: Array<Array<{ text: string; label?: boolean; span?: number }>>, widths: number[], size: number) {
    const laid = rows.map((r) => {
      let k = 0;
      const cells = r.map((c) => {
        const span = c.span ?? 1;
        const w = widths.slice(k, k + span).reduce((n, x) => n + x, 0) + (span - 1) * 2 * PAD_X;
        k += span;
        return { c, w, lines: wrapCell(c.text, w, size, c.label) };
      });
      return { cells, h: Math.max(...cells.map((x) => linesH(x.lines))) + 2 * PAD_Y };
    });
    this.ensure(laid.reduce((n, r) => n + r.h, 0));
    for (const r of laid) {
      if (this.fonts) {
        let x = MX;
        for (const { c, w, lines } of r.cells) {
          this.rule(x, this.y, w + 2 * PAD_X, r.h, c.label ? FILL : undefined);
          let ty = this.y + PAD_Y;
          for (const l of lines) {
            this.text(l.text, x + PAD_X, ty, l.size, { bold: c.label });
            ty += lineH(l);
          }
          x += w + 2 * PAD_X;
        }
      }
      this.y += r.h;
    }
  }

  /** Filled rectangles (barcode bars, QR modules) at an offset, in one path. */
  rects(x: number, y: number, rs: Array<{ x: number; y: number; w: number; h: number }>) {
    if (!this.fonts || rs.length === 0) return;
    this.ops.push(`0 g ${rs.map((r) => `${n2(x + r.x)} ${n2(y + r.y)} ${n2(r.w)} ${n2(r.h)} re`).join(' ')} f`);
  }
}

const HEAD_LABEL_W = 68;

/** The cover blocks and the tables, in order; the same on both passes. */
async function layout(p: Pass, spec: TrailSpec, progress: (n: number) => void | Promise<void>) {
  p.newPage();
  p.text(spec.title, MX, p.y, 18, { bold: true, width: CONTENT_W, align: 'center' });
  p.y += 18 * LH + 4;
  if (spec.barcode && /^[\x20-\x7e]+$/.test(spec.barcode)) {
    const { sbs, modules } = code128Pattern(spec.barcode);
    const width = Math.min(240, modules * 1.1);
    const m = width / modules;
    const x0 = MX + (CONTENT_W - width) / 2;
    const bars: Array<{ x: number; y: number; w: number; h: number }> = [];
    let x = 10;
    sbs.forEach((w, i) => {
      if (i % 2 === 0) bars.push({ x: x * m, y: 0, w: w * m, h: 24 });
      x += w;
    });
    p.rects(x0, p.y, bars);
    p.text(spec.barcode, x0, p.y + 25, fitSize(spec.barcode, width, 8, 3.5), { width, align: 'center' });
    p.y += 24 + 8 * LH + 6;
  }
  // Header grid: label / value pairs, two to a row; a long value takes the whole row.
  const [, valueW] = resolve([HEAD_LABEL_W, '*', HEAD_LABEL_W, '*']) as [number, number];
  const rows: Array<Array<{ text: string; label?: boolean; span?: number }>> = [];
  let pending: [string, string] | null = null;
  for (const [k, v] of spec.fields) {
    if (v.length > 22) {
      if (pending) rows.push([{ text: pending[0], label: true }, { text: pending[1], span: 3 }]);
      pending = null;
      rows.push([{ text: k, label: true }, { text: v, span: 3 }]);
    } else if (pending) {
      rows.push([{ text: pending[0], label: true }, { text: pending[1] }, { text: k, label: true }, { text: v }]);
      pending = null;
    } else pending = [k, v];
  }
  if (pending) rows.push([{ text: pending[0], label: true }, { text: pending[1], span: 3 }]);
  p.y += 4;
  p.grid(rows, [HEAD_LABEL_W, valueW, HEAD_LABEL_W, valueW], 9);
  p.y += 8;
  for (const t of spec.before) await p.table(t, 0, progress);
  for (const s of spec.sections) {
    const keyW = Math.min(170, Math.max(90, Math.ceil(Math.max(...s.lines.map(([k]) => textWidth(k, 9, true))) + 1)));
    const widths = resolve([keyW, '*']);
    p.ensure(4 + 10 * LH + 2 + 2 * (9 * LH + 2 * PAD_Y));
    p.title(s.title);
    p.grid(s.lines.map(([k, v]) => [{ text: k, label: true }, { text: v }]), widths, 9);
    p.y += 6;
  }
  if (spec.qr) {
    p.ensure(80);
    p.y += 2;
    p.rects(MX, p.y, qrRects(spec.qr.text, 72));
    p.text(spec.qr.caption, MX + 78, p.y + 8, 9, { bold: true });
    for (const [i, l] of wrapCell(spec.qr.text, CONTENT_W - 80, 7).entries()) p.text(l.text, MX + 78, p.y + 8 + 9 * LH + i * 7 * LH, l.size, { color: GREY });
    p.y += 80;
  }
  const sigH = spec.signatures.length ? 92 : 0;
  for (const [i, t] of spec.after.entries()) await p.table(t, i === spec.after.length - 1 && sigH ? sigH + 8 : 0, progress); // 8: the space after a table
  if (sigH) {
    p.ensure(sigH);
    p.text('签名确认', MX, p.y + 6, 10, { bold: true });
    p.y += 6 + 10 * LH + 2;
    const per = Math.min(3, spec.signatures.length);
    const w = CONTENT_W / per;
    spec.signatures.slice(0, per).forEach((s, k) => {
      const x = MX + k * w;
      p.text(s.role, x + 4, p.y + 4, 10, { bold: true });
      p.text(`签名：${s.name ? `（${s.name}）` : ''}`, x + 4, p.y + 4 + 10 * LH + 12, 9);
      p.line(x + 34, p.y + 4 + 10 * LH + 12 + 9 * LH + 2, x + 150, p.y + 4 + 10 * LH + 12 + 9 * LH + 2, '#000000');
      p.text('日期：        年      月      日', x + 4, p.y + 4 + 10 * LH + 12 + 9 * LH + 14, 9);
    });
    p.y += sigH - 6 - 10 * LH - 2;
  }
}

export type TrailRender = { pages: number; pdf: Buffer };

/** Measures the trail (pass 1): its page count and each row's height. */
export async function measureTrail(spec: TrailSpec, progress: (n: number) => void | Promise<void>): Promise<{ pages: number; heights: number[] }> {
  const heights: number[] = [];
  const p = new Pass(null, heights, () => undefined);
  await layout(p, spec, progress);
  return { pages: p.page, heights };
}

/** Draws the trail (pass 2) with the heights and page count from measureTrail; pages are written out as they end. */
export async function drawTrail(
  spec: TrailSpec,
  measured: { pages: number; heights: number[] },
  meta: DocMeta,
  opts: { fontDir: string | null; progress: (n: number) => void | Promise<void> },
): Promise<Buffer> {
  const fonts = loadFonts(opts.fontDir);
  const pdf = new PdfKitDocument({}, {}, {}, {}, {
    autoFirstPage: false,
    compress: true,
    info: { Title: `${spec.title} ${meta.serialNo}`, Author: meta.printedBy, Subject: 'audit_trail', Creator: '涉案财物管理系统', Producer: '涉案财物管理系统' },
  });
  pdf.registerFont('R', fonts.regular);
  pdf.registerFont('B', fonts.bold);
  for (const f of ['R', 'B']) plainLayout(pdf.font(f));
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolveEnd, reject) => {
    pdf.on('end', () => resolveEnd());
    pdf.on('error', reject);
  });
  const footQr = qrRects(verificationString(meta), 64);
  const printedAt = formatZhDateTime(meta.printedAt);
  const p: Pass = new Pass(pdf, measured.heights, (page) => {
    p.text(spec.volume ? `涉案财物管理系统　${spec.volume}` : '涉案财物管理系统', MX, 20, 8, { color: GREY });
    p.text(`文书编号：${meta.serialNo}`, MX, 20, 9, { bold: true, width: CONTENT_W, align: 'right' });
    const fy = BOTTOM + 10;
    p.line(MX, fy, MX + CONTENT_W - 72, fy);
    p.text(`第 ${page} 页 共 ${measured.pages} 页`, MX, fy + 3, 9, { bold: true });
    p.text(`打印人：${meta.printedBy}    打印时间：${printedAt}`, MX, fy + 17, 8);
    p.text(`文书编号：${meta.serialNo}    涉及事件：${meta.eventCount} 条`, MX, fy + 30, 8);
    p.text(`事件哈希：${meta.eventsHash}`, MX, fy + 43, 6.5, { color: GREY });
    p.rects(MX + CONTENT_W - 64, fy - 2, footQr);
  });
  await layout(p, spec, opts.progress);
  p.flush();
  pdf.end();
  await ended;
  return Buffer.concat(chunks);
}
