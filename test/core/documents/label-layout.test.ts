/**
 * Labels drawn straight onto pdfkit keep the layout the pdfmake renderer gave them: the positions below were read
 * with pdftotext from the pdfmake labels (before this renderer) for the same data, in pt from the page's top left.
 */
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderItemLabels, renderLocationLabels, type ItemLabel } from '../../../electron/core/documents/label.pdf';
import { codeProblems, decodePages, pdfWords, requireTools, tempDir, writePdf, type PdfWord } from './pdf-tools';

let dir: string;
beforeAll(() => {
  requireTools();
  dir = tempDir('label-layout-');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const CASE_NO = '滨公刑立字〔2026〕00123号';
const names = ['黑色苹果手机 iPhone 15 Pro Max 256GB 屏幕右上角有裂痕', '金项链', '人民币现金 MMMWWW', '银色笔记本电脑', '电动自行车'];
const items: ItemLabel[] = names.map((name, i) => ({
  code: i === 1 ? '371600123456ABCDEFGH-2026-0000000000003X' : `371600-2026-${String(i + 1).padStart(6, '0')}`,
  name,
  caseNo: CASE_NO,
  category: ['电子设备', '贵重物品', '现金', '电子设备', '交通工具'][i]!,
  seizedAt: '2026-11-19T20:30:00Z',
}));
const locs = [
  { code: 'WH-A-Z1-S01', name: '01 号架', path: 'A 库房 / 一般物品区 / 01 号架' },
  { code: 'WH-B-Z1-S12-L3-B07', name: '第三层 07 号格位（贵重物品保险柜旁）', path: 'B 库房 / 贵重物品区 / 12 号架 / 第 3 层 / 07 号格位 很长很长的路径名称' },
];

/** Words and where pdfmake put them: [text, page, xMin, yMin, xMax?]. */
type At = [string, number, number, number, number?];
const ITEM_BEFORE: Record<'60x40' | '100x50' | '40x30' | 'a4', At[]> = {
  '60x40': [['黑色苹果手机', 1, 7.1, 5.7], ['案号：滨公刑立字〔2026〕00123号', 1, 7.1, 22.1], ['类别：电子设备', 1, 7.1, 32.0], ['扣押日期：2026-11-20', 1, 7.1, 42.6], ['371600-2026-000001', 1, 51.5, 94.4, 118.5]],
  '100x50': [['黑色苹果手机', 1, 11.3, 7.1], ['案号：滨公刑立字〔2026〕00123号', 1, 11.3, 28.9], ['类别：电子设备', 1, 11.3, 42.5], ['扣押日期：2026-11-20', 1, 11.3, 56.2], ['371600-2026-000001', 1, 98.6, 125.2, 184.8]],
  '40x30': [['黑色苹果手机', 1, 3.4, 3.4], [CASE_NO, 1, 3.4, 16.8], ['电子设备', 1, 3.4, 24.8], ['2026-11-20', 1, 15.6, 33.1], ['371600-2026-000001', 1, 30.4, 69.2, 83.0]],
  a4: [
    ['黑色苹果手机', 1, 15.2, 9.4],
    ['案号：滨公刑立字〔2026〕00123号', 1, 15.2, 25.8],
    ['371600-2026-000001', 1, 66.7, 98.09, 133.72],
    ['371600123456ABCDEFGH-2026-0000000000003X', 1, 219.9, 98.09, 377.38],
    ['371600-2026-000003', 1, 463.55, 98.09, 530.57],
    ['银色笔记本电脑', 1, 15.17, 129.27],
    ['电动自行车', 1, 213.6, 129.27],
    ['371600-2026-000005', 1, 265.13, 217.99, 332.15],
  ],
};
const LOC_BEFORE: Record<'60x40' | '100x50' | '40x30' | 'a4', At[]> = {
  '60x40': [['A', 1, 7.1, 5.7], ['号架', 1, 27.1, 17.3], ['WH-A-Z1-S01', 1, 59.5, 84.3, 110.5]],
  '100x50': [['A', 1, 11.3, 7.1], ['号架', 1, 38.8, 21.8], ['WH-A-Z1-S01', 1, 108.9, 107.5, 174.5]],
  '40x30': [['A', 1, 3.4, 3.4], ['号架', 1, 19.2, 12.8], ['WH-A-Z1-S01', 1, 36.7, 65.2, 76.7]],
  a4: [['A', 1, 15.2, 9.4], ['号架', 1, 35.22, 21.0], ['WH-A-Z1-S01', 1, 74.71, 89.58, 125.71], ['WH-B-Z1-S12-L3-B07', 1, 257.98, 79.32, 339.29]],
};

/** Kerning pdfmake applied moves a word's ends by up to 0.3 pt; anything more is a layout change. */
const TOLERANCE = 0.4;

function placed(words: PdfWord[], at: At[]): string[] {
  const off: string[] = [];
  for (const [text, page, x, y, xMax] of at) {
    // The word nearest to where it was (a word such as 号架 may appear twice on a label).
    const w = words.filter((v) => v.page === page && v.text === text).sort((a, b) => Math.hypot(a.xMin - x, a.yMin - y) - Math.hypot(b.xMin - x, b.yMin - y))[0];
    if (!w) off.push(`${text}: missing`);
    else if (Math.abs(w.xMin - x) > TOLERANCE || Math.abs(w.yMin - y) > TOLERANCE || (xMax !== undefined && Math.abs(w.xMax - xMax) > TOLERANCE)) {
      off.push(`${text}: at ${w.xMin.toFixed(2)},${w.yMin.toFixed(2)}–${w.xMax.toFixed(2)}, was ${x},${y}${xMax === undefined ? '' : `–${xMax}`}`);
    }
  }
  return off;
}

describe('labels keep the pdfmake layout', () => {
  for (const stock of ['60x40', '100x50', '40x30', 'a4'] as const) {
    it(`${stock}: item and location labels`, async () => {
      const itemPdf = writePdf(dir, `items-${stock}.pdf`, await renderItemLabels(items, stock, { fontDir: null }));
      const itemWords = pdfWords(itemPdf);
      expect(placed(itemWords, ITEM_BEFORE[stock])).toEqual([]);
      expect(codeProblems(itemWords, items.map((i) => i.code))).toEqual([]);
      const locPdf = writePdf(dir, `locs-${stock}.pdf`, await renderLocationLabels(locs, stock, { fontDir: null }));
      expect(placed(pdfWords(locPdf), LOC_BEFORE[stock])).toEqual([]);
      // Both codes of every label decode (the 40-character code on the 40×30 label only from a finer rendering).
      const found = [...decodePages(itemPdf).flat(), ...decodePages(locPdf).flat()];
      const expected = [...items.map((i) => `ITEM|${i.code}|${CASE_NO}`), ...items.map((i) => i.code), ...locs.map((l) => l.code)];
      const missing = expected.filter((c) => !found.includes(c));
      expect(missing).toEqual(stock === '40x30' ? [items[1]!.code] : []);
      if (stock === '40x30') expect(decodePages(itemPdf, { dpi: 600, first: 2, last: 2 })[0]).toContain(items[1]!.code);
      // Vectors only: pdfimages lists no image at all.
      expect(execFileSync('pdfimages', ['-list', itemPdf], { encoding: 'utf8' }).trim().split('\n')).toHaveLength(2);
    });
  }

  it('reports progress every 50 labels and once more when the PDF is written', async () => {
    const many = Array.from({ length: 120 }, (_, i) => ({ ...items[i % 5]!, code: `371600-2026-${String(i + 1).padStart(6, '0')}` }));
    const ticks: Array<[number, number]> = [];
    const pdf = await renderItemLabels(many, 'a4', { fontDir: null, onProgress: (d, n) => void ticks.push([d, n]) });
    expect(ticks).toEqual([[50, 120], [100, 120], [120, 120]]);
    const file = writePdf(dir, 'many.pdf', pdf);
    const words = pdfWords(file);
    expect(new Set(words.map((w) => w.page))).toEqual(new Set([1, 2, 3, 4, 5, 6])); // 21 a sheet: 6 sheets
    expect(words.filter((w) => /^371600-2026-\d{6}$/.test(w.text)).map((w) => w.text).sort()).toEqual(many.map((l) => l.code).sort());
  });
});
