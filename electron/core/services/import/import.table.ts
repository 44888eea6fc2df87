/** Finding the item table in a sheet: the list header above it, the header row, and which column feeds which field. */
import {
  IMPORT_FIELDS,
  IMPORT_FIELD_LABELS,
  recogniseField,
  recogniseListHeader,
  type ImportField,
  type ListHeaderField,
} from '../../../../shared/domain/import-fields';
import { badInput } from '../../errors';
import type { Cell, Sheet } from './import.read';

export type Mapping = Partial<Record<ImportField, string>>;
export type Table = {
  /** 1-based row number of the header row. */
  headerRow: number;
  headers: string[];
  mapping: Mapping;
  columnOf: Partial<Record<ImportField, number>>;
  listHeader: Partial<Record<ListHeaderField, { row: number; value: Cell }>>;
  /** Data rows with their spreadsheet row numbers (empty rows left out). */
  data: Array<{ row: number; cells: Cell[] }>;
};

const HEADER_SCAN_ROWS = 30;

export function cellText(c: Cell | undefined): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString();
  if (typeof c === 'object') return '';
  return String(c).trim();
}

/** Locates the table; `mapping` (from the wizard or a saved template) overrides automatic recognition. */
export function locateTable(sheet: Sheet, mapping?: Mapping): Table {
  const wanted = new Set(Object.values(mapping ?? {}).filter(Boolean));
  const score = (cells: Cell[]) => cells.filter((c) => {
    const t = cellText(c);
    return t && (recogniseField(t) || wanted.has(t));
  }).length;
  let headerIdx = -1;
  for (let i = 0; i < Math.min(sheet.rows.length, HEADER_SCAN_ROWS); i++) {
    if (score(sheet.rows[i] ?? []) >= 2) {
      headerIdx = i;
      break;
    }
  }
  if (headerIdx < 0) {
    if (sheet.rows.every((r) => r.every((c) => c === null))) throw badInput('文件是空的：没有任何数据');
    throw badInput(`前 ${HEADER_SCAN_ROWS} 行里没有找到表头：至少要有「物品名称」「数量」等两列能识别的列名`);
  }
  const headerRow = headerIdx + 1;
  const merged = sheet.merges.filter((m) => m.top <= headerRow && headerRow <= m.bottom);
  if (merged.length) {
    const ranges = merged.map((m) => m.range).join('、');
    throw badInput(`表头（第 ${headerRow} 行）有合并单元格（${ranges}），无法确定每一列的含义。请取消合并，让每一列只有一个列名后再导入`);
  }
  const headers = (sheet.rows[headerIdx] ?? []).map((c) => cellText(c));
  const columnOf: Partial<Record<ImportField, number>> = {};
  const used: Mapping = {};
  if (mapping) {
    for (const f of IMPORT_FIELDS) {
      const h = mapping[f];
      if (!h) continue;
      const col = headers.indexOf(h);
      if (col < 0) throw badInput(`映射中的列「${h}」（${IMPORT_FIELD_LABELS[f]}）在文件表头中不存在`);
      columnOf[f] = col;
      used[f] = h;
    }
  } else {
    headers.forEach((h, col) => {
      const f = h ? recogniseField(h) : null;
      if (f && columnOf[f] === undefined) {
        columnOf[f] = col;
        used[f] = h;
      }
    });
  }
  if (columnOf.name === undefined) throw badInput('没有对应到「物品名称」的列，请在列映射中选择哪一列是物品名称');
  const listHeader: Table['listHeader'] = {};
  for (let i = 0; i < headerIdx; i++) readListHeaderRow(sheet.rows[i] ?? [], i + 1, listHeader);
  const data: Table['data'] = [];
  for (let i = headerIdx + 1; i < sheet.rows.length; i++) {
    const cells = sheet.rows[i] ?? [];
    if (cells.some(usable)) data.push({ row: i + 1, cells });
  }
  if (!data.length) throw badInput('文件里只有表头，没有任何物品行');
  return { headerRow, headers, mapping: used, columnOf, listHeader, data };
}

/** A cell worth a row: any text, number or date, or an error to report. */
const usable = (c: Cell): boolean => c !== null && (isErrorCell(c) || cellText(c) !== '');
export const isErrorCell = (c: Cell | undefined): c is { error: string } => typeof c === 'object' && c !== null && !(c instanceof Date);

/** 「扣押清单编号 | X」 pairs, or 「扣押清单编号：X」 in one cell. */
function readListHeaderRow(cells: Cell[], row: number, out: Table['listHeader']): void {
  for (let c = 0; c < cells.length; c++) {
    const t = cellText(cells[c]);
    if (!t) continue;
    const inline = /^([^：:]+)[：:](.+)$/u.exec(t);
    if (inline) {
      const f = recogniseListHeader(inline[1]!);
      if (f && !out[f]) out[f] = { row, value: inline[2]!.trim() };
      continue;
    }
    const f = recogniseListHeader(t);
    if (!f || out[f]) continue;
    let v = c + 1;
    while (v < cells.length && cells[v] === null) v++;
    if (v < cells.length) out[f] = { row, value: cells[v]! };
    c = v;
  }
}
