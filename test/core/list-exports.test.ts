/**
 * Every list out to Excel as a job: Chinese headers, the list's rows and filters, visibility (another agency's rows
 * absent), and the shared streaming runner's memory at 100,000 rows.
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/test-core';
import type { MethodInput } from '../../shared/api/contract';
import type { FileOut } from '../../shared/api/common.schemas';
import { codes, ids, storedPoliceCase } from './request-fixtures';
import { sheet, writeXlsx } from '../../electron/core/services/exports/xlsx-stream';
import type { Ctx } from '../../electron/core/context';

let t: TestCore;
beforeEach(async () => {
  t = await makeTestCore();
});
afterEach(() => t.close());

const DAY = 86_400_000;

async function runExport(user: string, input: MethodInput<'job.start'>): Promise<FileOut> {
  const started = await t.call(user, 'job.start', input);
  for (let i = 0; i < 3000; i++) {
    const s = await t.call(user, 'job.status', { jobId: started.jobId });
    if (s.state === 'done') {
      expect(s.done).toBe(s.total);
      return (await t.call(user, 'job.result', { jobId: started.jobId })).file!;
    }
    if (s.state === 'failed') throw Object.assign(new Error(s.error!.message), { apiError: s.error });
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('job did not finish');
}

async function sheetOf(file: FileOut, name: string) {
  expect(file.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const rows = [];
  for (let r = 2; r <= ws.rowCount; r++) rows.push(Object.fromEntries(header.map((h, i) => [h, ws.getRow(r).getCell(i + 1).value])));
  return { header, rows };
}

/** A police case with a loan now overdue, and a procuratorate case with a pending loan request. */
async function fixture() {
  const police = await storedPoliceCase(t, ['手机', '电脑']);
  const loan = await t.call('ga_bar', 'request.create', {
    kind: 'loan', itemIds: ids(police.items), reason: '送检鉴定', purpose: 'appraisal',
    dueAt: new Date(t.clock.now.getTime() + DAY).toISOString(), borrower: { name: '钱鉴定', idNo: '061999' },
  });
  await t.call('ga_sp', 'request.decide', { id: loan.id, approve: true });
  await t.call('zx_bgy', 'request.execute', { id: loan.id, scannedCodes: codes(police.items) });
  const jc = await t.call('jc_bar', 'case.create', { caseNo: 'JC3716002026110009', name: '检察院某案', cause: '诈骗' });
  const [jcItem] = await t.call('jc_bar', 'item.register', {
    caseId: jc.id, seizureDocNo: '滨检扣〔2026〕9号', seizedAt: new Date(t.clock.now.getTime() - 3600_000).toISOString(), seizedBy: '检察官',
    items: [{ name: '检察院的笔记本', category: 'electronics', quantity: 1, unit: '台', source: 'seized' }],
  });
  await t.call('zx_bgy', 'intake.receive', { counterpart: { name: '检察官', idNo: '071234' }, items: [{ code: jcItem!.code }] });
  await t.call('zx_bgy', 'putaway.scan', { locationCode: 'WH-A-Z1-S02', itemCode: jcItem!.code });
  const jcLoan = await t.call('jc_bar', 'request.create', { kind: 'loan', itemIds: [jcItem!.id], reason: '辨认', purpose: 'identification', dueAt: new Date(t.clock.now.getTime() + 5 * DAY).toISOString() });
  t.clock.advance(2 * DAY + 3600_000);
  for (const u of ['ga_bar', 'jc_bar', 'zx_bgy', 'jw_jd', 'bc_bgy']) await t.login(u);
  return { police, loan, jc, jcItem: jcItem!, jcLoan };
}

