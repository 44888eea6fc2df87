/** Dispositions that record where the value went: sale proceeds, confiscation vouchers, 专户 deposits, early sale, method rules. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/test-core';
import { ids, judgeCase, storedPoliceCase, witness, type Item } from './request-fixtures';
import { pdfText, requireTools, tempDir, writePdf } from './documents/pdf-tools';

let t: TestCore;
beforeEach(async () => {
  t = await makeTestCore();
});
afterEach(() => t.close());

const now = () => t.clock.now.toISOString();
const named = [{ name: '拍卖行甲', idNo: '1' }, witness('zx_bgy2')];
const sale = { price: 86000, buyer: '滨州市公共资源拍卖有限公司', confirmationNo: '拍成字〔2026〕37号' };
const confiscation = { receivingUnit: '滨州市财政局', voucherNo: '国库缴款书 371600-2026-0088' };

async function approved(items: Item[], method: 'sell' | 'confiscate', extra: { early?: boolean } = {}) {
  const r = await t.call('ga_bar', 'request.create', { kind: 'disposition', itemIds: ids(items), reason: '依判决处置', legalBasis: '（2026）鲁16刑初12号判决书', method, ...extra });
  await t.call('ga_sp', 'request.decide', { id: r.id, approve: true });
  return r;
}

async function verified() {
  const v = await t.call('jw_jd', 'ledger.verify', {});
  expect(v.ok).toBe(true);
  return v;
}

describe('sale', () => {
  it('a sale after the judgment records price, buyer and 成交确认书, and creates a linked proceeds item', async () => {
    const { caseId, items } = await storedPoliceCase(t, ['小型轿车']);
    const car = items[0]!;
    await judgeCase(t, caseId);
    const r = await approved(items, 'sell');
    // The request records the judgment it rests on.
    expect(r.details.judgment).toMatchObject({ docKind: '判决书', docNo: '（2026）鲁16刑初12号' });

    // Without the sale's facts the execution is refused and writes nothing.
    const before = await t.eventCount();
    const e = await t.fail('zx_bgy', 'request.execute', { id: r.id, scannedCodes: [car.code], actualDate: now(), witnesses: named });
    expect(e).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('成交价款') });
    expect(await t.eventCount()).toBe(before);

    const done = await t.call('zx_bgy', 'request.execute', { id: r.id, scannedCodes: [car.code], actualDate: now(), witnesses: named, sale });
    expect(done.items[0]!.status).toBe('SOLD');
    expect(done.details.sale).toEqual(sale);
    expect(done.details.counterpart).toEqual({ name: sale.buyer });
    const proceedsRef = done.details.proceeds!;
    const proceeds = await t.call('ga_bar', 'item.get', { id: proceedsRef.itemId });
    expect(proceeds).toMatchObject({ code: proceedsRef.code, caseId, category: 'cash', cashAmount: 86000, status: 'DEPOSITED', holdingAgencyName: '滨州市公安局', locationId: null });

    // Each timeline names the other.
    const sold = (await t.call('ga_bar', 'item.timeline', { id: car.id })).find((x) => x.type === 'SOLD')!;
    expect(sold.payload).toMatchObject({ sale, proceedsItemId: proceeds.id, proceedsCode: proceeds.code });
    expect(sold.note).toContain(proceeds.code);
    const reg = (await t.call('ga_bar', 'item.timeline', { id: proceeds.id })).find((x) => x.type === 'REGISTERED')!;
    expect(reg.payload).toMatchObject({ saleOf: [{ itemId: car.id, code: car.code }], price: 86000, confirmationNo: sale.confirmationNo, statusTo: 'DEPOSITED' });
    expect(reg.legalDocNo).toBe(sale.confirmationNo);

    const values = await t.call('ga_bar', 'case.values', { caseId });
    expect(values.sale).toEqual({ count: 1, amount: 86000 });
    expect(values.cashHeld).toEqual({ count: 1, amount: 86000 });
    expect(values.seized.count).toBe(1); // the proceeds are not counted as seized property
    expect(values.records[0]).toMatchObject({ kind: 'sale', itemCode: car.code, voucherNo: sale.confirmationNo, proceedsCode: proceeds.code, requestNo: r.requestNo });
    // 处置到位率: the sold car is disposed of; its proceeds are its value, not more property to dispose of.
    expect(await t.call('ga_bar', 'case.disposalRate', { caseId })).toMatchObject({ total: 1, done: 1, rate: 100 });
    await verified();
  });

  it('an ordinary sale before the judgment is refused; 先行处置 only for items flagged perishable or value-losing', async () => {
    const { items } = await storedPoliceCase(t, ['手机']);
    const plain = await t.fail('ga_bar', 'request.create', { kind: 'disposition', itemIds: ids(items), reason: '变卖', legalBasis: '变卖决定书', method: 'sell' });
    expect(plain).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('易腐或易贬值的物品可以经批准先行处置') });
    const unflagged = await t.fail('ga_bar', 'request.create', { kind: 'disposition', itemIds: ids(items), reason: '先行变卖', legalBasis: '先行处置决定书', method: 'sell', early: true });
    expect(unflagged.message).toBe(`先行处置只适用于标记为易腐或易贬值的物品，以下物品未标记：${items[0]!.code}`);
    const earlyDestroy = await t.fail('ga_bar', 'request.create', { kind: 'disposition', itemIds: ids(items), reason: 'x', legalBasis: 'x', method: 'destroy', early: true });
    expect(earlyDestroy.message).toBe('先行处置只能是先行变卖/拍卖');

    const { caseId, items: fruit } = await storedPoliceCase(t, ['冷冻海鲜'], ['perishable']);
    const why = '冷冻海鲜保质期至 2026-12-10，久存将变质，申请先行变卖';
    const r = await t.call('ga_bar', 'request.create', { kind: 'disposition', itemIds: ids(fruit), reason: why, legalBasis: '滨公先处〔2026〕3号', method: 'sell', early: true });
    // It waits for approval, and the request shows why.
    expect(r).toMatchObject({ status: 'pending', reason: why, details: { early: true, method: 'sell' } });
    expect((await t.call('ga_bar', 'item.timeline', { id: fruit[0]!.id }))[0]!.payload).toMatchObject({ early: true });
    expect((await t.fail('zx_bgy', 'request.execute', { id: r.id, scannedCodes: [fruit[0]!.code], actualDate: now(), witnesses: named, sale })).code).toBe('CONFLICT');
    await t.call('ga_sp', 'request.decide', { id: r.id, approve: true });
    const done = await t.call('zx_bgy', 'request.execute', { id: r.id, scannedCodes: [fruit[0]!.code], actualDate: now(), witnesses: named, sale: { ...sale, price: 1234.56 } });
    expect(done.details.proceeds).toBeDefined();
    expect((await t.call('ga_bar', 'case.values', { caseId })).sale).toEqual({ count: 1, amount: 1234.56 });
    await verified();
  });
});

describe('confiscation', () => {
  it('没收 without a judgment is refused; after it the voucher is recorded', async () => {
    const { caseId, items } = await storedPoliceCase(t, ['现金']);
    const ask = () => t.fail('ga_bar', 'request.create', { kind: 'disposition', itemIds: ids(items), reason: '没收', legalBasis: '（2026）鲁16刑初12号', method: 'confiscate' });
    const before = await t.eventCount();
    const during = await ask();
    expect(during).toMatchObject({ code: 'CONFLICT' });
    expect(during.message).toBe(`案件 ${(await t.call('ga_bar', 'case.detail', { caseId })).case.caseNo} 当前为「侦查」阶段：没收上缴须依据人民法院生效的判决书或裁定书，公安机关在侦查阶段不能没收上缴涉案财物`);
    expect(await t.eventCount()).toBe(before);
    // At trial there is still no effective judgment.
    const day = now().slice(0, 10);
    await t.call('ga_bar', 'case.changeStage', { caseId, to: 'prosecution_review', docKind: '起诉意见书', docNo: 'a', docDate: day });
    await t.call('ga_bar', 'case.changeStage', { caseId, to: 'trial', docKind: '起诉书', docNo: 'b', docDate: day });
    expect((await ask()).message).toContain('「审判」阶段，尚无生效的判决书或裁定书');
    await t.call('ga_bar', 'case.changeStage', { caseId, to: 'execution', docKind: '裁定书', docNo: '（2026）鲁16刑终3号', docDate: day });

    const r = await approved(items, 'confiscate');
    const cashWitnesses = [witness('zx_bgy2'), witness('ga_sp')];
    expect((await t.fail('zx_bgy', 'request.execute', { id: r.id, scannedCodes: codes(items), actualDate: now(), witnesses: cashWitnesses })).message).toContain('上缴凭证');
    expect((await t.fail('zx_bgy', 'request.execute', { id: r.id, scannedCodes: codes(items), actualDate: now(), witnesses: cashWitnesses, confiscation, sale })).message).toContain('只用于拍卖/变卖');
    const done = await t.call('zx_bgy', 'request.execute', { id: r.id, scannedCodes: codes(items), actualDate: now(), witnesses: cashWitnesses, confiscation });
    expect(done.items[0]!.status).toBe('CONFISCATED');
    expect(done.details).toMatchObject({ confiscation, judgment: { docKind: '裁定书', docNo: '（2026）鲁16刑终3号' }, counterpart: { name: '滨州市财政局' } });
    expect(done.events.at(-1)!.payload).toMatchObject({ confiscation });
    const values = await t.call('ga_bar', 'case.values', { caseId });
    expect(values.confiscation).toEqual({ count: 1, amount: 10000 });
    expect(values.cashHeld).toEqual({ count: 0, amount: 0 });
    await verified();
  });
});

const codes = (items: Item[]) => items.map((i) => i.code);

describe('deposit to the 涉案款专户', () => {
  it('a deposited cash item leaves the shelf, stays in custody (存入专户) and can still be disposed of', async () => {
    const { caseId, items } = await storedPoliceCase(t, ['现金', '手机']);
    const [cash, phone] = items as [Item, Item];
    const input = { itemId: cash.id, bankSlipNo: '工行回单 20261120-0001', amount: 10000, witness: witness('zx_bgy2') };
    const before = await t.eventCount();
    expect((await t.fail('zx_bgy', 'cash.deposit', { ...input, amount: 9999 })).message).toBe('存入金额 9999.00 元 与登记的现金金额 10000.00 元 不一致；如清点有差异，请先登记差异');
    expect((await t.fail('zx_bgy', 'cash.deposit', { ...input, itemId: phone.id })).message).toContain('不是现金');
    expect((await t.fail('ga_bar', 'cash.deposit', input)).code).toBe('FORBIDDEN');
    expect(await t.eventCount()).toBe(before);
    // Not while the cash is in a request not yet closed (the one guard every service shares).
    const loan = await t.call('ga_bar', 'request.create', { kind: 'loan', itemIds: [cash.id], reason: '清点', purpose: 'appraisal', dueAt: new Date(t.clock.now.getTime() + 86_400_000).toISOString() });
    expect((await t.fail('zx_bgy', 'cash.deposit', input)).message).toBe(`${cash.code}（现金）在未完结的申请单 ${loan.requestNo} 中，须先办结或撤销该申请才能存入涉案款专户`);
    await t.call('ga_bar', 'request.cancel', { id: loan.id, reason: '改为存入专户' });
    const mid = await t.eventCount();

    const d = await t.call('zx_bgy', 'cash.deposit', input);
    expect(await t.eventCount()).toBe(mid + 1);
    expect(d).toMatchObject({ status: 'DEPOSITED', locationId: null, outWith: '滨州市公安局涉案款专户', holdingAgencyName: '滨州市公安局' });
    const ev = (await t.call('ga_bar', 'item.timeline', { id: cash.id }))[0]!;
    expect(ev).toMatchObject({ type: 'CASH_DEPOSITED', legalDocNo: input.bankSlipNo, payload: expect.objectContaining({ amount: 10000, statusTo: 'DEPOSITED' }) });
    expect(ev.witnesses.map((w) => w.name)).toEqual(['赵保管']);
    expect((await t.fail('zx_bgy', 'cash.deposit', input)).message).toContain('当前不在库');
    const values = await t.call('ga_bar', 'case.values', { caseId });
    expect(values.deposit).toEqual({ count: 1, amount: 10000 });
    expect(values.cashHeld).toEqual({ count: 1, amount: 10000 });

    // Still held: after the judgment the deposited money is confiscated from the account.
    await judgeCase(t, caseId);
    const r = await approved([cash], 'confiscate');
    const done = await t.call('zx_bgy', 'request.execute', { id: r.id, scannedCodes: [cash.code], actualDate: now(), witnesses: [witness('zx_bgy2'), witness('ga_sp')], confiscation });
    expect(done.items[0]!.status).toBe('CONFISCATED');
    await verified();
  });
});

describe('printed forms', () => {
  it('the 处置记录 shows the price, buyer and voucher; the 入库回执 shows values', async () => {
    requireTools();
    const dir = tempDir('value-docs-');
    const { caseId, items } = await storedPoliceCase(t, ['小型轿车']);
    await judgeCase(t, caseId);
    const r = await approved(items, 'sell');
    const done = await t.call('zx_bgy', 'request.execute', { id: r.id, scannedCodes: codes(items), actualDate: now(), witnesses: named, sale });
    const text = pdfText(writePdf(dir, 'sale.pdf', (await t.call('ga_bar', 'request.document', { id: r.id, type: 'disposition_record' })).base64));
    for (const s of ['成交价款', '¥86,000.00', sale.buyer, sale.confirmationNo, done.details.proceeds!.code, '（2026）鲁16刑初12号']) expect(text).toContain(s);

    const { items: more } = await storedPoliceCase(t, ['现金']);
    const receipt = pdfText(writePdf(dir, 'rk.pdf', (await t.call('zx_bgy', 'intake.receipt', { itemIds: ids(more) })).base64));
    expect(receipt).toContain('¥10,000.00');
    expect(receipt).toMatch(/价值合计\s+现金\s+¥10,000.00/);
  });
});

