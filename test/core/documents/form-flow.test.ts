/**
 * Layout of printed forms, read back from the PDF with pdftotext: codes of any length are printed whole and
 * never run into the next column; the signature block never starts a page with nothing of the form above it;
 * a block title never ends a page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { formDefinition, renderFormPdf } from '../../../electron/core/documents/form.pdf';
import { SignaturesAlone } from '../../../electron/core/documents/form-flow';
import { renderPdf } from '../../../electron/core/documents/pdf-engine';
import type { DocItemRow, DocMeta, FormDoc } from '../../../electron/core/documents/document.types';
import { bodyAboveSignatures, codeProblems, pdfPages, pdfWords, requireTools, tempDir, writePdf, type PdfWord } from './pdf-tools';

let dir: string;
beforeAll(() => {
  requireTools();
  dir = tempDir('form-flow-');
});
afterAll(() => (process.env.KEEP_PDFS ? console.log('PDFs kept in', dir) : fs.rmSync(dir, { recursive: true, force: true })));

const META: DocMeta = {
  serialNo: 'JJ-20261201-0012',
  printedBy: '王保管（滨州市涉案财物管理中心）',
  printedAt: '2026-12-01T06:05:00.000Z',
  eventsHash: 'ab12'.repeat(16),
  eventCount: 9,
};
const FOOTER_TOP = 841.89 - 86;

function items(n: number, code: (i: number) => string, tall = false): DocItemRow[] {
  return Array.from({ length: n }, (_, i) => ({
    code: code(i),
    name: `涉案物品${i + 1}`,
    quantity: 1,
    unit: '件',
    // Four-line cells make rows tall, so a few item counts cover every place a page can end.
    features: tall ? '黑色外壳\n右上角划痕\n附充电器\n附包装盒' : '黑色',
    sealNo: `FQ-${1000 + i}`,
    location: 'A 库房 / 一般物品区 / 01 号架',
    remark: '在库',
  }));
}

const zx = (i: number) => `371600ZX-2026-${String(i + 1).padStart(6, '0')}`;

function form(rows: DocItemRow[], sections: FormDoc['sections'] = []): FormDoc {
  return {
    docType: 'handover',
    title: '涉案财物移送清单',
    barcode: 'YS-2026-000123',
    fields: [
      ['申请单号', 'YS-2026-000123'],
      ['移交单位', '滨州市公安局'],
      ['接收单位', '滨州市人民检察院'],
    ],
    items: rows,
    sections,
    signatures: [{ role: '移交人', name: '李办案' }, { role: '接收人' }, { role: '见证人' }, { role: '保管员' }],
  };
}

/** The lowest words of each page above the footer. */
function lastLineWords(words: PdfWord[], page: number): string[] {
  const body = words.filter((w) => w.page === page && w.yMax < FOOTER_TOP);
  const bottom = Math.max(...body.map((w) => w.yMin));
  return body.filter((w) => w.yMin > bottom - 2).map((w) => w.text);
}

describe('item codes are never broken', () => {
  it('prints codes of 20, 24 and 40 characters whole, each inside its column, in the item table, sections and header', async () => {
    const codes = ['371600ZX-2026-000001', '371600123456-2026-000002', '371600123456ABCDEFGH-2026-0000000000003X', '371600-2026-000004'];
    const rows = items(codes.length, (i) => codes[i]!);
    const doc: FormDoc = {
      ...form(rows, [{ title: '归还核对', lines: codes.map((c) => [c, '完好（2026-11-25 10:00，王保管）'] as [string, string]) }]),
      fields: [['申请单号', 'DY-2026-000123'], ['物品编码', codes[2]!], ['文书', `打印交接单（${META.serialNo}）`]],
    };
    const file = writePdf(dir, 'long-codes.pdf', await renderFormPdf(doc, META, { fontDir: null }));
    const words = pdfWords(file);
    expect(codeProblems(words, [...codes, 'DY-2026-000123', 'YS-2026-000123', META.serialNo])).toEqual([]);
    // Each code is printed in the table and again as a 归还核对 key.
    for (const c of codes) expect(words.filter((w) => w.text === c).length).toBeGreaterThanOrEqual(2);
  });

  it('keeps every code whole in a 40-item table running over pages', async () => {
    const rows = items(40, zx);
    const file = writePdf(dir, 'forty.pdf', await renderFormPdf(form(rows), META, { fontDir: null }));
    expect(pdfPages(file)).toBe(2);
    expect(codeProblems(pdfWords(file), rows.map((r) => r.code))).toEqual([]);
  });
});