describe('list exports', () => {
  it('cases and requests: headers, the list filters, and only the rows the user may see', async () => {
    const f = await fixture();
    const ga = await sheetOf(await runExport('ga_bar', { kind: 'case.export' }), '案件列表');
    expect(ga.header).toEqual(['案件编号', '案件名称', '案由', '案件类型', '主办单位', '承办人', '诉讼阶段', '物品件数', '公安案件编号', '检察受案号', '法院案号', '登记时间']);
    expect(ga.rows.map((r) => r['案件名称'])).toEqual([expect.stringMatching(/^测试案/)]);
    expect(ga.rows[0]).toMatchObject({ 主办单位: '滨州市公安局', 物品件数: 2 });
    // The inspector sees both; a filter narrows them as on the screen.
    expect((await sheetOf(await runExport('jw_jd', { kind: 'case.export' }), '案件列表')).rows).toHaveLength(2);
    const filtered = await sheetOf(await runExport('jw_jd', { kind: 'case.export', filter: { q: '检察院' } }), '案件列表');
    expect(filtered.rows.map((r) => r['案件编号'])).toEqual(['JC3716002026110009']);

    const req = await sheetOf(await runExport('ga_bar', { kind: 'request.export' }), '申请单列表');
    expect(req.header.slice(0, 8)).toEqual(['申请单号', '类型', '方式', '状态', '案件编号', '案件名称', '申请单位', '接收单位']);
    expect(req.rows.map((r) => r['申请单号'])).toEqual([f.loan.requestNo]);
    expect(req.rows[0]).toMatchObject({ 类型: '调用', 申请单位: '滨州市公安局', 物品件数: 2, 事由: '送检鉴定' });
    const jcReq = await sheetOf(await runExport('jc_bar', { kind: 'request.export' }), '申请单列表');
    expect(jcReq.rows.map((r) => r['申请单号'])).toEqual([f.jcLoan.requestNo]);
    // The custodian sees both, newest first; a status filter keeps the pending one only.
    expect((await sheetOf(await runExport('zx_bgy', { kind: 'request.export' }), '申请单列表')).rows.map((r) => r['申请单号'])).toEqual([f.jcLoan.requestNo, f.loan.requestNo]);
    const pending = await sheetOf(await runExport('zx_bgy', { kind: 'request.export', filter: { status: ['pending'] } }), '申请单列表');
    expect(pending.rows.map((r) => r['申请单号'])).toEqual([f.jcLoan.requestNo]);
  }, 120_000);

  it('events, overdue loans and alerts: headers, rows against the lists, another agency absent', async () => {
    const f = await fixture();
    const db = t.core.store.db;
    const policeEvents = await db.selectFrom('custody_events').select('seq').where('case_id', '=', f.police.caseId).orderBy('seq').execute();
    const ev = await sheetOf(await runExport('ga_bar', { kind: 'event.export' }), '流转记录');
    expect(ev.header).toEqual(['序号', '时间', '事件', '物品编码', '案件编号', '经办人', '对方', '见证人', '原单位', '新单位', '原位置', '新位置', '法律文书编号', '物品状况', '备注', '哈希']);
    expect(ev.rows.map((r) => r['序号'])).toEqual(policeEvents.map((e) => e.seq));
    expect(ev.rows.some((r) => r['物品编码'] === f.jcItem.code)).toBe(false);
    expect(ev.rows[0]).toMatchObject({ 事件: '登记', 物品编码: f.police.items[0]!.code });
    // A case filter; another agency's case reads as empty, never as its events.
    const jcOnly = await sheetOf(await runExport('jw_jd', { kind: 'event.export', filter: { caseId: f.jc.id } }), '流转记录');
    expect(jcOnly.rows.length).toBeGreaterThan(0);
    expect(jcOnly.rows.every((r) => r['物品编码'] === f.jcItem.code)).toBe(true);
    expect((await sheetOf(await runExport('ga_bar', { kind: 'event.export', filter: { caseId: f.jc.id } }), '流转记录')).rows).toHaveLength(0);

    const od = await sheetOf(await runExport('ga_bar', { kind: 'overdue.export' }), '逾期未还调用');
    expect(od.header).toEqual(['申请单号', '案件编号', '申请单位', '借用人', '应还时间', '逾期天数', '未还件数', '未还物品']);
    expect(od.rows).toEqual([expect.objectContaining({ 申请单号: f.loan.requestNo, 借用人: '钱鉴定', 逾期天数: 2, 未还件数: 2 })]);
    expect((await sheetOf(await runExport('jc_bar', { kind: 'overdue.export' }), '逾期未还调用')).rows).toHaveLength(0);

    const listed = await t.call('ga_bar', 'alert.list', {});
    const al = await sheetOf(await runExport('ga_bar', { kind: 'alert.export' }), '时限预警');
    expect(al.header).toEqual(['预警类型', '级别', '物品编码', '案件编号', '申请单号', '说明', '起算时间']);
    expect(al.rows).toHaveLength(listed.alerts.length);
    expect(al.rows.map((r) => r['说明'])).toEqual(listed.alerts.map((a) => a.message));
    expect(al.rows.some((r) => r['预警类型'] === '调用逾期未还' || String(r['说明']).includes(f.loan.requestNo))).toBe(true);
    const jcAlerts = await sheetOf(await runExport('jc_bar', { kind: 'alert.export' }), '时限预警');
    expect(jcAlerts.rows.some((r) => String(r['说明']).includes(f.loan.requestNo))).toBe(false);
  }, 120_000);

  it('count results: the expected list with what was found, its discrepancies and scans; other stores refused', async () => {
    const { items } = await storedPoliceCase(t, ['手机', '电脑', '相机']);
    const count = await t.call('zx_bgy', 'stocktake.open', { scopeCode: 'WH-A-Z1-S01', blind: false });
    await t.call('zx_bgy', 'stocktake.scan', { id: count.id, code: items[0]!.code });
    await t.call('zx_bgy', 'stocktake.scan', { id: count.id, code: items[1]!.code });
    const closed = await t.call('zx_bgy', 'stocktake.close', { id: count.id });
    const file = await runExport('zx_bgy', { kind: 'stocktake.export', stocktakeId: count.id });
    expect(file.fileName).toContain(closed.countNo);
    const expected = await sheetOf(file, '应盘物品');
    expect(expected.header).toEqual(['物品编码', '名称', '账面库位', '盘点结果']);
    expect(expected.rows).toHaveLength(closed.expectedCount);
    expect(Object.fromEntries(expected.rows.map((r) => [r['物品编码'], r['盘点结果']]))).toEqual({ [items[0]!.code]: '已盘到', [items[1]!.code]: '已盘到', [items[2]!.code]: '未盘到' });
    const disc = await sheetOf(file, '盘点差异');
    expect(disc.rows).toEqual([expect.objectContaining({ 差异类型: '盘亏（未找到）', 编码: items[2]!.code })]);
    expect((await sheetOf(file, '扫描记录')).rows).toHaveLength(2);
    // Another store's custodian: as if it did not exist; a case officer lacks the permission.
    await expect(runExport('bc_bgy', { kind: 'stocktake.export', stocktakeId: count.id })).rejects.toMatchObject({ apiError: { code: 'NOT_FOUND' } });
    expect((await t.fail('ga_bar', 'job.start', { kind: 'stocktake.export', stocktakeId: count.id })).code).toBe('FORBIDDEN');
  }, 120_000);
});

