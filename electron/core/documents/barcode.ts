/** Code 128 and QR codes as vector SVG (bwip-js) for pdfmake's `{ svg }` element. */
import bwipjs from 'bwip-js/node';
import type { Content, ContentSvg } from 'pdfmake/interfaces';
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

/** Thinnest bar we print: 0.19 mm (about 1.5 dots on a 203 dpi label printer). */
export const MIN_MODULE_PT = 0.54;

/**
 * Code 128 with its human-readable text, centred, as wide as `maxWidth` allows but with bars no wider
 * than `maxModule` pt; bars `barHeight` pt tall. `modulePt` tells the caller how fine the bars came out.
 */
export function code128Block(text: string, o: { maxWidth: number; maxModule: number; barHeight: number; textSize: number }): { content: Content; modulePt: number } {
  const bars = code128Bars(text);
  const width = Math.min(o.maxWidth, bars.w * o.maxModule);
  const content: Content = {
    columns: [
      { width: '*', text: '' },
      {
        width,
        stack: [
          { svg: bars.svg, width, height: o.barHeight },
          // The code is never broken: set smaller if it is wider than the bars.
          { text, fontSize: fitSize(text, width, o.textSize, 3.5), noWrap: true, alignment: 'center', lineHeight: 1, margin: [0, 0.5, 0, 0] },
        ],
      },
      { width: '*', text: '' },
    ],
    columnGap: 0,
    unbreakable: true,
  };
  return { content, modulePt: width / bars.w };
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
