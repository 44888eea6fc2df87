/**
 * Warms a job worker once: reads the PDF fonts (kept per process by loadFonts) and draws two tiny label PDFs, so
 * pdfkit, fontkit, bwip-js and zlib are loaded and compiled before the first real print. The PDFs are dropped.
 */
import { loadFonts } from '../documents/pdfkit-direct';
import { renderItemLabels, renderLocationLabels } from '../documents/label.pdf';

export async function warmUp(fontDir: string | null): Promise<void> {
  loadFonts(fontDir);
  const seizedAt = '2026-01-01T00:00:00.000Z';
  await renderItemLabels([{ code: 'W2026000001', name: '预热 Warm…', caseNo: 'A0000', category: '一般物品', seizedAt }], '60x40', { fontDir });
  await renderLocationLabels([{ code: 'L0001', name: '预热', path: '预热库房' }], 'a4', { fontDir });
}
