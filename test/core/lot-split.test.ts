/**
 * Issue 11 parts 4–5: a lot is split (quantities add up, the lot keeps the remainder, both timelines name each
 * other), part of a lot is returned, an item that left with its case ends at the receiving agency and counts for
 * 处置到位率, and request documents print the issuing agency's own case number. The ledger still verifies.
 */
import { afterEach, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/test-core';
import { agencyId, asUser, intoStore, type Item } from './request-fixtures';
import { verifyLedger } from '../../electron/core/ledger/ledger.verify';
import { reconcileItems } from '../../electron/core/ledger/ledger.integrity';
import { buildRequestDoc } from '../../electron/core/services/requests/request.documents';
import { disposalRates } from '../../electron/core/services/reports/report.stats';

let t: TestCore;
afterEach(() => t.close());

const field = (fields: Array<[string, string]>, label: string) => fields.find(([l]) => l === label)?.[1];
const claimant = { name: '张三', idType: 'resident_id' as const, idNo: '371602198001011234' };

/** A police case with one stored lot (10 phones) and one stored bundle of cash (¥10,000). */
async function lotCase(t: TestCore, caseNo = 'A3716002026110099') {
  const c = await t.call('ga_bar', 'case.create', { caseNo, name: '批量手机案', cause: '销售赃物' });
  const items = await t.call('ga_bar', 'item.register', {
    caseId: c.id,
    seizureDocNo: '滨公（刑）扣字〔2026〕300号',
    seizedAt: new Date(t.clock.now.getTime() - 3600_000).toISOString(),
    seizedBy: '李办案',
    items: [
      { name: '华为手机', category: 'electronics', quantity: 10, unit: '部', estimatedValue: 20000, source: 'seized', ownerName: '张三' },
      { name: '现金', category: 'cash', quantity: 1, unit: '捆', cashAmount: 10000, source: 'seized' },
    ],
  });
  await intoStore(t, items as Item[]);
  return { caseId: c.id, lot: items[0]!, cash: items[1]! };
}

it('splits a lot of 10 into 6 + 4, refuses parts that do not add up, and returns the 4', async () => {
  t = await makeTestCore();
  const { lot, caseId } = await lotCase(t);
  // The parts and the remainder must add up to the lot; the lot keeps a remainder.
  const over = await t.fail('ga_bar', 'item.split', { itemId: lot.id, parts: [8, 4] });
  expect(over).toMatchObject({ code: 'BAD_INPUT' });
  expect(over.message).toContain('拆出合计 12部，超过');
  expect((await t.fail('ga_bar', 'item.split', { itemId: lot.id, parts: [6, 4] })).message).toContain('原物品须保留余数');
  // Another agency cannot see the lot; a custodian of another store may not split it.
  await expect(t.fail('jc_bar', 'item.split', { itemId: lot.id, parts: [4] })).resolves.toMatchObject({ code: 'NOT_FOUND' });
  await expect(t.fail('bc_bgy', 'item.split', { itemId: lot.id, parts: [4] })).resolves.toMatchObject({ code: 'NOT_FOUND' });

  const { parent, parts } = await t.call('ga_bar', 'item.split', { itemId: lot.id, parts: [4] });
  expect(parent).toMatchObject({ quantity: 6, estimatedValue: 12000, status: 'IN_STORE' });
  expect(parts).toHaveLength(1);
  const four = parts[0]!;
  expect(four).toMatchObject({ code: `${lot.code}-1`, quantity: 4, unit: '部', estimatedValue: 8000, status: 'IN_STORE', caseId, locationId: parent.locationId, holdingAgencyId: parent.holdingAgencyId });
  expect(parent.quantity + four.quantity).toBe(10);
  // Both timelines name each other.
  const lotEvents = await t.call('ga_bar', 'item.timeline', { id: lot.id });
  const split = lotEvents.find((e) => e.type === 'SPLIT')!;
  expect(split.note).toContain(four.code);
  expect(split.payload).toMatchObject({ before: 10, remainder: 6, parts: [{ code: four.code, quantity: 4 }] });
  const fourEvents = await t.call('ga_bar', 'item.timeline', { id: four.id });
  expect(fourEvents.map((e) => e.type)).toEqual(['SPLIT_CREATED']);
  expect(fourEvents[0]!.note).toContain(lot.code);
  // The new item scans like any other.
  expect(await t.call('zx_bgy', 'item.byCode', { code: four.code })).toMatchObject({ id: four.id, quantity: 4 });

  // The 4 are returned to the owner.
  const r = await t.call('ga_bar', 'request.create', { kind: 'return', itemIds: [four.id], reason: '发还部分手机', legalBasis: '滨公（刑）还字〔2026〕5号', claimant });
  await t.call('ga_sp', 'request.decide', { id: r.id, approve: true });
  await t.call('zx_bgy', 'request.execute', { id: r.id, scannedCodes: [four.code] });
  expect(await t.call('ga_bar', 'item.get', { id: four.id })).toMatchObject({ status: 'RETURNED', quantity: 4 });
  expect(await t.call('ga_bar', 'item.get', { id: lot.id })).toMatchObject({ status: 'IN_STORE', quantity: 6 });

  // A lot in an open request cannot be split.
  const loan = await t.call('ga_bar', 'request.create', { kind: 'loan', itemIds: [lot.id], reason: '辨认', purpose: 'identification', dueAt: new Date(t.clock.now.getTime() + 86_400_000).toISOString() });
  expect((await t.fail('zx_bgy', 'item.split', { itemId: lot.id, parts: [1] })).message).toContain(loan.requestNo);

  expect((await verifyLedger(t.core.store.db)).ok).toBe(true);
  expect((await reconcileItems(t.core.store.db)).mismatches).toEqual([]);
});

it('splits cash by amount, and a return request takes part of a lot in the same transaction', async () => {
  t = await makeTestCore();
  const { lot, cash } = await lotCase(t);
  // The custodian of the store splits the cash: ¥3,000.50 off ¥10,000; the bundle count stays 1 per part.
  const { parent, parts } = await t.call('zx_bgy', 'item.split', { itemId: cash.id, parts: [3000.5] });
  expect(parent).toMatchObject({ cashAmount: 6999.5, quantity: 1 });
  expect(parts[0]).toMatchObject({ code: `${cash.code}-1`, cashAmount: 3000.5, quantity: 1, category: 'cash', flags: ['cash'] });
  expect((await t.fail('zx_bgy', 'item.split', { itemId: cash.id, parts: [7000] })).message).toContain('超过');

  // 部分发还: 4 of the 10 phones; a refused request leaves the lot whole.
  const bad = await t.fail('ga_bar', 'request.create', { kind: 'return', itemIds: [lot.id], partial: [{ itemId: lot.id, quantity: 10 }], reason: '发还', legalBasis: '滨公（刑）还字〔2026〕6号', claimant });
  expect(bad).toMatchObject({ code: 'BAD_INPUT' });
  expect(await t.call('ga_bar', 'item.get', { id: lot.id })).toMatchObject({ quantity: 10 });
  await expect(t.fail('ga_bar', 'request.create', { kind: 'loan', itemIds: [lot.id], partial: [{ itemId: lot.id, quantity: 2 }], reason: '辨认', purpose: 'identification', dueAt: new Date(t.clock.now.getTime() + 86_400_000).toISOString() })).resolves.toMatchObject({ code: 'BAD_INPUT' });

  const r = await t.call('ga_bar', 'request.create', { kind: 'return', itemIds: [lot.id], partial: [{ itemId: lot.id, quantity: 4 }], reason: '发还部分手机', legalBasis: '滨公（刑）还字〔2026〕6号', claimant });
  const detail = await t.call('ga_bar', 'request.get', { id: r.id });
  expect(detail.items.map((i) => [i.code, i.quantity])).toEqual([[`${lot.code}-1`, 4]]);
  expect(await t.call('ga_bar', 'item.get', { id: lot.id })).toMatchObject({ quantity: 6, openRequestNo: null });
  await t.call('ga_sp', 'request.decide', { id: r.id, approve: true });
  await t.call('zx_bgy', 'request.execute', { id: r.id, scannedCodes: [`${lot.code}-1`] });
  expect((await t.call('ga_bar', 'item.byCode', { code: `${lot.code}-1` })).status).toBe('RETURNED');
  expect((await verifyLedger(t.core.store.db)).ok).toBe(true);
  expect((await reconcileItems(t.core.store.db)).mismatches).toEqual([]);
});

it('after 随案移送 the receiving agency records the disposition, and the case counts it as disposed', async () => {
  t = await makeTestCore();
  const { lot, cash, caseId } = await lotCase(t);
  const jc = await agencyId(t, '371600JC');
  const r = await t.call('ga_bar', 'request.create', { kind: 'transfer', mode: 'physical', receiveIntoCentre: false, itemIds: [lot.id, cash.id], reason: '随案移送', legalBasis: '滨公诉字〔2026〕12号', toAgencyId: jc });
  await t.call('ga_sp', 'request.decide', { id: r.id, approve: true });
  await t.call('zx_bgy', 'request.execute', { id: r.id, scannedCodes: [lot.code, cash.code], counterpart: { name: '钱检察', idNo: 'JC2001' } });
  // Not yet accepted: the police still hold it, and the procuratorate cannot record anything.
  await expect(t.fail('jc_bar', 'item.recordOutcome', { itemId: lot.id, outcome: 'destroyed', docNo: '滨检销字〔2026〕1号', outcomeDate: '2026-11-20' })).resolves.toMatchObject({ code: 'NOT_FOUND' });
  await t.call('jc_sp', 'request.accept', { id: r.id, accept: true });
  expect(await t.call('jc_bar', 'item.get', { id: lot.id })).toMatchObject({ status: 'TRANSFERRED_OUT', holdingAgencyId: jc });

  // The police, no longer holding it, are refused; a return needs the claimant; a future date is refused.
  await expect(t.fail('ga_bar', 'item.recordOutcome', { itemId: lot.id, outcome: 'destroyed', docNo: 'x-1', outcomeDate: '2026-11-20' })).resolves.toMatchObject({
    code: 'FORBIDDEN',
    message: expect.stringContaining('负责，只有该单位可以在接收后登记其去向'),
  });
  expect((await t.fail('jc_bar', 'item.recordOutcome', { itemId: cash.id, outcome: 'returned', docNo: '滨检还字〔2026〕1号', outcomeDate: '2026-11-20' })).message).toContain('领取人');
  expect((await t.fail('jc_bar', 'item.recordOutcome', { itemId: cash.id, outcome: 'returned', docNo: '滨检还字〔2026〕1号', outcomeDate: '2099-01-01', receiverName: '张三' })).message).toContain('不能晚于今天');

  const destroyed = await t.call('jc_bar', 'item.recordOutcome', { itemId: lot.id, outcome: 'destroyed', docNo: '滨检销字〔2026〕1号', outcomeDate: '2026-11-20' });
  expect(destroyed).toMatchObject({ status: 'DESTROYED', outWith: null });
  const returned = await t.call('jc_bar', 'item.recordOutcome', { itemId: cash.id, outcome: 'returned', docNo: '滨检还字〔2026〕1号', outcomeDate: '2026-11-20', receiverName: '张三' });
  expect(returned.status).toBe('RETURNED');
  const ev = (await t.call('jc_bar', 'item.timeline', { id: cash.id }))[0]!;
  expect(ev).toMatchObject({ type: 'RETURNED_TO_OWNER', legalDocNo: '滨检还字〔2026〕1号', counterpart: { name: '张三' } });
  // Already ended: nothing more to record; an item in the store is refused here.
  expect((await t.fail('jc_bar', 'item.recordOutcome', { itemId: lot.id, outcome: 'confiscated', docNo: 'x-2', outcomeDate: '2026-11-20' })).message).toContain('只有随案移送出库');

  const rates = await asUser(t, 'jw_jd', (ctx) => disposalRates(ctx, {}, 'case', null));
  expect(rates.find((x) => x.id === caseId)).toMatchObject({ total: 2, done: 2, rate: 100 });
  expect((await verifyLedger(t.core.store.db)).ok).toBe(true);
  expect((await reconcileItems(t.core.store.db)).mismatches).toEqual([]);
});

it('request documents print the issuing agency’s own case number beside the case number', async () => {
  t = await makeTestCore();
  const { lot, cash, caseId } = await lotCase(t);
  const ret = await t.call('ga_bar', 'request.create', { kind: 'return', itemIds: [cash.id], reason: '发还', legalBasis: '滨公（刑）还字〔2026〕7号', claimant });
  let doc = (await asUser(t, 'ga_bar', (ctx) => buildRequestDoc(ctx, ret.id))).doc;
  // A case created by the police starts with its case number as the police number.
  expect(field(doc.fields, '公安案件编号')).toBe('A3716002026110099');
  await t.call('ga_bar', 'case.setAgencyNo', { caseId, no: '滨公刑〔2026〕0451号' });
  doc = (await asUser(t, 'ga_bar', (ctx) => buildRequestDoc(ctx, ret.id))).doc;
  expect(field(doc.fields, '案件')).toContain('A3716002026110099');
  expect(field(doc.fields, '公安案件编号')).toBe('滨公刑〔2026〕0451号');
  // The procuratorate's own request prints its 检察受案号 (and not the police number).
  const jc = await agencyId(t, '371600JC');
  const tr = await t.call('ga_bar', 'request.create', { kind: 'transfer', mode: 'paper', itemIds: [lot.id], reason: '移送审查起诉', legalBasis: '滨公诉字〔2026〕13号', toAgencyId: jc });
  await t.call('ga_sp', 'request.decide', { id: tr.id, approve: true });
  await t.call('jc_sp', 'request.accept', { id: tr.id, accept: true });
  const d = await t.call('jc_bar', 'request.create', { kind: 'disposition', itemIds: [lot.id], reason: '销毁', legalBasis: '滨检销字〔2026〕2号', method: 'destroy' });
  doc = (await asUser(t, 'jc_bar', (ctx) => buildRequestDoc(ctx, d.id))).doc;
  expect(field(doc.fields, '检察受案号')).toBe('（未登记）');
  await t.call('jc_bar', 'case.setAgencyNo', { caseId, no: '滨检刑受〔2026〕88号' });
  doc = (await asUser(t, 'jc_bar', (ctx) => buildRequestDoc(ctx, d.id))).doc;
  expect(field(doc.fields, '检察受案号')).toBe('滨检刑受〔2026〕88号');
  expect(field(doc.fields, '公安案件编号')).toBeUndefined();
  // The printed PDF carries it too.
  const pdf = await t.call('jc_bar', 'request.document', { id: d.id });
  expect(pdf.base64.length).toBeGreaterThan(1000);
  expect((await verifyLedger(t.core.store.db)).ok).toBe(true);
});