/**
 * Renders the form for each item count and checks the PDF; returns how many counts put the signatures
 * alone on a page in a plain layout (so the test knows the case it guards against was met).
 */
async function sweep(name: string, counts: number[], make: (n: number) => FormDoc, check: (words: PdfWord[], body: string[], n: number) => void) {
  let alone = 0;
  for (const n of counts) {
    const doc = make(n);
    try {
      await renderPdf(formDefinition(doc, META), { fontDir: null });
    } catch (e) {
      if (!(e instanceof SignaturesAlone)) throw e;
      alone++;
    }
    const file = writePdf(dir, `${name}-${n}.pdf`, await renderFormPdf(doc, META, { fontDir: null }));
    const words = pdfWords(file);
    const body = bodyAboveSignatures(words);
    expect(body, `${name} n=${n}: no 签名确认`).not.toBeNull();
    expect(body!.length, `${name} n=${n}: the signature block is alone on page ${words.find((w) => w.text === '签名确认')!.page}`).toBeGreaterThan(0);
    expect(codeProblems(words, doc.items.map((r) => r.code)), `${name} n=${n}`).toEqual([]);
    for (let p = 1; p <= Math.max(...words.map((w) => w.page)); p++) {
      expect(lastLineWords(words, p), `${name} n=${n}: page ${p} ends with a title`).not.toEqual(expect.arrayContaining(['甲节']));
    }
    check(words, body!, n);
  }
  return alone;
}

describe('the signature block never sits alone on a page', () => {
  const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

  it('after the item table: the last rows come along, under the repeated header row', async () => {
    const alone = await sweep('items', range(5, 16), (n) => form(items(n, zx, true)), (_w, body, n) => {
      expect(body).toContain(zx(n - 1)); // the last item row is on the signature page
      expect(body).toEqual(expect.arrayContaining(['序号', '编码', '名称']));
    });
    expect(alone).toBeGreaterThan(0);
  });

  it('after a long section: its last lines come along, under its title marked 续', async () => {
    const make = (n: number) =>
      form(items(n, zx, true), [{ title: '甲节', lines: items(n, zx).map((r): [string, string] => [r.code, '完好\n包装无破损\n（2026-11-25 10:00，王保管）']) }]);
    const alone = await sweep('long-section', range(3, 10), make, (words, body, n) => {
      expect(body).toContain(zx(n - 1));
      if (n > 6 && body.includes('甲节（续）')) expect(body[0]).toBe('甲节（续）');
      expect(words.filter((w) => w.text === zx(n - 1))).toHaveLength(2); // once in the table, once in the section
    });
    expect(alone).toBeGreaterThan(0);
  });

  it('after short sections: the last section moves whole, with its title', async () => {
    const make = (n: number) =>
      form(items(n, zx, true), [
        { title: '甲节', lines: [['审批人', '张审批'], ['审批时间', '2026-11-20 10:00'], ['审批意见', '同意']] },
        { title: '乙节', lines: [['出库保管员', '王保管'], ['接收确认人', '刘检察长']] },
      ]);
    const alone = await sweep('short-sections', range(4, 14), make, (_w, body) => {
      expect(body).toEqual(expect.arrayContaining(['乙节', '出库保管员', '王保管']));
    });
    expect(alone).toBeGreaterThan(0);
  });
});
