/**
 * Renders a FormDoc as an A4 portrait PDF: title, header grid, item table, sections, signatures, footer on every
 * page. Codes (item codes, numbers, serials) are never broken across lines; see text-fit.ts and form-flow.ts.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { DocItemRow, DocMeta, FormDoc, SignatureBlock } from './document.types';
import { code128Block, fitSvg, qrCode } from './barcode';
import { blockTitle, flowBlocks, pageBreakBefore, SignaturesAlone, SIGNATURES_ID, type Block } from './form-flow';
import { formatZhDateTime, renderPdf } from './pdf-engine';
import { codeRun, keepCodesWhole, textWidth } from './text-fit';

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

/** A table used only to hold content together: no rules, no padding. */
const BARE = {
  defaultBorder: false,
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 0,
  paddingBottom: () => 0,
};

/** width: points for fixed columns (0: sized to the longest code); weight: share of the remaining width. */
type Col = { head: string; width?: number; weight?: number; cell: (r: DocItemRow, i: number) => string; optional?: boolean; code?: boolean };
const ITEM_COLS: Col[] = [
  { head: '序号', width: 20, cell: (_r, i) => String(i + 1) },
  { head: '编码', width: 0, cell: (r) => r.code, code: true },
  { head: '名称', weight: 3, cell: (r) => r.name },
  { head: '规格', weight: 1.6, cell: (r) => r.spec ?? '', optional: true },
  { head: '数量/单位', width: 40, cell: (r) => `${r.quantity}${r.unit}` },
  { head: '特征', weight: 2.2, cell: (r) => r.features ?? '', optional: true },
  {
    head: '封签号/金额',
    width: 60,
    cell: (r) => [r.sealNo, r.cashAmount != null ? formatMoney(r.cashAmount) : r.estimatedValue != null ? `估${formatMoney(r.estimatedValue)}` : null].filter(Boolean).join('\n'),
    optional: true,
  },
  { head: '存放位置', weight: 2.4, cell: (r) => r.location ?? '', optional: true },
  { head: '查验/状况', weight: 1.7, cell: (r) => r.remark ?? '', optional: true },
];
const ITEM_SIZE = 8.5;
const CODE_SIZE = 7.5;
/** The code column never grows past this: longer codes are set smaller instead (a 40-character code at about 5 pt). */
const CODE_MAX_W = 120;

/** Cell padding 3 + 3 and a 0.5 rule per column, plus the closing rule. */
const chrome = (n: number) => n * 6.5 + 0.5;

/**
 * Content widths in pt: fixed columns as given, the code column as wide as its longest code. The rest share
 * what is left: each gets its longest line if all fit (the spare split by weight), else a share growing with it.
 */
function columnWidths(cols: Col[], cells: string[][], codeW: number): number[] {
  const fixed = cols.map((c) => (c.code ? codeW : (c.width ?? 0)));
  const free = CONTENT_W - chrome(cols.length) - fixed.reduce((n, w) => n + w, 0);
  const flex = cols.map((c, k) => (c.weight ? k : -1)).filter((k) => k >= 0);
  const min = new Map(flex.map((k) => [k, textWidth(cols[k]!.head, ITEM_SIZE, true) + 1]));
  const longestLine = (k: number) => Math.max(...cells.map((r) => Math.max(...r[k]!.split('\n').map((l) => textWidth(l, ITEM_SIZE)))));
  const want = new Map(flex.map((k) => [k, Math.max(min.get(k)!, longestLine(k) + 1)]));
  const sum = (m: Map<number, number>) => [...m.values()].reduce((n, w) => n + w, 0);
  const weights = flex.reduce((n, k) => n + cols[k]!.weight!, 0);
  const out = [...fixed];
  for (const k of flex) {
    out[k] =
      sum(want) <= free
        ? want.get(k)! + ((free - sum(want)) * cols[k]!.weight!) / weights
        : min.get(k)! + ((free - sum(min)) * (want.get(k)! - min.get(k)!)) / (sum(want) - sum(min));
    out[k] = Math.floor(out[k]);
  }
  // What rounding left over goes to the widest column, so the table is as wide as the page.
  const widest = flex.reduce((a, k) => (out[k]! > out[a]! ? k : a), flex[0]!);
  if (flex.length) out[widest]! += Math.max(0, Math.floor(CONTENT_W - chrome(cols.length) - out.reduce((n, w) => n + w, 0)));
  return out;
}

