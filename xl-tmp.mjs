import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
for (const useStyles of [false, true]) {
let s = Date.now();
const pt = new PassThrough(); const chunks = []; pt.on('data', (c) => chunks.push(c));
const w = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: pt, useSharedStrings: false, useStyles });
const ws2 = w.addWorksheet('a', { views: [{ state: 'frozen', ySplit: 1 }] });
ws2.columns = Array.from({length: 20}, (_, i) => ({ width: 10 + i }));
const h = ws2.addRow(Array.from({length: 20}, (_, i) => '表头'+i)); if (useStyles) h.font = { bold: true }; h.commit();
for (let r = 0; r < 50000; r++) { const o = []; for (let i = 0; i < 20; i++) o.push(i === 6 ? r : `值${r % 100}-${i}`); ws2.addRow(o).commit(); }
ws2.commit();
await w.commit();
const buf = Buffer.concat(chunks);
console.log('stream styles', useStyles, Date.now() - s, buf.length, process.memoryUsage().heapUsed / 1e6);
s = Date.now();
const wb = new ExcelJS.Workbook(); await wb.xlsx.load(buf); const ws = wb.worksheets[0];
console.log('read back', Date.now() - s, ws.rowCount, ws.getRow(1).getCell(1).value, ws.getColumn(3).width, ws.getRow(2).getCell(7).value);
}
