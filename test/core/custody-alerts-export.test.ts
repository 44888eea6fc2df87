import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/test-core';

let t: TestCore;
afterEach(() => t.close());

const HOUR = 3600_000;
const officer = { name: '李办案', idNo: '061234' };
type ItemIn = { name: string; category: 'electronics' | 'perishable' | 'general' | 'cash'; flags?: Array<'unrelated'>; cashAmount?: number };

async function register(items: ItemIn[], seizedAt: string, caseNo = 'A3716002026110001') {
  const c = await t.call('ga_bar', 'case.create', { caseNo, name: '张某盗窃案' });
  return t.call('ga_bar', 'item.register', {
    caseId: c.id,
    seizureDocNo: 'D-101',
    seizedAt,
    seizedBy: '李办案',
    items: items.map((i) => ({ quantity: 1, unit: '件', source: 'seized' as const, ...i })),
  });
}

const iso = (msAgo: number) => new Date(t.clock.now.getTime() - msAgo).toISOString();

describe('deadline alerts', () => {
  it('raises the intake clock at 20 h (warning) and 24 h (danger), scoped by agency for officers', async () => {
    t = await makeTestCore();
    const [late] = await register([{ name: '逾期手机', category: 'electronics' }], iso(25 * HOUR), 'A3716002026110001');
    const [soon] = await register([{ name: '临期手机', category: 'electronics' }], iso(21 * HOUR), 'A3716002026110002');
    const [fresh] = await register([{ name: '刚扣押手机', category: 'electronics' }], iso(1 * HOUR), 'A3716002026110003');
    const r = await t.call('zx_bgy', 'alert.list', {});
    const intake = r.alerts.filter((a) => a.kind === 'intake');
    expect(intake.map((a) => [a.itemCode, a.severity])).toEqual([
      [late!.code, 'danger'],
      [soon!.code, 'warning'],
    ]);
    expect(intake[0]!.message).toContain('超过 24 小时');
    expect(intake[0]).toMatchObject({ caseNo: 'A3716002026110001', since: late!.seizedAt, itemId: late!.id });
    expect(r.counts.intake).toBe(2);
    expect(r.alerts.some((a) => a.itemId === fresh!.id)).toBe(false);
    // The police officer sees their agency's alerts, the procuratorate officer none of them.
    expect((await t.call('ga_bar', 'alert.list', {})).counts.intake).toBe(2);
    expect((await t.call('jc_bar', 'alert.list', {})).counts.intake).toBe(0);
    // Receiving the item stops its clock.
    await t.call('zx_bgy', 'intake.receive', { counterpart: officer, items: [{ code: late!.code }] });
    expect((await t.call('zx_bgy', 'alert.list', {})).alerts.filter((a) => a.kind === 'intake').map((a) => a.itemCode)).toEqual([soon!.code]);
  });

  it('flags unrelated property held more than 3 days, perishables in store, overdue loans and closed cases', async () => {
    t = await makeTestCore();
    const [unrelated, fruit, phone] = await register(
      [
        { name: '与案无关的自行车', category: 'general', flags: ['unrelated'] },
        { name: '一箱苹果', category: 'perishable' },
        { name: '手机', category: 'electronics' },
      ],
      iso(HOUR),
    );
    await t.call('zx_bgy', 'intake.receive', { counterpart: officer, items: [{ code: unrelated!.code }, { code: fruit!.code }, { code: phone!.code }] });
    let r = await t.call('zx_bgy', 'alert.list', {});
    expect(r.alerts.filter((a) => a.kind === 'perishable').map((a) => a.itemCode)).toEqual([fruit!.code]);
    expect(r.counts.unrelated).toBe(0);

    t.clock.advance(3 * 24 * HOUR + HOUR);
    await t.login('zx_bgy');
    r = await t.call('zx_bgy', 'alert.list', {});
    const u = r.alerts.filter((a) => a.kind === 'unrelated');
    expect(u).toHaveLength(1);
    expect(u[0]).toMatchObject({ itemCode: unrelated!.code, severity: 'danger' });
    expect(u[0]!.message).toContain('3 日');

    // A loan that is out past its due date (the request tables are written directly: loans are another module).
    const db = t.core.store.db;
    const user = await db.selectFrom('users').select(['id', 'agency_id']).where('username', '=', 'ga_bar').executeTakeFirstOrThrow();
    const now = t.clock.now.toISOString();
    const req = await db
      .insertInto('requests')
      .values({
        request_no: 'DY-2026-000001', kind: 'loan', status: 'in_progress', mode: null, case_id: phone!.caseId, from_agency_id: user.agency_id,
        to_agency_id: null, reason: '鉴定', legal_basis: null, due_at: iso(2 * HOUR), details: '{}', created_by: user.id, created_at: now,
        decided_by: null, decided_at: null, decision_comment: null, executed_by: null, executed_at: null, accepted_by: null, accepted_at: null,
        closed_at: null, updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('request_items').values({ request_id: req.id, item_id: phone!.id, open: 1 }).execute();
    await db.updateTable('items').set({ status: 'ON_LOAN', out_with: '李办案' }).where('id', '=', phone!.id).execute();
    // …and the case is closed while its items are still held.
    await db.updateTable('cases').set({ stage: 'closed' }).where('id', '=', phone!.caseId).execute();

    r = await t.call('zx_bgy', 'alert.list', {});
    const loan = r.alerts.filter((a) => a.kind === 'loan_overdue');
    expect(loan).toEqual([expect.objectContaining({ itemCode: phone!.code, requestNo: 'DY-2026-000001', severity: 'danger' })]);
    expect(loan[0]!.message).toContain('已逾期');
    expect(r.counts.closed_case).toBe(3);
    expect(r.counts).toMatchObject({ loan_overdue: 1, unrelated: 1, perishable: 1, hazardous: 0, intake: 0 });
    expect(r.limitPerKind).toBe(200);
    // Danger first.
    const firstWarning = r.alerts.findIndex((a) => a.severity === 'warning');
    expect(r.alerts.slice(firstWarning).every((a) => a.severity === 'warning')).toBe(true);
  });
});

describe('Excel export', () => {
  it('exports the filtered list with Chinese headers, readable back with exceljs', async () => {
    t = await makeTestCore();
    const [phone, cash] = await register(
      [
        { name: '黑色苹果手机', category: 'electronics' },
        { name: '人民币现金', category: 'cash', cashAmount: 12000 },
        { name: '旧自行车', category: 'general' },
      ],
      '2026-11-20T01:00:00Z',
    );
    await t.call('zx_bgy', 'intake.receive', { counterpart: officer, items: [{ code: phone!.code }] });
    await t.call('zx_bgy', 'putaway.scan', { locationCode: 'WH-A-Z1-S01', itemCode: phone!.code });

    const file = await t.call('jw_jd', 'item.export', { status: ['IN_STORE', 'REGISTERED'], category: ['electronics', 'cash'] });
    expect(file.fileName).toMatch(/^物品清单-\d{8}-\d{4}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('物品清单')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 14)).toEqual(['编码', '名称', '案件编号', '案件名称', '类别', '规格', '数量', '单位', '现金金额（元）', '估值（元）', '状态', '存放位置', '持有单位', '扣押时间']);
    expect(ws.rowCount).toBe(3);
    const row = (n: number) => Object.fromEntries(header.map((h, i) => [h as string, ws.getRow(n).getCell(i + 1).value]));
    expect(row(2)).toMatchObject({ 编码: phone!.code, 名称: '黑色苹果手机', 类别: '电子设备', 数量: 1, 状态: '在库', 存放位置: '市中心库 / A 库房 / 一般物品区 / 01 号架', 持有单位: '滨州市公安局', 扣押时间: '2026-11-20 09:00' });
    expect(row(3)).toMatchObject({ 编码: cash!.code, 类别: '现金', '现金金额（元）': 12000, 状态: '待入库' });
    const info = wb.getWorksheet('导出说明')!;
    expect(String(info.getRow(1).getCell(2).value)).toContain('吴监督');
    expect(String(info.getRow(4).getCell(2).value)).toContain('在库');
  });

  it('refuses more than 100 000 rows with a clear message', async () => {
    t = await makeTestCore();
    const [first] = await register([{ name: '样品', category: 'general' }], '2026-11-20T01:00:00Z');
    const db = t.core.store.db;
    const base = await db.selectFrom('items').selectAll().where('id', '=', first!.id).executeTakeFirstOrThrow();
    const { id: _id, ...rest } = base;
    for (let i = 0; i < 100; i++) {
      await db.insertInto('items').values(Array.from({ length: 1000 }, (_, k) => ({ ...rest, code: `BULK-${i}-${k}` }))).execute();
    }
    const err = await t.fail('zx_bgy', 'item.export', {});
    expect(err.code).toBe('BAD_INPUT');
    expect(err.message).toContain('100001');
    expect(err.message).toContain('100000');
  }, 120_000);
});