/** Widths of a table's columns in pt, '*' shared equally; 'auto' columns count as the whole width. */
function resolveWidths(widths: Array<number | '*' | 'auto'>): number[] {
  const fixed = widths.reduce<number>((n, w) => n + (typeof w === 'number' ? w : 0), 0);
  const stars = widths.filter((w) => w === '*').length;
  const star = (CONTENT_W - chrome(widths.length) - fixed) / Math.max(1, stars);
  return widths.map((w) => (typeof w === 'number' ? w : w === '*' ? star : CONTENT_W));
}

const asCell = (t: string | Content): Content => (typeof t === 'string' ? { text: t } : t);

const HEAD_LABEL_W = 68;
const HEAD_SIZE = 9;
function headerGrid(fields: FormDoc['fields']): Block | null {
  if (fields.length === 0) return null;
  const [, valueW] = resolveWidths([HEAD_LABEL_W, '*', HEAD_LABEL_W, '*']) as [number, number];
  const label = (t: string): TableCell => ({ text: t, bold: true, fillColor: FILL });
  const value = (v: string, wide: boolean): TableCell => {
    const w = wide ? 2 * valueW + HEAD_LABEL_W + 13 : valueW;
    const t = keepCodesWhole(v, w, HEAD_SIZE);
    return wide ? ({ ...(asCell(t) as object), colSpan: 3 } as TableCell) : (t as TableCell);
  };
  const rows: TableCell[][] = [];
  let pending: [string, string] | null = null;
  const isLong = (v: string) => v.length > 22;
  for (const [k, v] of fields) {
    if (isLong(v)) {
      if (pending) rows.push([label(pending[0]), value(pending[1], true), '', '']);
      pending = null;
      rows.push([label(k), value(v, true), '', '']);
    } else if (pending) {
      rows.push([label(pending[0]), value(pending[1], false), label(k), value(v, false)]);
      pending = null;
    } else {
      pending = [k, v];
    }
  }
  if (pending) rows.push([label(pending[0]), value(pending[1], true), '', '']);
  return {
    kind: 'atom',
    content: (id) => {
      const body = rows.map((r, k) => (k === rows.length - 1 ? [{ ...(r[0] as object), id } as TableCell, ...r.slice(1)] : r));
      return { table: { widths: [HEAD_LABEL_W, '*', HEAD_LABEL_W, '*'], body }, layout: grid, fontSize: HEAD_SIZE, margin: [0, 4, 0, 8] };
    },
  };
}

function itemTable(items: DocItemRow[]): Block | null {
  if (items.length === 0) return null;
  const cols = ITEM_COLS.filter((c) => !c.optional || items.some((r, i) => c.cell(r, i).trim() !== ''));
  const cells = items.map((r, i) => cols.map((c) => c.cell(r, i)));
  const longest = Math.max(textWidth('编码', ITEM_SIZE, true), ...items.map((r) => textWidth(r.code, CODE_SIZE)));
  const widths = columnWidths(cols, cells, Math.min(CODE_MAX_W, Math.ceil(longest + 1)));
  const head: TableCell[] = cols.map((c) => ({ text: c.head, bold: true, fillColor: FILL, alignment: 'center', noWrap: true }));
  const rows: TableCell[][] = cells.map((r) =>
    cols.map((c, k) => (c.code ? { text: [codeRun(r[k]!, widths[k]!, CODE_SIZE)], fontSize: CODE_SIZE } : (keepCodesWhole(r[k]!, widths[k]!, ITEM_SIZE) as TableCell))),
  );
  return { kind: 'table', title: `物品清单（共 ${items.length} 件）`, widths, head, rows, layout: grid, fontSize: ITEM_SIZE, margin: [0, 2, 0, 8] };
}

