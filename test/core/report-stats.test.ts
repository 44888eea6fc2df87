/** 统计报表 on a fixture with known answers: counts, value totals, end-of-period stock, late intakes, overdue loans, 处置到位率. */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/test-core';
import { intoStore, policeCase, witness, type Item } from './request-fixtures';

const DAY = 86_400_000;
const NOV = { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' };
let t: TestCore;
let caseA: { caseId: number; items: Item[] };
let late: Item;

beforeAll(async () => {
  t = await makeTestCore();
  // Case A: phone, laptop and 10 000 yuan cash, received 1 hour after seizure.
  caseA = await policeCase(t, ['手机', '电脑', '现金']);
  await intoStore(t, caseA.items);
  // Case B: seized three days ago, received now (late), valued 500; a second item refused at intake.
  const c = await t.call('ga_bar', 'case.create', { caseNo: 'A3716002026119901', name: '李某诈骗案' });
  const b = await t.call('ga_bar', 'item.register', {
    caseId: c.id, seizureDocNo: '滨公（刑）扣字〔2026〕901号', seizedAt: new Date(t.clock.now.getTime() - 3 * DAY).toISOString(), seizedBy: '李办案',
    items: [
      { name: '金手镯', category: 'valuables', quantity: 1, unit: '只', estimatedValue: 500, source: 'seized' },
      { name: '旧背包', category: 'general', quantity: 1, unit: '个', estimatedValue: 30, source: 'seized' },
    ],
  });
  late = b[0]!;
  await t.call('zx_bgy', 'intake.receive', { counterpart: { name: '李办案', idNo: '061234' }, items: [{ code: late.code }], witness: witness('zx_bgy2') });
  await t.call('zx_bgy', 'intake.refuse', { code: b[1]!.code, reason: '未随附扣押清单' });

  // The phone goes out on loan, due tomorrow, and is not back; the laptop is returned to its owner.
  const [phone, laptop] = caseA.items;
  const loan = await t.call('ga_bar', 'request.create', { kind: 'loan', itemIds: [phone!.id], reason: '辨认', purpose: 'identification', dueAt: new Date(t.clock.now.getTime() + DAY).toISOString() });
  await t.call('ga_sp', 'request.decide', { id: loan.id, approve: true });
  await t.call('zx_bgy', 'request.execute', { id: loan.id, scannedCodes: [phone!.code] });
  const ret = await t.call('ga_bar', 'request.create', {
    kind: 'return', itemIds: [laptop!.id], reason: '与案件无关，发还', legalBasis: '滨公（刑）发还字〔2026〕7号', claimant: { name: '张三', idType: 'resident_id', idNo: '371602199001011234' },
  });
  await t.call('ga_sp', 'request.decide', { id: ret.id, approve: true });
  await t.call('zx_bgy', 'request.execute', { id: ret.id, scannedCodes: [laptop!.code] });
  t.clock.advance(3 * DAY);
  for (const u of ['jw_jd', 'ga_bar', 'zx_bgy']) await t.login(u);
}, 60_000);
afterAll(() => t.close());

const fig = (r: { figures: Array<{ key: string; count: number; value: number }> }) => Object.fromEntries(r.figures.map((f) => [f.key, [f.count, f.value]]));

describe('report.stats', () => {
  it('counts and totals November from the ledger', async () => {
    const r = await t.call('jw_jd', 'report.stats', NOV);
    expect(fig(r)).toEqual({
      received: [4, 10500],
      refused: [1, 30],
      loanedOut: [1, 0],
      loanReturned: [0, 0],
      transferPaper: [0, 0],
      transferPhysical: [0, 0],
      returnedToOwner: [1, 0],
      sold: [0, 0],
      destroyed: [0, 0],
      confiscated: [0, 0],
      handedOver: [0, 0],
      inStockAtEnd: [2, 10500],
      overdueLoans: [1, 0],
      lateIntakes: [1, 500],
    });
    expect(r.filterText).toContain('期间：2026-11-01 08:00 至 2026-12-01 08:00');
  });

  it('a later period counts no movement but keeps the stock; filters narrow it', async () => {
    const dec = await t.call('jw_jd', 'report.stats', { from: NOV.to, to: '2027-01-01T00:00:00.000Z' });
    expect(fig(dec).received).toEqual([0, 0]);
    expect(fig(dec).inStockAtEnd).toEqual([2, 10500]);
    expect(fig(dec).overdueLoans).toEqual([0, 0]);
    const cash = await t.call('jw_jd', 'report.stats', { ...NOV, category: 'cash' });
    expect(fig(cash).received).toEqual([1, 10000]);
    expect(fig(cash).inStockAtEnd).toEqual([1, 10000]);
    const before = await t.call('jw_jd', 'report.stats', { from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' });
    expect(fig(before).inStockAtEnd).toEqual([0, 0]);
  });

  it('处置到位率 per case and per agency, over the cases at 执行 or 结案', async () => {
    expect((await t.call('jw_jd', 'report.stats', NOV)).rateByCase).toEqual([]); // both cases still in 侦查
    await sql`UPDATE cases SET stage = 'execution'`.execute(t.core.store.db);
    const r = await t.call('jw_jd', 'report.stats', NOV);
    expect(r.rateByCase.map((x) => [x.label.split(' ')[0], x.total, x.done, x.rate])).toEqual([
      [caseA.items[0]!.caseNo, 3, 1, 33.33],
      ['A3716002026119901', 2, 0, 0],
    ]);
    expect(r.rateByAgency).toEqual([expect.objectContaining({ label: '滨州市公安局', total: 5, done: 1, rate: 20 })]);
    expect(r.rateByCaseType).toEqual([{ id: 0, key: '', label: '未分类', total: 5, done: 1, rate: 20 }]);
  });

  it('is for inspectors only, and rejects an empty period', async () => {
    expect((await t.fail('ga_bar', 'report.stats', NOV)).code).toBe('FORBIDDEN');
    expect((await t.fail('jw_jd', 'report.stats', { from: NOV.to, to: NOV.from })).message).toContain('开始时间须早于结束时间');
  });

  it('exports to Excel and prints a PDF with serial and events hash', async () => {
    const x = await t.call('jw_jd', 'report.export', NOV);
    expect(x.fileName).toMatch(/^统计报表-.*\.xlsx$/);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.base64, 'base64') as never);
    const rows = wb.getWorksheet('统计')!.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1, 4));
    expect(rows[0]).toEqual(['入库（查验通过）', 4, 10500]);
    // The sheets, each with a bold header row frozen above its rows; the last explains the figures.
    expect(wb.worksheets.map((w) => w.name)).toEqual(['统计', '处置到位率（单位）', '处置到位率（案件）', '处置到位率（案件类型）', '说明']);
    const notes = wb.getWorksheet('说明')!;
    expect(notes.getRow(1).values).toEqual([undefined, '项目', '内容']);
    expect(notes.getRow(1).font?.bold).toBe(true);
    expect(notes.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(notes.getColumn(1).values.slice(2)).toEqual(['导出人', '导出时间', '筛选条件', '口径']);
    const before = await t.eventCount();
    const pdf = await t.call('jw_jd', 'report.print', NOV);
    expect(pdf.serialNo).toMatch(/^TJBB/);
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(await t.eventCount()).toBe(before + 1); // RECEIPT_PRINTED
    const last = await t.core.store.db.selectFrom('custody_events').select(['type', 'payload']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    // The hash covers the events counted in the period: 4 received, 1 refused, 1 loaned out, 1 returned to owner.
    expect(last.type).toBe('RECEIPT_PRINTED');
    expect(JSON.parse(last.payload)).toMatchObject({ serialNo: pdf.serialNo, docType: 'statistics', eventCount: 7 });
  });

  it('dashboard: stock by status and category, weekly moves, cash and valuables', async () => {
    const d = await t.call('jw_jd', 'report.dashboard', {});
    const by = (b: Array<{ key: string; count: number }>) => Object.fromEntries(b.map((x) => [x.key, x.count]));
    // 在管物品: the returned item is no longer held, so the status chart leaves it out.
    expect(by(d.byStatus)).toEqual({ IN_STORE: 2, ON_LOAN: 1, REGISTERED: 1 });
    expect(by(d.byCategory)).toEqual({ cash: 1, electronics: 1, valuables: 1, general: 1 });
    expect(d.cashValue).toBe(10000);
    expect(d.valuablesValue).toBe(500);
    expect(d.weekly).toHaveLength(12);
    expect(d.weekly.reduce((a, w) => a + w.in, 0)).toBe(4);
    expect(d.weekly.reduce((a, w) => a + w.out, 0)).toBe(2);
    expect(d.overdueLoans).toBe(1);
    expect(d.openAlerts).toBeGreaterThan(0);
  });
});
