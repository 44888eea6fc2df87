/**
 * Barcodes as vectors. Code 128: bars from bwip-js's raw output, drawn as pdfmake canvas rectangles (no SVG
 * parsing, no images). QR: pdfmake's own `qr` node for labels; bwip-js SVG for the few on printed forms.
 */
import bwipjs from 'bwip-js/node';
import type { CanvasElement, Content, ContentSvg } from 'pdfmake/interfaces';
// pdfmake's QR encoder (the one behind its `qr` node), CommonJS without typings.
import qrEncModule from 'pdfmake/js/qrEnc.js';
import { fitSize } from './text-fit';

/** An SVG symbol with its natural size (viewBox units), so callers can scale it without distortion. */
export type Symbol = { svg: string; w: number; h: number };

function sized(svg: string): Symbol {
  const m = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  if (!m) throw new Error('bwip-js SVG without viewBox');
  return { svg, w: Number(m[1]), h: Number(m[2]) };
}

/**
 * Code 128 bars only (with the 10-module quiet zones), stretchable to any height: with scale 1 one
 * viewBox unit is one module, so `w` is the module count. The readable text is set in the PDF font.
 */
export function code128Bars(text: string): Symbol {
  const svg = bwipjs.toSVG({ bcid: 'code128', text, scale: 1, height: 5, paddingleft: 10, paddingright: 10 });
  return sized(svg.replace('<svg ', '<svg preserveAspectRatio="none" '));
}

/** Quiet zone each side of Code 128, in modules. */
const QUIET = 10;

/** Bar and space widths in modules (bar first), from bwip-js's raw encoder; `modules` includes the quiet zones. */
export function code128Pattern(text: string): { sbs: number[]; modules: number } {
  const raw = bwipjs.raw('code128', text, {}) as Array<{ sbs?: number[] }>;
  const sbs = raw[0]?.sbs;
  if (!sbs) throw new Error('bwip-js returned no Code 128 pattern');
  return { sbs, modules: sbs.reduce((a, b) => a + b, 0) + 2 * QUIET };
}

type Rect = { x: number; y: number; w: number; h: number };

/** The bars as rectangles across `width` × `height` pt, quiet zones included. */
export function code128Rects(text: string, width: number, height: number): { rects: Rect[]; modules: number } {
  const { sbs, modules } = code128Pattern(text);
  const m = width / modules;
  const rects: Rect[] = [];
  let x = QUIET;
  for (let i = 0; i < sbs.length; i++) {
    if (i % 2 === 0) rects.push({ x: x * m, y: 0, w: sbs[i]! * m, h: height });
    x += sbs[i]!;
  }
  return { rects, modules };
}

/** The bars as canvas rectangles, `width` × `height` pt, quiet zones included. */
export function code128Canvas(text: string, width: number, height: number): { canvas: CanvasElement[]; modules: number } {
  const { rects, modules } = code128Rects(text, width, height);
  const canvas: CanvasElement[] = rects.map((r) => ({ type: 'rect', ...r, color: '#000000', lineWidth: 0 }));
  // An invisible line spanning the full width, so pdfmake measures the quiet zones too.
  canvas.push({ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 0, lineColor: '#ffffff' });
  return { canvas, modules };
}

/** QR quiet zone, in modules. */
const QR_QUIET = 2;

type QrEncoder = { measure(node: { qr: string; fit: number; eccLevel: string; mode: string; mask?: number }): { _canvas: CanvasElement[]; _width: number } };
const qrEnc = ((qrEncModule as { default?: QrEncoder }).default ?? qrEncModule) as QrEncoder;

/** The QR matrix (byte mode, UTF-8, error correction M) from pdfmake's own encoder: rows of dark modules. */
export function qrMatrix(text: string): boolean[][] {
  // pdfmake lays modules out at whole points; at fit 1000 each module is floor(1000 / n) points, one rect per dark module.
  // A fixed mask pattern (any of the eight is valid) spares the encoder scoring all eight: 1,000 codes ~1 s faster.
  const node = qrEnc.measure({ qr: text, fit: 1000, eccLevel: 'M', mode: 'octet', mask: 0 });
  const dark = node._canvas.slice(1) as Array<{ x: number; y: number; w: number }>;
  const mod = dark[0]!.w;
  const n = Math.round(node._width / mod);
  const m = Array.from({ length: n }, () => new Array<boolean>(n).fill(false));
  for (const r of dark) m[Math.round(r.y / mod)]![Math.round(r.x / mod)] = true;
  return m;
}

