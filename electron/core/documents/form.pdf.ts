/** Renders a FormDoc as an A4 portrait PDF: title, header grid, item table, sections, signatures, footer on every page. */
import type { Content, ContentTable, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { DocItemRow, DocMeta, FormDoc, SignatureBlock } from './document.types';
import { code128Block, fitSvg, qrCode } from './barcode';
import { formatZhDateTime, renderPdf } from './pdf-engine';

const PAGE_W = 595.28;
const MARGIN_X = 40;
const CONTENT_W = PAGE_W - 2 * MARGIN_X;
const FOOTER_H = 86;
const GREY = '#555555';
const FILL = '#eeeeee';

/** The string printed as the footer QR: a paper copy can be checked against the ledger with it. */
export function verificationString(meta: DocMeta): string {
  return `LEDGER|${meta.serialNo}|${meta.eventsHash}|${meta.eventCount}`;
}

export function formatMoney(n: number): string {
  const [int, dec] = n.toFixed(2).split('.');
  return `¥${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${dec}`;
}

const grid = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => '#888888',
  vLineColor: () => '#888888',
  paddingLeft: () => 3,
  paddingRight: () => 3,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

/** width: points for fixed columns; weight: share of the remaining width. */
type Col = { head: string; width?: number; weight?: number; cell: (r: DocItemRow, i: number) => string; optional?: boolean; small?: boolean };
const ITEM_COLS: Col[] = [
  { head: '序号', width: 20, cell: (_r, i) => String(i + 1) },
  { head: '编码', width: 74, cell: (r) => r.code, small: true },
  { head: '名称', weight: 3, cell: (r) => r.name },
  { head: '规格', weight: 1.6, cell: (r) => r.spec ?? '', optional: true },
  { head: '数量/单位', width: 40, cell: (r) => `${r.quantity}${r.unit}` },
  { head: '特征', weight: 2.2, cell: (r) => r.features ?? '', optional: true },
  {
    head: '封签号/金额',
    width: 60,
    cell: (r) => [r.sealNo, r.cashAmount != null ? formatMoney(r.cashAmount) : null].filter(Boolean).join('\n'),
    optional: true,
  },
  { head: '存放位置', weight: 2.4, cell: (r) => r.location ?? '', optional: true },
  { head: '查验/状况', weight: 1.7, cell: (r) => r.remark ?? '', optional: true },
];

/** Column widths in pt: fixed ones as given, the rest shared by weight (cell padding 6 + rule 0.5 each). */
function columnWidths(cols: Col[]): number[] {
  const free = CONTENT_W - cols.length * 6.5 - 0.5 - cols.reduce((n, c) => n + (c.width ?? 0), 0);
  const weights = cols.reduce((n, c) => n + (c.weight ?? 0), 0);
  return cols.map((c) => c.width ?? Math.floor((free * (c.weight ?? 0)) / weights));
}

function headerGrid(fields: FormDoc['fields']): Content | null {
  if (fields.length === 0) return null;
  const label = (t: string): TableCell => ({ text: t, bold: true, fillColor: FILL });
  const rows: TableCell[][] = [];
  let pending: [string, string] | null = null;
  const isLong = (v: string) => v.length > 22;
  for (const [k, v] of fields) {
    if (isLong(v)) {
      if (pending) rows.push([label(pending[0]), { text: pending[1], colSpan: 3 }, '', '']);
      pending = null;
      rows.push([label(k), { text: v, colSpan: 3 }, '', '']);
    } else if (pending) {
      rows.push([label(pending[0]), pending[1], label(k), v]);
      pending = null;
    } else {
      pending = [k, v];
    }
  }
  if (pending) rows.push([label(pending[0]), { text: pending[1], colSpan: 3 }, '', '']);
  return { table: { widths: [68, '*', 68, '*'], body: rows }, layout: grid, fontSize: 9, margin: [0, 4, 0, 8] };
}

function itemTable(items: DocItemRow[]): Content[] {
  if (items.length === 0) return [];
  const cols = ITEM_COLS.filter((c) => !c.optional || items.some((r, i) => c.cell(r, i).trim() !== ''));
  const head: TableCell[] = cols.map((c) => ({ text: c.head, bold: true, fillColor: FILL, alignment: 'center' }));
  const body: TableCell[][] = items.map((r, i) => cols.map((c) => (c.small ? { text: c.cell(r, i), fontSize: 7.5 } : c.cell(r, i))));
  const table: ContentTable = {
    table: { headerRows: 1, dontBreakRows: true, widths: columnWidths(cols), body: [head, ...body] },
    layout: grid,
    fontSize: 8.5,
    margin: [0, 2, 0, 8],
  };
  return [{ text: `物品清单（共 ${items.length} 件）`, bold: true, fontSize: 10, margin: [0, 2, 0, 2] }, table];
}

function sections(doc: FormDoc): Content[] {
  const out: Content[] = [];
  for (const s of doc.sections ?? []) {
    out.push({ text: s.title, bold: true, fontSize: 10, margin: [0, 4, 0, 2] });
    if (s.lines.length === 0) continue;
    out.push({
      table: { widths: [90, '*'], body: s.lines.map(([k, v]) => [{ text: k, bold: true, fillColor: FILL }, v]) },
      layout: grid,
      fontSize: 9,
      margin: [0, 0, 0, 6],
    });
  }
  if (doc.qr) {
    out.push({
      columns: [
        { width: 72, ...fitSvg(qrCode(doc.qr.text), 72, 72) },
        { width: '*', stack: [{ text: doc.qr.caption, bold: true, fontSize: 9 }, { text: doc.qr.text, fontSize: 7, color: GREY }], margin: [6, 8, 0, 0] },
      ],
      margin: [0, 2, 0, 8],
      unbreakable: true,
    });
  }
  return out;
}

function genericTable(t: NonNullable<FormDoc['table']>): Content[] {
  const head: TableCell[] = t.columns.map((c) => ({ text: c, bold: true, fillColor: FILL, alignment: 'center' }));
  const widths = t.widths ?? t.columns.map(() => '*' as const);
  const out: Content[] = [];
  if (t.title) out.push({ text: t.title, bold: true, fontSize: 10, margin: [0, 2, 0, 2] });
  out.push({
    table: { headerRows: 1, dontBreakRows: true, widths, body: [head, ...t.rows] },
    layout: grid,
    fontSize: 7.5,
    margin: [0, 2, 0, 8],
  });
  return out;
}

function signatureBlock(sigs: SignatureBlock[]): Content | null {
  if (sigs.length === 0) return null;
  const perRow = sigs.length === 4 ? 2 : Math.min(3, sigs.length);
  const cell = (s: SignatureBlock): TableCell => ({
    stack: [
      { text: s.role, bold: true, fontSize: 10 },
      { text: [`签名：`, { text: s.name ? `（${s.name}）` : '', color: '#999999', fontSize: 8 }], margin: [0, 12, 0, 0] },
      { canvas: [{ type: 'line', x1: 30, y1: 0, x2: 150, y2: 0, lineWidth: 0.5 }], margin: [0, 2, 0, 0] },
      { text: '日期：        年      月      日', margin: [0, 12, 0, 0] },
    ],
    margin: [2, 4, 2, 6],
  });
  const rows: TableCell[][] = [];
  for (let i = 0; i < sigs.length; i += perRow) {
    const row = sigs.slice(i, i + perRow).map(cell);
    while (row.length < perRow) row.push('');
    rows.push(row);
  }
  return {
    stack: [
      { text: '签名确认', bold: true, fontSize: 10, margin: [0, 6, 0, 2] },
      { table: { widths: Array(perRow).fill('*'), body: rows }, layout: grid, fontSize: 9 },
    ],
    unbreakable: true,
  };
}

/** The pdfmake definition, exposed for tests that inspect the layout. */
export function formDefinition(doc: FormDoc, meta: DocMeta): TDocumentDefinitions {
  const printedAt = formatZhDateTime(meta.printedAt);
  const footerQr = fitSvg(qrCode(verificationString(meta)), 64, 64);
  const content: Content[] = [{ text: doc.title, bold: true, fontSize: 18, alignment: 'center', margin: [0, 0, 0, 4] }];
  // Code 128 carries printable ASCII only; a number with Chinese in it is printed as text in the fields.
  if (doc.barcode && /^[\x20-\x7e]+$/.test(doc.barcode)) {
    const bc = code128Block(doc.barcode, { maxWidth: 240, maxModule: 1.1, barHeight: 24, textSize: 8 });
    content.push({ stack: [bc.content], margin: [0, 0, 0, 4] });
  }
  const grid0 = headerGrid(doc.fields);
  if (grid0) content.push(grid0);
  content.push(...itemTable(doc.items), ...sections(doc));
  if (doc.table) content.push(...genericTable(doc.table));
  const sig = signatureBlock(doc.signatures);
  if (sig) content.push(sig);

  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [MARGIN_X, 44, MARGIN_X, FOOTER_H],
    info: { title: `${doc.title} ${meta.serialNo}`, author: meta.printedBy, subject: doc.docType },
    header: () => ({
      columns: [
        { text: '涉案财物管理系统', fontSize: 8, color: GREY },
        { text: `文书编号：${meta.serialNo}`, alignment: 'right', fontSize: 9, bold: true },
      ],
      margin: [MARGIN_X, 20, MARGIN_X, 0],
    }),
    footer: (currentPage: number, pageCount: number) => ({
      margin: [MARGIN_X, 10, MARGIN_X, 0],
      columns: [
        {
          width: '*',
          fontSize: 8,
          stack: [
            { canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_W - 72, y2: 0, lineWidth: 0.5, lineColor: '#999999' }], margin: [0, 0, 0, 3] },
            { text: `第 ${currentPage} 页 共 ${pageCount} 页`, bold: true, fontSize: 9 },
            `打印人：${meta.printedBy}    打印时间：${printedAt}`,
            `文书编号：${meta.serialNo}    涉及事件：${meta.eventCount} 条`,
            { text: `事件哈希：${meta.eventsHash}`, fontSize: 6.5, color: GREY },
          ],
        },
        { width: 72, ...footerQr, margin: [8, 0, 0, 0] },
      ],
    }),
    content,
  };
}

export async function renderFormPdf(doc: FormDoc, meta: DocMeta, opts: { fontDir: string | null }): Promise<Buffer> {
  return renderPdf(formDefinition(doc, meta), { fontDir: opts.fontDir });
}
