/** The import template: the list header (扣押决定书/清单编号, time, officers, holder, witness) above the item columns. */
import ExcelJS from 'exceljs';
import type { FileOut } from '../../../../shared/api/common.schemas';
import { IMPORT_FIELD_LABELS, LIST_HEADER_FIELDS, LIST_HEADER_LABELS, type ImportField } from '../../../../shared/domain/import-fields';
import { CATEGORY_CHOICES } from './import.values';

const COLUMNS: ImportField[] = ['caseNo', 'name', 'category', 'quantity', 'unit', 'spec', 'features', 'ownerName', 'ownerIdNo', 'cashAmount', 'estimatedValue', 'sealNo', 'seizedAt'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function importTemplate(): Promise<FileOut> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('扣押清单');
  LIST_HEADER_FIELDS.forEach((f, i) => {
    const row = ws.getRow(i + 1);
    row.getCell(1).value = LIST_HEADER_LABELS[f];
    row.getCell(1).font = { bold: true };
  });
  const header = ws.getRow(LIST_HEADER_FIELDS.length + 2);
  COLUMNS.forEach((f, i) => {
    const c = header.getCell(i + 1);
    c.value = IMPORT_FIELD_LABELS[f];
    c.font = { bold: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F4FF' } };
    ws.getColumn(i + 1).width = f === 'features' || f === 'caseNo' ? 26 : 14;
  });
  ws.getCell(`A${LIST_HEADER_FIELDS.length + 1}`).value = `说明：时间写成 2026-11-20 14:30（北京时间），行内扣押时间可不填、沿用表头；类别可填${CATEGORY_CHOICES}；现金填写现金金额；案件编号可不填，由导入时选择的案件补上`;
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: '扣押清单导入模板.xlsx', mime: XLSX, base64: buf.toString('base64') };
}