/** Section keys are usually short labels, but 归还核对 keys are item codes: the key column fits them. */
function sectionBlocks(doc: FormDoc): Block[] {
  const out: Block[] = [];
  for (const s of doc.sections ?? []) {
    if (s.lines.length === 0) {
      out.push({ kind: 'atom', content: (id) => blockTitle(s.title, id) });
      continue;
    }
    const keyW = Math.min(170, Math.max(90, Math.ceil(Math.max(...s.lines.map(([k]) => textWidth(k, HEAD_SIZE, true))) + 1)));
    const [, valueW] = resolveWidths([keyW, '*']) as [number, number];
    const rows = s.lines.map(([k, v]): TableCell[] => [
      { ...(asCell(keepCodesWhole(k, keyW, HEAD_SIZE, true)) as object), bold: true, fillColor: FILL } as TableCell,
      keepCodesWhole(v, valueW, HEAD_SIZE) as TableCell,
    ]);
    out.push({ kind: 'table', title: s.title, widths: [keyW, '*'], head: null, rows, layout: grid, fontSize: HEAD_SIZE, margin: [0, 0, 0, 6] });
  }
  const qr = doc.qr;
  if (qr) {
    out.push({
      kind: 'atom',
      content: (id) => ({
        columns: [
          { width: 72, ...fitSvg(qrCode(qr.text), 72, 72) },
          { width: '*', stack: [{ text: qr.caption, bold: true, fontSize: 9, id }, { text: qr.text, fontSize: 7, color: GREY }], margin: [6, 8, 0, 0] },
        ],
        margin: [0, 2, 0, 8],
        unbreakable: true,
      }),
    });
  }
  return out;
}

const TABLE_SIZE = 7.5;
function genericTable(t: NonNullable<FormDoc['table']>): Block {
  const head: TableCell[] = t.columns.map((c) => ({ text: c, bold: true, fillColor: FILL, alignment: 'center' }));
  const widths = t.widths ?? t.columns.map(() => '*' as const);
  const inner = resolveWidths(widths);
  const rows = t.rows.map((r) => r.map((cell, k) => keepCodesWhole(cell, inner[k]!, TABLE_SIZE) as TableCell));
  return { kind: 'table', ...(t.title ? { title: t.title } : {}), widths, head, rows, layout: grid, fontSize: TABLE_SIZE, margin: [0, 2, 0, 8] };
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
  // One unbreakable row rather than an `unbreakable` stack: pdfmake reports the page a row lands on, but not
  // where an unbreakable stack went, and form-flow needs that page.
  const block: Content = {
    stack: [
      { id: SIGNATURES_ID, text: '签名确认', bold: true, fontSize: 10, margin: [0, 6, 0, 2] },
      { table: { widths: Array(perRow).fill('*'), body: rows }, layout: grid, fontSize: 9 },
    ],
  };
  return { table: { widths: ['*'], dontBreakRows: true, body: [[block]] }, layout: BARE };
}

/** The pdfmake definition, exposed for tests that inspect the layout. */
export function formDefinition(doc: FormDoc, meta: DocMeta, opts: { keepTail?: boolean } = {}): TDocumentDefinitions {
  const keepTail = opts.keepTail ?? false;
  const printedAt = formatZhDateTime(meta.printedAt);
  const footerQr = fitSvg(qrCode(verificationString(meta)), 64, 64);
  const content: Content[] = [{ text: doc.title, bold: true, fontSize: 18, alignment: 'center', margin: [0, 0, 0, 4] }];
  // Code 128 carries printable ASCII only; a number with Chinese in it is printed as text in the fields.
  if (doc.barcode && /^[\x20-\x7e]+$/.test(doc.barcode)) {
    const bc = code128Block(doc.barcode, { maxWidth: 240, maxModule: 1.1, barHeight: 24, textSize: 8 });
    content.push({ stack: [bc.content], margin: [0, 0, 0, 4] });
  }
  const blocks = [headerGrid(doc.fields), itemTable(doc.items), ...sectionBlocks(doc), doc.table ? genericTable(doc.table) : null];
  const flow = flowBlocks(blocks.filter((b): b is Block => b !== null), keepTail);
  content.push(...flow.content);
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
    pageBreakBefore: pageBreakBefore(flow, keepTail),
  };
}

export async function renderFormPdf(doc: FormDoc, meta: DocMeta, opts: { fontDir: string | null }): Promise<Buffer> {
  try {
    return await renderPdf(formDefinition(doc, meta), { fontDir: opts.fontDir });
  } catch (e) {
    if (!(e instanceof SignaturesAlone)) throw e;
    return renderPdf(formDefinition(doc, meta, { keepTail: true }), { fontDir: opts.fontDir });
  }
}
