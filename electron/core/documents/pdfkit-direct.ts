/**
 * PDF operators written straight onto pdfkit (the engine under pdfmake), for documents with many pages (trails,
 * labels): text is set through the embedded font's cmap (no OpenType shaping), so the font is still subset and
 * given its ToUnicode map, but a line costs a string, not a pdfkit text() call.
 */
import fs from 'node:fs';
import pdfKitModule from 'pdfmake/js/PDFDocument.js';
import { resolveFonts } from './pdf-engine';

// CommonJS with `exports.default`: the class is the default export's `default`.
export const PdfKitDocument = ((pdfKitModule as unknown as { default?: typeof pdfKitModule }).default ?? pdfKitModule) as typeof pdfKitModule;

type Fonts = { regular: Buffer; bold: Buffer };
let fontCache: { dir: string; fonts: Fonts } | null = null;
/** Noto Sans SC Regular and Bold, read once per process (per font folder). */
export function loadFonts(fontDir: string | null): Fonts {
  const key = fontDir ?? '';
  if (fontCache?.dir !== key) {
    const f = resolveFonts(fontDir);
    fontCache = { dir: key, fonts: { regular: fs.readFileSync(f.regular), bold: fs.readFileSync(f.bold) } };
  }
  return fontCache.fonts;
}

type Glyph = { id: number; advanceWidth: number; codePoints: number[] };
type Run = { glyphs: Glyph[]; positions: Array<{ xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }>; advanceWidth: number };
type EmbeddedFont = { font: { glyphForCodePoint(cp: number): Glyph }; scale: number; layoutRun(text: string): Run; layoutCache?: object };
/** pdfkit's embedded font as registered on a document: `id` names it in page resources; metrics in 1/1000 em. */
export type PageFont = EmbeddedFont & { id: string; ascender: number; descender: number; ref(): unknown; encode(text: string): [string[], unknown] };

/**
 * Chinese and ASCII need no shaping: each character maps to its glyph through the font's cmap. pdfkit would run
 * fontkit's OpenType layout on every string (most of the drawing time); this sets glyphs directly. Words matching
 * `shaped` still go through fontkit (e.g. an ellipsis after Latin text takes the font's Latin glyph, dots on the baseline).
 */
export function plainLayout(doc: PDFKit.PDFDocument, shaped?: RegExp) {
  const f = (doc as unknown as { _font: EmbeddedFont })._font;
  const fontkitRun = f.layoutRun.bind(f);
  f.layoutRun = (text: string): Run => {
    if (shaped?.test(text)) return fontkitRun(text);
    const glyphs: Glyph[] = [];
    const positions: Run['positions'] = [];
    let advanceWidth = 0;
    for (const ch of text) {
      const g = f.font.glyphForCodePoint(ch.codePointAt(0)!);
      const a = g.advanceWidth * f.scale;
      glyphs.push(g);
      positions.push({ xAdvance: a, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: a });
      advanceWidth += a;
    }
    return { glyphs, positions, advanceWidth };
  };
}

export const n2 = (x: number) => (Math.round(x * 100) / 100).toString();
export const gray = (hex: string) => n2(parseInt(hex.slice(1, 3), 16) / 255);

/** The registered font behind a name ('R', 'B') of a document. */
export function pageFont(pdf: PDFKit.PDFDocument, name: string): PageFont {
  return (pdf.font(name) as unknown as { _font: PageFont })._font;
}

/** Advance width in pt of `t` in `font` at `size` (cmap advances, as plainLayout sets them). */
export function fontWidth(font: PageFont, t: string, size: number): number {
  let w = 0;
  for (const ch of t) w += font.font.glyphForCodePoint(ch.codePointAt(0)!).advanceWidth * font.scale;
  return (w * size) / 1000;
}

/**
 * One line of text as operators, its baseline at `base` on a y-down page (pdfkit flips the page; the text matrix
 * flips the glyphs back). Spaces become gaps: text extractors read a gap as a space, a space glyph they drop.
 */
export function textOp(font: PageFont, t: string, x: number, base: number, size: number, color = '#000000'): string {
  const space = -Math.round(font.font.glyphForCodePoint(32).advanceWidth * font.scale);
  const runs = t.split(' ').map((part) => (part ? `<${font.encode(part)[0].join('')}>` : ''));
  return `BT /${font.id} ${n2(size)} Tf ${gray(color)} g 1 0 0 -1 ${n2(x)} ${n2(base)} Tm [${runs.join(` ${space} `)}] TJ ET`;
}

const n3 = (x: number) => (Math.round(x * 1000) / 1000).toString();

/** Filled rectangles (barcode bars, QR modules) at an offset, in one path; to 0.001 pt (bars of a long code are 0.3 pt). */
export function rectsOp(x: number, y: number, rs: ReadonlyArray<{ x: number; y: number; w: number; h: number }>): string {
  return `0 g ${rs.map((r) => `${n3(x + r.x)} ${n3(y + r.y)} ${n3(r.w)} ${n3(r.h)} re`).join(' ')} f`;
}

/** A pdfkit document with Noto Sans SC as 'R' and 'B' (plain layout, `shaped` words aside), collecting its output; `done()` ends it. */
export function openPdf(fontDir: string | null, info: Record<string, string>, shaped?: RegExp) {
  const fonts = loadFonts(fontDir);
  const pdf = new PdfKitDocument({}, {}, {}, {}, { autoFirstPage: false, compress: true, info: { Creator: '涉案财物管理系统', Producer: '涉案财物管理系统', ...info } });
  pdf.registerFont('R', fonts.regular);
  pdf.registerFont('B', fonts.bold);
  for (const f of ['R', 'B']) plainLayout(pdf.font(f), shaped);
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolveEnd, reject) => {
    pdf.on('end', () => resolveEnd());
    pdf.on('error', reject);
  });
  return {
    pdf,
    async done(): Promise<Buffer> {
      pdf.end();
      await ended;
      return Buffer.concat(chunks);
    },
  };
}

/** Adds a page and names the fonts in its resources (operators written with addContent use them directly). */
export function addPage(pdf: PDFKit.PDFDocument, size: 'A4' | [number, number], fonts: PageFont[]) {
  pdf.addPage({ size, margin: 0 });
  const page = (pdf as unknown as { page: { fonts: Record<string, unknown> } }).page;
  for (const f of fonts) page.fonts[f.id] = f.ref();
}