describe('the streaming runner', () => {
  it('writes 100,000 rows with heap growth bounded (rows are dropped batch by batch)', async () => {
    const ctx = { user: { displayName: '测试', agencyName: '测试单位' }, now: '2026-12-01T00:00:00.000Z' } as unknown as Ctx;
    const N = 100_000;
    async function* batches() {
      for (let i = 0; i < N; i += 1000) yield Array.from({ length: 1000 }, (_, k) => i + k);
    }
    const base = process.memoryUsage().heapUsed;
    let peak = 0;
    let reports = 0;
    const file = await writeXlsx(ctx, {
      title: '测试',
      sheets: [
        sheet<number>({
          name: '数据',
          columns: [
            { header: '序号', width: 8, value: (n) => n },
            { header: '名称', width: 20, value: (n) => `涉案物品第${n}件` },
            { header: '说明', width: 40, value: (n) => `滨州市公安局扣押的物品，编号 BZGA-2026-${String(n).padStart(6, '0')}` },
            { header: '状态', width: 8, value: (n) => (n % 2 ? '在库' : '待入库') },
          ],
          batches: batches(),
        }),
      ],
      total: N,
      info: [],
      onProgress: () => {
        reports++;
        peak = Math.max(peak, process.memoryUsage().heapUsed - base);
      },
    });
    const mb = peak / 1e6;
    console.log(`100k rows: heap growth peak ${mb.toFixed(1)} MB, file ${(file.base64.length * 0.75 / 1e6).toFixed(1)} MB`);
    expect(reports).toBe(101);
    // Measured about 13 MB; a writer that kept every row (an in-memory Workbook) would grow with the list.
    expect(mb).toBeLessThan(64);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.getWorksheet('数据')!.rowCount).toBe(N + 1);
    expect(wb.getWorksheet('数据')!.getRow(N + 1).getCell(2).value).toBe(`涉案物品第${N - 1}件`);
  }, 120_000);
});
