import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { makeTestCore } from '../../support/test-core';
import { renderFormPdf, verificationString } from '../../../electron/core/documents/form.pdf';
import type { DocMeta, FormDoc } from '../../../electron/core/documents/document.types';
import { fontCandidates, pickFonts, resolveFonts } from '../../../electron/core/documents/pdf-engine';
import { decodePages, pdfFonts, pdfPages, pdfText, requireTools, tempDir, writePdf } from './pdf-tools';

let dir: string;
/** pdftotext drops single spaces between CJK glyphs, so phrases are compared without whitespace. */
const flat = (s: string) => s.replace(/\s+/g, '');
beforeAll(() => {
  requireTools();
  dir = tempDir('forms-');
});
afterAll(() => (process.env.KEEP_PDFS ? console.log('PDFs kept in', dir) : fs.rmSync(dir, { recursive: true, force: true })));

const META: DocMeta = {
  serialNo: 'RK-20261201-0007',
  printedBy: '王保管（滨州市涉案财物管理中心）',
  printedAt: '2026-12-01T06:05:00.000Z',
  eventsHash: 'c0ffee'.repeat(10) + 'abcd',
  eventCount: 40,
};

function receipt(n: number): FormDoc {
  return {
    docType: 'intake_receipt',
    title: '涉案财物入库回执',
    barcode: 'RQ-2026-000123',
    fields: [
      ['案件编号', 'A3716002026110001'],
      ['移交单位', '滨州市公安局'],
      ['移交人', '李办案（061234）'],
      ['扣押决定书', '滨公（刑）扣字〔2026〕101号'],
    ],
    items: Array.from({ length: n }, (_, i) => ({
      code: `371600-2026-${String(i + 1).padStart(6, '0')}`,
      name: `涉案手机${i + 1}号`,
      quantity: 1,
      unit: '部',
      sealNo: `FQ-${1000 + i}`,
      cashAmount: i === 3 ? 12000 : null,
      location: 'A 库房 / 01 号架',
      remark: '完好',
    })),
    sections: [{ title: '法律依据', lines: [['扣押决定书', '滨公（刑）扣字〔2026〕101号']] }],
    signatures: [{ role: '移交人', name: '李办案' }, { role: '保管员', name: '王保管' }],
  };
}

