/**
 * Warms a job worker once: reads the PDF fonts (kept per process by loadFonts), draws two tiny label PDFs and a
 * one-event 流转记录, so pdfkit, fontkit, bwip-js, zlib and the trail layout are loaded and compiled before the first
 * real print. The PDFs are dropped.
 */
import { loadFonts } from '../documents/pdfkit-direct';
import { renderItemLabels, renderLocationLabels } from '../documents/label.pdf';
import { drawTrail, measureTrail, type TrailSpec } from '../documents/trail.pdf';
import { TABLE_COLUMNS, tableWidths } from '../documents/trail.builder';

const HASH = 'a'.repeat(64);

export async function warmUp(fontDir: string | null): Promise<void> {
  loadFonts(fontDir);
  const seizedAt = '2026-01-01T00:00:00.000Z';
  await renderItemLabels([{ code: 'W2026000001', name: '预热 Warm…', caseNo: 'A0000', category: '一般物品', seizedAt }], '60x40', { fontDir });
  await renderLocationLabels([{ code: 'L0001', name: '预热', path: '预热库房' }], 'a4', { fontDir });
  const row = ['1', '2026年01月01日\n08:00', '登记', '操作：预热', '单位：预热单位', '备注：预热 Warm', `${HASH.slice(0, 8)}\n${HASH.slice(8, 16)}`];
  const spec: TrailSpec = {
    title: '物品流转记录',
    barcode: 'W2026000001',
    fields: [['物品编码', 'W2026000001']],
    sections: [{ title: '账本校验（最近一次）', lines: [['链头哈希', HASH]] }],
    qr: { caption: '账本链头', text: `LEDGERHEAD|1|${HASH}` },
    before: [],
    after: [
      {
        title: '流转事件（共 1 条）',
        columns: TABLE_COLUMNS,
        widths: tableWidths([]),
        size: 7.5,
        count: 1,
        async *rows() {
          yield [row];
        },
      },
    ],
    signatures: [{ role: '打印人', name: '预热' }, { role: '核对人' }],
  };
  const measured = await measureTrail(spec, () => undefined);
  const meta = { serialNo: 'LZJL-20260101-0000', printedBy: '预热', printedAt: seizedAt, eventsHash: HASH, eventCount: 1 };
  await drawTrail(spec, measured, meta, { fontDir, progress: () => undefined });
}
