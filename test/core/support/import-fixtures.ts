/** Seizure-list workbooks built in the tests: Chinese headers, a list header, bad rows, a formula, merged headers, GBK CSV. */
import ExcelJS from 'exceljs';

export type Grid = Array<Array<ExcelJS.CellValue>>;

export async function xlsx(grid: Grid, edit?: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('扣押清单');
  grid.forEach((r, i) => r.forEach((v, j) => {
    if (v !== null && v !== undefined) ws.getCell(i + 1, j + 1).value = v;
  }));
  edit?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

export const LIST_HEAD: Grid = [
  ['扣押决定书编号', '滨公（刑）扣决字〔2026〕88号'],
  ['扣押清单编号', '滨公（刑）扣字〔2026〕88号'],
  ['扣押时间', '2026-11-19 09:30'],
  ['扣押人', '李办案、周民警'],
  ['持有人', '张三'],
  ['见证人', '王见证'],
  [],
];
export const ITEM_HEAD = ['物品名称', '数量', '单位', '规格型号', '特征', '持有人', '扣押时间', '案件编号', '现金金额（元）'];

/** GBK bytes of a small list (物品名称,数量,单位,持有人,扣押时间 and two rows), as Excel on Chinese Windows writes it. */
export const GBK_CSV_HEX =
  'ceefc6b7c3fbb3c62ccafdc1bf2cb5a5cebb2cb3d6d3d0c8cb2cbfdbd1bacab1bce40abadac9abcad6bbfa2c312cb2bf2cd5c5c8fd2c323032362d31312d31392031303a30300a22bdf0cfeec1b4a3acd7e3bdf0222c322cccf52cc0eecbc42c32303236c4ea3131d4c23139c8d5203130cab13330b7d60a';