describe('form PDF', () => {
  it('breaks a 40-item table over two pages, repeating the header row, with footers on every page', async () => {
    const file = writePdf(dir, 'receipt.pdf', await renderFormPdf(receipt(40), META, { fontDir: null }));
    expect(pdfPages(file)).toBe(2);
    const p1 = pdfText(file, 1);
    const p2 = pdfText(file, 2);
    expect(p1).toContain('涉案财物入库回执');
    expect(flat(p1)).toContain('第1页共2页');
    expect(flat(p2)).toContain('第2页共2页');
    for (const p of [p1, p2]) {
      expect(p).toContain('文书编号：RK-20261201-0007');
      expect(p).toContain('打印人：王保管（滨州市涉案财物管理中心）');
      expect(flat(p)).toContain('打印时间：2026年12月01日14:05'); // 06:05 UTC in Shanghai
      expect(p).toMatch(/序号\s+编码\s+名称\s+数量\/单位\s+封签号\/金额\s+存放位置\s+查验\/状况/); // header row
    }
    expect(p1).toContain('涉案手机1号');
    expect(p2).toContain('涉案手机40号');
    expect(p1 + p2).toContain('¥12,000.00');
    expect(p1 + p2).not.toMatch(/规格|特征/); // columns empty for every row are dropped
    // Signature blocks stay together with the last rows, on the last page.
    expect(p2).toMatch(/移交人[\s\S]*保管员/);
    expect(p2).toContain('签名：');
    expect(p1).not.toContain('签名确认');
    expect(pdfFonts(file)).toMatch(/NotoSansSC-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
    const codes = decodePages(file, { dpi: 150, last: 1 })[0]!;
    expect(codes).toContain(verificationString(META));
    expect(verificationString(META)).toBe(`LEDGER|RK-20261201-0007|${META.eventsHash}|40`);
    expect(codes).toContain('RQ-2026-000123');
  });

  it('keeps a short form on one page (第 1 页 共 1 页), four signature roles, and prints no barcode for a number Code 128 cannot carry', async () => {
    const doc = { ...receipt(2), barcode: '滨公刑立字〔2026〕1号', signatures: [{ role: '移交人' }, { role: '接收人' }, { role: '见证人' }, { role: '保管员' }] };
    const file = writePdf(dir, 'short.pdf', await renderFormPdf(doc, META, { fontDir: null }));
    expect(pdfPages(file)).toBe(1);
    const text = pdfText(file);
    expect(flat(text)).toContain('第1页共1页');
    for (const role of ['移交人', '接收人', '见证人', '保管员']) expect(text).toContain(role);
    expect(decodePages(file, { dpi: 150 })[0]).toEqual([verificationString(META)]);
  });

  it('finds fonts in the configured folder first and explains in Chinese when none is found', () => {
    const fontDir = tempDir('fonts-');
    const pkg = resolveFonts(null);
    fs.copyFileSync(pkg.regular, path.join(fontDir, 'NotoSansSC-Regular.ttf'));
    fs.copyFileSync(pkg.bold, path.join(fontDir, 'NotoSansSC-Bold.ttf'));
    expect(resolveFonts(fontDir).from).toBe(fontDir);
    expect(fontCandidates(fontDir)[0]!.from).toBe(fontDir);
    fs.rmSync(fontDir, { recursive: true, force: true });
    expect(() => pickFonts([{ regular: '/nope/a.ttf', bold: '/nope/b.ttf', from: '/nope' }])).toThrow(/未找到中文字体.*\/nope.*copy-fonts/);
  });
});

describe('audit trail documents', () => {
  it('prints an item trail with the ledger check, chain head QR and every event; issuing it is recorded', async () => {
    const t = await makeTestCore();
    try {
      const c = await t.call('ga_bar', 'case.create', { caseNo: 'A3716002026110001', name: '张某盗窃案', cause: '盗窃' });
      const [a, b] = await t.call('ga_bar', 'item.register', {
        caseId: c.id, seizureDocNo: '滨公（刑）扣字〔2026〕101号', seizedAt: '2026-11-20T01:00:00Z', seizedBy: '李办案',
        items: [
          { name: '黑色苹果手机', category: 'electronics', quantity: 1, unit: '部', source: 'seized' },
          { name: '金项链', category: 'valuables', quantity: 1, unit: '条', source: 'seized' },
        ],
      });
      await t.call('zx_bgy', 'label.items', { itemIds: [a!.id, b!.id] });
      await t.call('zx_bgy', 'label.items', { itemIds: [a!.id] });
      // Never checked yet: the cover says so (it does not check the ledger itself).
      const unchecked = pdfText(writePdf(dir, 'case-trail-unchecked.pdf', (await t.call('ga_bar', 'document.caseTrail', { caseId: c.id })).base64));
      expect(unchecked).toMatch(/校验结果\s+尚未校验/);
      t.clock.advance(60_000);
      const check = await t.call('jw_jd', 'ledger.verify', {});
      t.clock.advance(60_000);
      const head = await t.call('jw_jd', 'ledger.head', {});
      const before = await t.eventCount();

      const out = await t.call('jw_jd', 'document.itemTrail', { itemId: a!.id });
      expect(out.serialNo).toMatch(/^LZJL-20261120-\d{4}$/);
      expect(await t.eventCount()).toBe(before + 1);
      const file = writePdf(dir, 'item-trail.pdf', out.base64);
      const text = pdfText(file);
      expect(text).toContain('物品流转记录');
      expect(text).toContain(a!.code);
      expect(text).toContain(`文书编号：${out.serialNo}`);
      // The cover shows the latest completed check and when it ran, not the time of printing.
      expect(text).toMatch(new RegExp(`校验结果\\s+通过（全量校验）：至第 ${check.headSeq} 号事件哈希链完整`));
      expect(text).toMatch(/校验时间\s+2026年11月20日 10:01（吴监督）/);
      expect(text).toContain(head.hash);
      expect(text).toMatch(/登记[\s\S]*打印标签[\s\S]*补打标签/);
      expect(text).not.toContain('金项链'); // the other item's events are not part of this trail
      expect(text).toContain('打印人：吴监督');
      const codes = decodePages(file, { dpi: 150, last: 1 })[0]!;
      expect(codes).toContain(`LEDGERHEAD|${head.seq}|${head.hash}`);
      const printed = await t.core.store.db.selectFrom('custody_events').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(printed.type).toBe('RECEIPT_PRINTED');
      const payload = JSON.parse(printed.payload) as { eventsHash: string; eventCount: number; serialNo: string };
      expect(payload).toMatchObject({ serialNo: out.serialNo, eventCount: 3 });
      expect(codes).toContain(`LEDGER|${out.serialNo}|${payload.eventsHash}|3`);

      const caseOut = await t.call('ga_bar', 'document.caseTrail', { caseId: c.id });
      const caseText = pdfText(writePdf(dir, 'case-trail.pdf', caseOut.base64));
      expect(caseText).toContain('案件涉案财物流转记录');
      expect(caseText).toContain(a!.code);
      expect(caseText).toContain(b!.code);
      expect(caseText).toContain('金项链');
      expect(caseText).toContain('打印文书'); // the item-trail print is itself on the case's record
      expect(caseText).toMatch(/流转事件（共 7 条/); // 2 registered, 3 labels, 2 trail prints before this one

      const n = await t.eventCount();
      expect((await t.fail('jw_jd', 'document.itemTrail', { itemId: 9999 })).code).toBe('NOT_FOUND');
      expect((await t.fail('jw_jd', 'document.caseTrail', { caseId: 9999 })).code).toBe('NOT_FOUND');
      expect(await t.eventCount()).toBe(n);
    } finally {
      await t.close();
    }
  });
});