/**
 * pdfmake's QR drawn as canvas rectangles at any module size (pdfmake's own `qr` node rounds modules down to
 * whole points, too coarse for a 40×30 label): `size` pt square, quiet zone included; each run of dark modules
 * in a row is one rectangle.
 */
export function qrCanvas(text: string, size: number): { canvas: CanvasElement[]; modules: number } {
  const m = qrMatrix(text);
  const modules = m.length + 2 * QR_QUIET;
  const k = size / modules;
  const canvas: CanvasElement[] = [{ type: 'rect', x: 0, y: 0, w: size, h: size, color: '#ffffff', lineWidth: 0 }];
  // Runs of dark modules per row; a run repeated on the rows below grows into one taller rectangle.
  const open = new Map<string, { x: number; y: number; w: number; h: number }>();
  const flush = (key: string) => {
    const r = open.get(key)!;
    open.delete(key);
    canvas.push({ type: 'rect', x: (r.x + QR_QUIET) * k, y: (r.y + QR_QUIET) * k, w: r.w * k, h: r.h * k, color: '#000000', lineWidth: 0 });
  };
  m.forEach((row, y) => {
    const seen = new Set<string>();
    for (let x = 0; x < row.length; ) {
      if (!row[x]) {
        x++;
        continue;
      }
      let end = x;
      while (end < row.length && row[end]) end++;
      const key = `${x}:${end}`;
      const r = open.get(key);
      if (r && r.y + r.h === y) r.h++;
      else {
        if (r) flush(key);
        open.set(key, { x, y, w: end - x, h: 1 });
      }
      seen.add(key);
      x = end;
    }
    for (const key of [...open.keys()]) if (!seen.has(key)) flush(key);
  });
  for (const key of [...open.keys()]) flush(key);
  return { canvas, modules };
}

/** The dark modules of a QR code `size` pt square (quiet zone included) as rectangles, without the white ground. */
export function qrRects(text: string, size: number): Rect[] {
  return qrCanvas(text, size).canvas.slice(1) as unknown as Rect[];
}

/** Thinnest bar we print: 0.19 mm (about 1.5 dots on a 203 dpi label printer). */
export const MIN_MODULE_PT = 0.54;

/**
 * Code 128 with its human-readable text, centred, as wide as `maxWidth` allows but with bars no wider
 * than `maxModule` pt; bars `barHeight` pt tall. `modulePt` tells the caller how fine the bars came out.
 */
export function code128Block(text: string, o: { maxWidth: number; maxModule: number; barHeight: number; textSize: number }): { content: Content; modulePt: number } {
  const modules = code128Pattern(text).modules;
  const width = Math.min(o.maxWidth, modules * o.maxModule);
  const content: Content = {
    columns: [
      { width: '*', text: '' },
      {
        width,
        stack: [
          { canvas: code128Canvas(text, width, o.barHeight).canvas },
          // The code is never broken: set smaller if it is wider than the bars.
          { text, fontSize: fitSize(text, width, o.textSize, 3.5), noWrap: true, alignment: 'center', lineHeight: 1, margin: [0, 0.5, 0, 0] },
        ],
      },
      { width: '*', text: '' },
    ],
    columnGap: 0,
    unbreakable: true,
  };
  return { content, modulePt: width / modules };
}

/** QR code (byte mode, UTF-8), error correction M by default, with a 2-module quiet zone. */
export function qrCode(text: string, opts: { ecLevel?: 'L' | 'M' | 'Q' | 'H' } = {}): Symbol {
  // eclevel is a BWIPP option missing from bwip-js's typings.
  const o: bwipjs.RenderOptions & { eclevel: string } = { bcid: 'qrcode', text, scale: 1, eclevel: opts.ecLevel ?? 'M', padding: 4 };
  return sized(bwipjs.toSVG(o));
}

/** Scales a symbol into a box (pt) keeping its aspect ratio. */
export function fitSvg(sym: Symbol, maxW: number, maxH: number): ContentSvg {
  const k = Math.min(maxW / sym.w, maxH / sym.h);
  return { svg: sym.svg, width: sym.w * k, height: sym.h * k };
}
