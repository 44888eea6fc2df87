import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { makeTestCore, type TestCore } from '../../support/test-core';
import { renderItemLabels } from '../../../electron/core/documents/label.pdf';
import { codeProblems, decodePages, pdfFonts, pdfPages, pdfText, pdfWords, requireTools, tempDir, writePdf } from './pdf-tools';

let t: TestCore;
let dir: string;
beforeAll(() => {
  requireTools();
  dir = tempDir('labels-');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
beforeEach(async () => {
  t = await makeTestCore();
});
afterEach(() => t.close());

const CASE_NO = '滨公刑立字〔2026〕00123号';

async function registerItems(n: number) {
  const c = await t.call('ga_bar', 'case.create', { caseNo: CASE_NO, name: '张某盗窃案', cause: '盗窃' });
  const names = ['黑色苹果手机 iPhone 15 Pro Max 256GB 屏幕右上角有裂痕', '金项链', '人民币现金', '银色笔记本电脑', '电动自行车'];
  return t.call('ga_bar', 'item.register', {
    caseId: c.id,
    seizureDocNo: '滨公（刑）扣字〔2026〕101号',
    seizedAt: '2026-11-19T20:30:00Z',
    seizedBy: '李办案',
    items: Array.from({ length: n }, (_, i) => ({
      name: names[i % names.length]!,
      category: i % 5 === 2 ? ('cash' as const) : ('electronics' as const),
      quantity: 1,
      unit: '件',
      source: 'seized' as const,
      ...(i % 5 === 2 ? { cashAmount: 12000 } : {}),
    })),
  });
}

/** Event types of an item, oldest first (the timeline lists newest first). */
async function timelineTypes(itemId: number) {
  return (await t.call('zx_bgy', 'item.timeline', { id: itemId })).map((e) => e.type).reverse();
}

describe('item labels', () => {
  for (const [stock, n] of [['60x40', 3], ['100x50', 2], ['40x30', 3], ['a4', 5]] as const) {
    it(`${stock}: Code 128 and QR decode for every label, Chinese text is embedded`, async () => {
      const items = await registerItems(n);
      const out = await t.call('zx_bgy', 'label.items', { itemIds: items.map((i) => i.id), stock });
      expect(out.mime).toBe('application/pdf');
      const file = writePdf(dir, `label-${stock}.pdf`, out.base64);
      expect(pdfPages(file)).toBe(stock === 'a4' ? 1 : n);
      const pages = decodePages(file);
      const all = pages.flat();
      for (const it of items) {
        expect(all).toContain(it.code);
        expect(all).toContain(`ITEM|${it.code}|${CASE_NO}`);
      }
      if (stock !== 'a4') {
        // One label per page, each carrying its own item.
        pages.forEach((found, i) => expect(found.sort()).toEqual([items[i]!.code, `ITEM|${items[i]!.code}|${CASE_NO}`].sort()));
      }
      const text = pdfText(file);
      expect(text).toContain('2026-11-20'); // seized 20:30 UTC = next day in Shanghai
      expect(text).toMatch(/电子设备/);
      expect(text).toContain('…'); // the long name was shortened
      expect(pdfFonts(file)).toMatch(/NotoSansSC-Bold\s+CID TrueType\s+Identity-H\s+yes/);
    });
  }

  it('an A4 sheet holds 21 labels and continues on a second page', async () => {
    const labels = Array.from({ length: 23 }, (_, i) => ({
      code: `371600-2026-${String(i + 1).padStart(6, '0')}`,
      name: `物品${i + 1}`,
      caseNo: 'A3716002026110001',
      category: '一般物品',
      seizedAt: '2026-11-20T01:00:00Z',
    }));
    const file = writePdf(dir, 'sheet.pdf', await renderItemLabels(labels, 'a4', { fontDir: null }));
    expect(pdfPages(file)).toBe(2);
    expect(pdfText(file, 1)).toContain('物品21');
    expect(pdfText(file, 1)).not.toContain('物品22');
    expect(pdfText(file, 2)).toContain('物品23');
  });

  it('prints a 40-character code whole under the bars, even on the 40×30 label', async () => {
    const code = '371600123456ABCDEFGH-2026-0000000000003X';
    const labels = [{ code, name: '金项链', caseNo: 'A3716002026110001', category: '贵重物品', seizedAt: '2026-11-20T01:00:00Z' }];
    for (const stock of ['40x30', '60x40', 'a4'] as const) {
      const file = writePdf(dir, `long-code-${stock}.pdf`, await renderItemLabels(labels, stock, { fontDir: null }));
      expect(codeProblems(pdfWords(file), [code]), stock).toEqual([]);
    }
  });

  it('writes LABEL_PRINTED the first time and LABEL_REPRINTED afterwards or when asked', async () => {
    const [a, b, c] = await registerItems(3);
    const before = await t.eventCount();
    await t.call('zx_bgy', 'label.items', { itemIds: [a!.id, b!.id] });
    expect(await t.eventCount()).toBe(before + 2);
    expect(await timelineTypes(a!.id)).toEqual(['REGISTERED', 'LABEL_PRINTED']);
    await t.call('zx_bgy2', 'label.items', { itemIds: [a!.id, a!.id], stock: '40x30' });
    expect(await timelineTypes(a!.id)).toEqual(['REGISTERED', 'LABEL_PRINTED', 'LABEL_REPRINTED']);
    await t.call('zx_bgy', 'label.items', { itemIds: [c!.id], reprint: true });
    expect(await timelineTypes(c!.id)).toEqual(['REGISTERED', 'LABEL_REPRINTED']);
    const last = (await t.call('zx_bgy', 'item.timeline', { id: a!.id }))[0]!;
    expect(last.actorName).toBe('赵保管');
    expect(last.note).toContain('40×30');
    expect(await t.eventCount()).toBe(before + 4);
  });

  it('refuses a whole batch containing a destroyed item, naming it, and writes nothing', async () => {
    const [a, b] = await registerItems(2);
    // Simulates an item already at its terminal state (the disposition flow is tested elsewhere).
    await t.core.store.db.updateTable('items').set({ status: 'DESTROYED' }).where('id', '=', b!.id).execute();
    const before = await t.eventCount();
    const err = await t.fail('zx_bgy', 'label.items', { itemIds: [a!.id, b!.id] });
    expect(err.code).toBe('CONFLICT');
    expect(err.details?.join()).toContain(b!.code);
    expect(err.details?.join()).toContain('已销毁');
    expect(await t.eventCount()).toBe(before);
    expect(await timelineTypes(a!.id)).toEqual(['REGISTERED']);
  });

  it('refuses unknown items, bad stock and roles without custody permission; nothing is written', async () => {
    const [a] = await registerItems(1);
    const before = await t.eventCount();
    const missing = await t.fail('zx_bgy', 'label.items', { itemIds: [a!.id, 99999] });
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.message).toContain('99999');
    expect((await t.fail('ga_bar', 'label.items', { itemIds: [a!.id] })).code).toBe('FORBIDDEN');
    expect((await t.fail('zx_bgy', 'label.items', { itemIds: [] })).code).toBe('BAD_INPUT');
    expect((await t.fail('zx_bgy', 'label.items', { itemIds: [a!.id], stock: '70x50' as never })).code).toBe('BAD_INPUT');
    expect(await t.eventCount()).toBe(before);
  });
});

describe('location labels', () => {
  it('prints the location code as Code 128 with its path, on every stock, without ledger events', async () => {
    const locs = await t.call('zx_bgy', 'location.list', {});
    const shelf = locs.find((l) => l.code === 'WH-A-Z1-S01')!;
    const bin = locs.find((l) => l.code === 'WH-B-Z1')!;
    const before = await t.eventCount();
    for (const stock of ['60x40', '100x50', '40x30', 'a4'] as const) {
      const out = await t.call('zx_bgy', 'label.locations', { locationIds: [shelf.id, bin.id], stock });
      const file = writePdf(dir, `loc-${stock}.pdf`, out.base64);
      const all = decodePages(file, { dpi: 200 }).flat();
      expect(all).toEqual(expect.arrayContaining(['WH-A-Z1-S01', 'WH-B-Z1']));
      expect(pdfText(file)).toContain('A 库房 / 一般物品区 / 01 号架');
    }
    expect(await t.eventCount()).toBe(before);
    expect((await t.fail('zx_bgy', 'label.locations', { locationIds: [4242] })).code).toBe('NOT_FOUND');
  });

  it('lets admins print location labels too, but not case officers', async () => {
    const shelf = (await t.call('admin', 'location.list', {})).find((l) => l.code === 'WH-A-Z1-S01')!;
    expect((await t.call('admin', 'label.locations', { locationIds: [shelf.id] })).mime).toBe('application/pdf');
    expect(await t.fail('ga_bar', 'label.locations', { locationIds: [shelf.id] })).toEqual({ code: 'FORBIDDEN', message: '只有保管员或管理员可以打印库位标签' });
  });
});
