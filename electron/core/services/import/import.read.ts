/**
 * Reading a seizure list file into rows of cells: .xlsx through exceljs, .csv as UTF-8 or GBK. Every malformed file
 * gets a Chinese refusal (never a crash): not a spreadsheet, old .xls, password-protected, empty, too many rows/columns.
 */
import ExcelJS from 'exceljs';
import { IMPORT_MAX_COLUMNS, IMPORT_MAX_ROWS } from '../../../../shared/domain/import-fields';
import { badInput } from '../../errors';

/** A cell as read: a formula gives its computed value; a cell that cannot be used carries the reason. */
export type Cell = string | number | Date | null | { error: string };
export type Sheet = { sheetName: string; /** rows[k] is spreadsheet row k + 1. */ rows: Cell[][]; merges: Array<{ top: number; left: number; bottom: number; right: number; range: string }> };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (buf: Buffer, magic: number[]) => magic.every((b, i) => buf[i] === b);
const fmt = (n: number) => n.toLocaleString('en-US');

export async function readSheet(fileName: string, buf: Buffer): Promise<Sheet> {
  if (buf.length === 0) throw badInput('文件是空的（0 字节）');
  const lower = fileName.toLowerCase();
  if (startsWith(buf, OLE)) {
    // An encrypted .xlsx is an OLE container holding "EncryptedPackage"; a plain OLE file is the old .xls format.
    if (buf.includes(Buffer.from('EncryptedPackage', 'utf16le'))) throw badInput('文件设置了打开密码，无法读取。请在 Excel 中取消密码（文件 → 信息 → 保护工作簿）后另存为 .xlsx 再导入');
    throw badInput('这是旧版 Excel（.xls）文件，本系统无法直接读取。请在 Excel 中“另存为” .xlsx 或 CSV（UTF-8）后再导入');
  }
  if (startsWith(buf, ZIP)) return readXlsx(buf);
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return readCsv(buf);
  throw badInput(`「${fileName}」不是 Excel（.xlsx）或 CSV 文件，无法导入`);
}

async function readXlsx(buf: Buffer): Promise<Sheet> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw badInput('文件不是有效的 Excel 工作簿（可能已损坏，或是其他压缩文件），无法读取');
  }
  const ws = wb.worksheets.find((w) => w.actualRowCount > 0);
  if (!ws) throw badInput('文件是空的：工作簿里没有任何数据');
  if (ws.rowCount > IMPORT_MAX_ROWS + 1) throw badInput(`文件有 ${fmt(ws.rowCount)} 行，超过上限：一次最多导入 ${fmt(IMPORT_MAX_ROWS)} 行，请拆分后分批导入`);
  if (ws.columnCount > IMPORT_MAX_COLUMNS) throw badInput(`文件有 ${fmt(ws.columnCount)} 列，超过上限：最多 ${fmt(IMPORT_MAX_COLUMNS)} 列`);
  const rows: Cell[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const out: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      // A merged cell's slaves repeat the master's value in exceljs: keep the value only on the master.
      out[col - 1] = cell.isMerged && cell.master !== cell ? null : cellValue(cell.value);
    });
    rows[n - 1] = out;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  const merges = Object.values((ws as unknown as { _merges: Record<string, { top: number; left: number; bottom: number; right: number; range: string }> })._merges).map((m) => ({
    top: m.top,
    left: m.left,
    bottom: m.bottom,
    right: m.right,
    range: m.range,
  }));
  return { sheetName: ws.name, rows, merges };
}

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) return v;
  if ('formula' in v || 'sharedFormula' in v) {
    const r = (v as { result?: unknown }).result;
    if (r === undefined || r === null) return { error: '公式没有计算结果（请在 Excel 中打开、保存后再导入）' };
    if (typeof r === 'object' && r && 'error' in r) return { error: `公式结果为错误值 ${String((r as { error: string }).error)}` };
    return cellValue(r as ExcelJS.CellValue);
  }
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('text' in v && typeof v.text === 'string') return v.text;
  if ('error' in v) return { error: `单元格为错误值 ${String(v.error)}` };
  return null;
}

/** UTF-8 (with or without BOM) when it decodes cleanly, otherwise GBK (Excel's 「CSV」 on Chinese Windows). */
export function decodeCsv(buf: Buffer): string {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return new TextDecoder('utf-8').decode(buf.subarray(3));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return new TextDecoder('gbk').decode(buf);
  }
}

function readCsv(buf: Buffer): Sheet {
  if (buf.subarray(0, 4096).includes(0)) throw badInput('文件不是文本格式的 CSV，无法导入');
  const text = decodeCsv(buf);
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field === '' ? null : field);
    field = '';
    if (row.length > IMPORT_MAX_COLUMNS) throw badInput(`第 ${fmt(rows.length + 1)} 行超过 ${fmt(IMPORT_MAX_COLUMNS)} 列的上限`);
  };
  const endRow = () => {
    endField();
    rows.push(row.every((c) => c === null) ? [] : row);
    row = [];
    if (rows.length > IMPORT_MAX_ROWS + 1) throw badInput(`文件超过 ${fmt(IMPORT_MAX_ROWS + 1)} 行，超过上限：一次最多导入 ${fmt(IMPORT_MAX_ROWS)} 行，请拆分后分批导入`);
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\n') endRow();
    else if (ch !== '\r') field += ch;
  }
  if (field !== '' || row.length) endRow();
  while (rows.length && rows[rows.length - 1]!.length === 0) rows.pop();
  if (!rows.length) throw badInput('文件是空的：没有任何数据');
  return { sheetName: 'CSV', rows, merges: [] };
}
