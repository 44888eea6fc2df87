/** Seizure lists in from Excel/CSV: every bad row named, nothing written while errors remain, the fixed file commits. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { makeTestCore, type TestCore } from '../support/test-core';
import { GBK_CSV_HEX, ITEM_HEAD, LIST_HEAD, xlsx } from './support/import-fixtures';

let t: TestCore;
let caseId: number;
const CASE_NO = 'A3716002026110088';
beforeEach(async () => {
  t = await makeTestCore({ start: '2026-11-20T02:00:00.000Z' });
  caseId = (await t.call('ga_bar', 'case.create', { caseNo: CASE_NO, name: '张某盗窃案' })).id;
});
afterEach(() => t.close());

const itemCount = async () => (await t.call('ga_bar', 'item.list', { caseId, limit: 500 })).rows.length;

const GOOD_ROWS = [
  ['黑色苹果手机', 1, '部', 'iPhone 15', '屏幕有裂痕', null, null, CASE_NO, null],
  ['足金项链', 2, '条', null, '约 20 克', '李四', '2026-11-19 10:00', CASE_NO, null],
  ['人民币现金', 1, '沓', '百元券', null, null, null, CASE_NO, 5000],
];

describe('import preview', () => {
  it('names every bad row with its row number and field, uses a formula’s computed value, and writes nothing', async () => {
    const bad = [
      ...GOOD_ROWS,
      [null, 1, '个', null, '无名称', null, null, CASE_NO, null], // row 12: missing name
      ['银色笔记本电脑', '三台', '台', null, null, null, null, CASE_NO, null], // row 13: bad quantity
      ['人民币现金', 1, '沓', null, '第二沓', null, null, CASE_NO, '五千'], // row 14: bad amount
      ['电动车', 1, '辆', null, null, null, null, 'A999999999', null], // row 15: unknown case
      ['黑色苹果手机', 1, '部', 'iPhone 15', '屏幕有裂痕', null, null, CASE_NO, null], // row 16: duplicate of row 9
      ['摩托车', 1, '辆', null, null, null, '去年冬天', CASE_NO, null], // row 17: unreadable date
      ['手表', { formula: '1+1', result: 2 }, '块', null, null, null, null, CASE_NO, null], // row 18: formula → 2
    ];
    const base64 = await xlsx([...LIST_HEAD, ITEM_HEAD, ...bad]);
    const events = await t.eventCount();
    const p = await t.call('ga_bar', 'import.preview', { fileName: '清单.xlsx', base64, caseId });
    expect(p.headerRow).toBe(8);
    expect(p.mapping).toMatchObject({ name: '物品名称', quantity: '数量', unit: '单位', spec: '规格型号', features: '特征', ownerName: '持有人', seizedAt: '扣押时间', caseNo: '案件编号', cashAmount: '现金金额（元）' });
    expect(p.listHeader).toMatchObject({ decisionNo: '滨公（刑）扣决字〔2026〕88号', listNo: '滨公（刑）扣字〔2026〕88号', witness: '王见证' });
    expect(p.total).toBe(10);
    expect(p.problems.map((x) => [x.row, x.field])).toEqual([
      [12, 'name'],
      [13, 'quantity'],
      [14, 'cashAmount'],
      [15, 'caseNo'],
      [16, 'row'],
      [17, 'seizedAt'],
    ]);
    const msg = Object.fromEntries(p.problems.map((x) => [x.row, x.message]));
    expect(msg[12]).toBe('物品名称为空');
    expect(msg[13]).toBe('数量「三台」不是数字');
    expect(msg[14]).toBe('金额「五千」不是数字');
    expect(msg[15]).toContain('案件编号「A999999999」不存在');
    expect(msg[16]).toContain('与第 9 行完全相同');
    expect(msg[17]).toContain('无法识别的日期「去年冬天」');
    const watch = p.rows.find((r) => r.row === 18)!;
    expect([watch.ok, watch.quantity]).toEqual([true, '2']);
    expect(p.rows.find((r) => r.row === 12)!.messages).toEqual(['物品名称：物品名称为空']);

    const refused = await t.fail('ga_bar', 'import.commit', { fileName: '清单.xlsx', base64, caseId });
    expect(refused.code).toBe('BAD_INPUT');
    expect(refused.message).toContain('6 处错误');
    expect(refused.details).toContain('第 13 行「数量」：数量「三台」不是数字');
    expect(await t.eventCount()).toBe(events);
    expect(await itemCount()).toBe(0);
  });

  it('reads a GBK-encoded CSV (Excel on Chinese Windows) correctly', async () => {
    const base64 = Buffer.from(GBK_CSV_HEX, 'hex').toString('base64');
    const p = await t.call('ga_bar', 'import.preview', { fileName: '清单.csv', base64, caseId });
    expect(p.problems).toEqual([]);
    expect(p.rows.map((r) => [r.row, r.name, r.quantity, r.unit, r.seizedAt])).toEqual([
      [2, '黑色手机', '1', '部', '2026-11-19 10:00'],
      [3, '金项链，足金', '2', '条', '2026-11-19 10:30'],
    ]);
  });

  it('refuses malformed files, each with a clear Chinese message', async () => {
    const fail = async (fileName: string, bytes: Buffer | string) => {
      const base64 = typeof bytes === 'string' ? bytes : bytes.toString('base64');
      return (await t.fail('ga_bar', 'import.preview', { fileName, base64, caseId })).message;
    };
    expect(await fail('说明.pdf', Buffer.from('%PDF-1.7 not a sheet'))).toBe('「说明.pdf」不是 Excel（.xlsx）或 CSV 文件，无法导入');
    const ole = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]);
    expect(await fail('旧版.xls', ole)).toContain('旧版 Excel（.xls）');
    expect(await fail('加密.xlsx', Buffer.concat([ole, Buffer.from('EncryptionInfo\0EncryptedPackage', 'utf16le')]))).toContain('设置了打开密码');
    expect(await fail('空.csv', Buffer.from('\r\n\r\n'))).toBe('文件是空的：没有任何数据');
    expect(await fail('空.xlsx', await xlsx([]))).toBe('文件是空的：工作簿里没有任何数据');
    expect(await fail('只有表头.xlsx', await xlsx([ITEM_HEAD]))).toBe('文件里只有表头，没有任何物品行');
    expect(await fail('坏.xlsx', Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(100)]))).toContain('不是有效的 Excel 工作簿');
    const many = '物品名称,数量\n' + '手机,1\n'.repeat(100_000);
    expect(await fail('十万行.csv', Buffer.from(many))).toContain('一次最多导入 99,999 行');
    const wide = Array.from({ length: 1001 }, (_, i) => `列${i}`).join(',') + '\n';
    expect(await fail('宽.csv', Buffer.from(wide))).toContain('1,000 列的上限');
    const merged = await xlsx([['物品名称', '数量', null], ['手机', 1, '部']], (ws) => ws.mergeCells('B1:C1'));
    expect(await fail('合并.xlsx', merged)).toBe('表头（第 1 行）有合并单元格（B1:C1），无法确定每一列的含义。请取消合并，让每一列只有一个列名后再导入');
    expect(await fail('无表头.xlsx', await xlsx([['甲', '乙'], ['1', '2']]))).toContain('没有找到表头');
  }, 60_000);
});

describe('import commit', () => {
  it('fills the downloaded template, commits all rows with their REGISTERED events, and the ledger verifies', async () => {
    const tpl = await t.call('ga_bar', 'import.template', {});
    expect(tpl.fileName).toBe('扣押清单导入模板.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(tpl.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('扣押决定书编号');
    LIST_HEAD.slice(0, 6).forEach((r, i) => (ws.getCell(i + 1, 2).value = r[1]!));
    const header = (ws.getRow(8).values as unknown[]).slice(1) as string[];
    expect(header).toEqual(['案件编号', '物品名称', '类别', '数量', '单位', '规格型号', '特征', '持有人', '持有人证件号', '现金金额（元）', '估值（元）', '封存编号', '扣押时间']);
    ws.getRow(9).values = ['', '黑色苹果手机', '电子设备', 1, '部'];
    ws.getRow(10).values = [CASE_NO, '人民币现金', '现金', 1, '沓', null, null, null, null, '¥12,000'];
    ws.getRow(11).values = ['', '足金项链', '贵重物品', 2, '条', null, null, '李四', null, null, null, null, '2026/11/19 11:00'];
    const base64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const before = await t.eventCount();
    const out = await t.call('ga_bar', 'import.commit', { fileName: '清单.xlsx', base64, caseId });
    expect(out.count).toBe(3);
    expect(out.seizureDocNo).toBe('滨公（刑）扣字〔2026〕88号');
    expect(out.cases).toEqual([{ caseNo: CASE_NO, count: 3 }]);
    expect(await t.eventCount()).toBe(before + 3);
    const items = (await t.call('ga_bar', 'item.list', { caseId, limit: 10 })).rows.sort((a, b) => a.id - b.id);
    expect(items.map((i) => [i.name, i.category, i.quantity, i.cashAmount, i.ownerName, i.seizedAt])).toEqual([
      ['黑色苹果手机', 'electronics', 1, null, '张三', '2026-11-19T01:30:00.000Z'],
      ['人民币现金', 'cash', 1, 12000, '张三', '2026-11-19T01:30:00.000Z'],
      ['足金项链', 'valuables', 2, null, '李四', '2026-11-19T03:00:00.000Z'],
    ]);
    expect(items.every((i) => i.status === 'REGISTERED' && i.seizedBy === '李办案、周民警')).toBe(true);
    const ev = (await t.call('ga_bar', 'item.timeline', { id: items[0]!.id }))[0]!;
    expect([ev.type, ev.legalDocNo, ev.witnesses.map((w) => w.name)]).toEqual(['REGISTERED', '滨公（刑）扣字〔2026〕88号', ['王见证']]);
    expect(ev.payload.listHeader).toEqual({ 扣押决定书编号: '滨公（刑）扣决字〔2026〕88号', 扣押清单编号: '滨公（刑）扣字〔2026〕88号' });
    const v = await t.call('jw_jd', 'ledger.verify', {});
    expect(v.ok).toBe(true);
  });

  it('uses a saved mapping for unusual headers; a custodian imports on behalf of the case unit; others may not', async () => {
    const grid = [['财物', '件', '计量'], ['手机', 1, '部'], ['电脑', 2, '台']];
    const base64 = await xlsx(grid);
    expect((await t.fail('ga_bar', 'import.preview', { fileName: 'x.xlsx', base64, caseId })).message).toContain('没有找到表头');
    const mapping = { name: '财物', quantity: '件', unit: '计量' };
    await t.call('zx_bgy', 'import.saveMapping', { name: '派出所格式', mapping });
    await t.call('zx_bgy', 'import.saveMapping', { name: '派出所格式', mapping });
    const saved = await t.call('zx_bgy', 'import.mappings', {});
    expect(saved.map((m) => [m.name, m.mapping])).toEqual([['派出所格式', mapping]]);
    expect(await t.call('ga_bar', 'import.mappings', {})).toEqual([]);
    // Without a 扣押时间 anywhere, nothing is guessed.
    const noTime = await t.call('zx_bgy', 'import.preview', { fileName: 'x.xlsx', base64, caseId, mapping });
    expect(noTime.problems.map((p) => [p.row, p.field])).toEqual([[2, 'seizedAt'], [3, 'seizedAt']]);
    const seizedAt = '2026-11-19T08:00:00.000Z';
    const out = await t.call('zx_bgy', 'import.commit', { fileName: 'x.xlsx', base64, caseId, mapping, seizedAt, seizureDocNo: '滨公扣〔2026〕9号', seizedBy: '李办案' });
    expect(out.count).toBe(2);
    expect(out.firstCode).toMatch(/^371600ZX-2026-/);
    const items = (await t.call('ga_bar', 'item.list', { caseId, limit: 10 })).rows;
    expect(items.map((i) => [i.holdingAgencyName, i.seizedAt, i.seizureDocNo])).toEqual([
      ['滨州市公安局', seizedAt, '滨公扣〔2026〕9号'],
      ['滨州市公安局', seizedAt, '滨公扣〔2026〕9号'],
    ]);
    const officer = await t.fail('jc_bar', 'import.commit', { fileName: 'x.xlsx', base64, caseId, mapping, seizedAt, seizureDocNo: 'X1' });
    expect(officer.message).toMatch(/不存在或无权/);
    expect((await t.fail('jw_jd', 'import.preview', { fileName: 'x.xlsx', base64, caseId })).code).toBe('FORBIDDEN');
  });
});
