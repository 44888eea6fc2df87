/**
 * Text widths in the embedded font (Noto Sans SC), and codes that never break across lines: item codes,
 * request numbers, document serials and other ASCII tokens are set as unbreakable runs, shrunk to fit.
 */
import type { Content } from 'pdfmake/interfaces';

/** Advance widths (1/1000 em) of ASCII 0x20–0x7e, read from NotoSansSC Regular and Bold with fontkit. */
// prettier-ignore
const REGULAR = [224,323,474,555,555,921,680,278,338,338,467,555,278,347,278,392,555,555,555,555,555,555,555,555,555,555,278,278,555,555,555,474,946,608,657,638,688,589,552,689,728,293,535,646,543,812,723,742,633,742,635,596,599,721,575,878,573,531,603,338,392,338,555,559,606,563,618,510,620,554,325,564,607,275,275,552,284,926,610,606,620,620,388,468,377,607,521,802,498,521,475,338,270,338,555];
// prettier-ignore
const BOLD = [227,370,574,590,590,963,740,325,378,378,507,590,325,370,325,387,590,590,590,590,590,590,590,590,590,590,325,325,590,590,590,514,1007,641,681,656,714,615,585,717,757,330,568,686,578,853,749,770,667,770,682,624,625,748,619,915,627,580,613,378,387,378,590,567,626,591,644,527,644,581,372,597,640,304,306,604,315,964,641,626,644,644,437,495,421,637,576,863,562,574,511,378,296,378,590];

function advance(ch: string, bold: boolean): number {
  const c = ch.codePointAt(0)!;
  if (c >= 0x20 && c < 0x7f) return (bold ? BOLD : REGULAR)[c - 0x20]!;
  if (c >= 0x2e80) return 1000; // CJK, full-width forms
  return 1080; // other symbols: a little above the widest in the font
}

/** Width in pt of one line of text (kerning only ever makes it narrower). */
export function textWidth(s: string, size: number, bold = false): number {
  let units = 0;
  for (const ch of s) units += advance(ch, bold);
  return (units * size) / 1000;
}

/** The largest size (down to `min`, in 0.25 pt steps) at which `s` fits `width` pt on one line. */
export function fitSize(s: string, width: number, size: number, min = 4.5, bold = false): number {
  let fs = size;
  while (fs > min && textWidth(s, fs, bold) > width) fs -= 0.25;
  return fs;
}

/** An unbreakable run: pdfmake keeps it on one line; shrunk so it fits `width`. */
export function codeRun(code: string, width: number, size: number, bold = false): { text: string; noWrap: true; fontSize?: number } {
  const fs = fitSize(code, width, size, 4.5, bold);
  return fs < size ? { text: code, noWrap: true, fontSize: fs } : { text: code, noWrap: true };
}

/** Runs of 6+ printable ASCII characters without spaces: codes, numbers, serials, hashes. */
const TOKEN = /[!-~]{6,}/g;

/**
 * Text whose codes never break: each token becomes an unbreakable run (shrunk if wider than `width`),
 * the words around it still wrap. Text without tokens is returned unchanged.
 */
export function keepCodesWhole(text: string, width: number, size: number, bold = false): string | Content {
  if (!text.match(TOKEN)) return text;
  const parts: Array<string | { text: string; noWrap: true; fontSize?: number }> = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    if (m.index > last) parts.push(text.slice(last, m.index));
    parts.push(codeRun(m[0], width, size, bold));
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return { text: parts };
}
