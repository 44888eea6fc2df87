/** Transfer variants, cancellation, returns and dispositions beyond the main journey. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/test-core';
import { verifyLedger } from '../../electron/core/ledger/ledger.verify';
import { agencyId, codes, ids, judgeCase, locationId, storedPoliceCase, witness } from './request-fixtures';

let t: TestCore;
beforeEach(async () => {
  t = await makeTestCore();
});
afterEach(() => t.close());

async function approvedTransfer(itemIds: number[], mode: 'paper' | 'physical', extra: { receiveIntoCentre?: boolean } = {}) {
  const r = await t.call('ga_bar', 'request.create', { kind: 'transfer', itemIds, reason: '移送审查起诉', legalBasis: '滨公诉字〔2026〕3号', toAgencyId: await agencyId(t, '371600JC'), mode, ...extra });
  await t.call('ga_sp', 'request.decide', { id: r.id, approve: true });
  return r;
}

describe('transfers', () => {
  it('a physical transfer rejected by the receiver is scanned back in under the sender', async () => {
    const { items } = await storedPoliceCase(t, ['手机', '电脑']);
    const shelf = await locationId(t, 'WH-A-Z1-S01');
    const r = await approvedTransfer(ids(items), 'physical');
    await t.call('zx_bgy', 'request.execute', { id: r.id, scannedCodes: codes(items) });
    const rej = await t.call('jc_sp', 'request.accept', { id: r.id, accept: false, comment: '证据材料不全' });
    expect(rej.status).toBe('in_progress');
    expect(rej.waitingFor).toBe('接收单位已拒收，待保管员扫描退回入库');
    expect(rej.items.every((i) => i.status === 'TRANSFERRED_OUT' && i.holdingAgencyName === '滨州市公安局')).toBe(true);
    expect((await t.call('zx_bgy', 'inbox.list', { box: 'execute' })).rows.map((x) => x.id)).toEqual([r.id]);
    const back = await t.call('zx_bgy', 'request.receiveIn', { id: r.id, scannedCodes: codes(items) });
    expect(back.status).toBe('rejected');
    expect(back.items.every((i) => i.status === 'IN_STORE' && i.locationId === shelf && i.holdingAgencyName === '滨州市公安局')).toBe(true);
    expect(back.openItemIds).toEqual([]);
    // The items are free again.
    await approvedTransfer(ids(items), 'paper');
  });

  it('a physical transfer whose goods stay with the receiver completes at acceptance', async () => {
    const { items } = await storedPoliceCase(t, ['手机']);
    const r = await approvedTransfer(ids(items), 'physical', { receiveIntoCentre: false });
    await t.call('zx_bgy', 'request.execute', { id: r.id, scannedCodes: codes(items) });
    const done = await t.call('jc_sp', 'request.accept', { id: r.id, accept: true });
    expect(done.status).toBe('completed');
    expect(done.items[0]).toMatchObject({ status: 'TRANSFERRED_OUT', outWith: '滨州市人民检察院', holdingAgencyName: '滨州市人民检察院' });
    expect((await t.fail('zx_bgy', 'request.receiveIn', { id: r.id, scannedCodes: codes(items) })).code).toBe('CONFLICT');
  });

  it('a paper transfer rejected by the receiver leaves custody unchanged', async () => {
    const { caseId, items } = await storedPoliceCase(t, ['手机']);
    const r = await approvedTransfer(ids(items), 'paper');
    const rej = await t.call('jc_sp', 'request.accept', { id: r.id, accept: false, comment: '不属本院管辖' });
    expect(rej.status).toBe('rejected');
    expect(rej.items[0]!.holdingAgencyName).toBe('滨州市公安局');
    expect(rej.events.at(-1)).toMatchObject({ type: 'CUSTODY_TRANSFER_REJECTED', note: expect.stringContaining('不属本院管辖') });
    expect((await t.call('ga_bar', 'case.detail', { caseId })).case.stage).toBe('investigation');
  });

  it('the case follows only when its last live item has moved, and back to police for 补充侦查', async () => {
    const { caseId, items } = await storedPoliceCase(t, ['手机', '电脑']);
    const first = await approvedTransfer([items[0]!.id], 'paper');
    await t.call('jc_sp', 'request.accept', { id: first.id, accept: true });
    expect((await t.call('ga_bar', 'case.detail', { caseId })).case.stage).toBe('investigation');
    const second = await approvedTransfer([items[1]!.id], 'paper');
    await t.call('jc_sp', 'request.accept', { id: second.id, accept: true });
    const page = await t.call('jc_bar', 'case.detail', { caseId });
    expect(page.case).toMatchObject({ stage: 'prosecution_review', hostAgencyName: '滨州市人民检察院' });
    // 退回补充侦查
    const back = await t.call('jc_bar', 'request.create', { kind: 'transfer', itemIds: ids(items), reason: '退回补充侦查', legalBasis: '滨检退查〔2026〕1号', toAgencyId: await agencyId(t, '371600'), mode: 'paper' });
    await t.call('jc_sp', 'request.decide', { id: back.id, approve: true });
    await t.call('ga_sp', 'request.accept', { id: back.id, accept: true });
    expect((await t.call('ga_bar', 'case.detail', { caseId })).case).toMatchObject({ stage: 'investigation', hostAgencyName: '滨州市公安局' });
  });

  it('cancellation closes the request, frees the items and writes a CORRECTION per item', async () => {
    const { items } = await storedPoliceCase(t, ['手机', '电脑']);
    const r = await approvedTransfer(ids(items), 'paper');
    const c = await t.call('ga_sp', 'request.cancel', { id: r.id, reason: '案件并案处理' });
    expect(c.status).toBe('cancelled');
    expect(c.openItemIds).toEqual([]);
    const corr = c.events.filter((e) => e.type === 'CORRECTION');
    expect(corr).toHaveLength(2);
    expect(corr[0]!.payload).toMatchObject({ cancelledRequestNo: r.requestNo, reason: '案件并案处理' });
    expect(c.items.every((i) => i.openRequestNo === null)).toBe(true);
    expect((await t.fail('jc_sp', 'request.accept', { id: r.id, accept: true })).code).toBe('CONFLICT');
  });
});

describe('returns, dispositions, allocations', () => {
  it('cancelling an approved disposition puts the item back in store (待处置 → 在库) with a CORRECTION', async () => {
    const { caseId, items } = await storedPoliceCase(t, ['手机']);
    await judgeCase(t, caseId, 'ga_bar', '（2026）鲁1602刑初1号');
    const r = await t.call('ga_bar', 'request.create', { kind: 'disposition', itemIds: ids(items), reason: '判决没收', legalBasis: '（2026）鲁1602刑初1号判决书', method: 'confiscate' });
    await t.call('ga_sp', 'request.decide', { id: r.id, approve: true });
    expect((await t.call('ga_bar', 'item.get', { id: items[0]!.id })).status).toBe('PENDING_DISPOSITION');
    const c = await t.call('ga_sp', 'request.cancel', { id: r.id, reason: '判决被撤销' });
    expect(c.status).toBe('cancelled');
    const item = await t.call('ga_bar', 'item.get', { id: items[0]!.id });
    expect(item.status).toBe('IN_STORE');
    const last = (await t.call('ga_bar', 'item.timeline', { id: item.id }))[0]!;
    expect(last).toMatchObject({ type: 'CORRECTION', payload: expect.objectContaining({ statusFrom: 'PENDING_DISPOSITION', statusTo: 'IN_STORE' }) });
    expect((await verifyLedger(t.core.store.db)).ok).toBe(true);
  });

  it('returning cash needs two witnesses confirming with passwords', async () => {
    const { items } = await storedPoliceCase(t, ['现金']);
    const r = await t.call('ga_bar', 'request.create', { kind: 'return', itemIds: ids(items), reason: '与案件无关', legalBasis: '发还决定书2号', claimant: { name: '李四', authorisationDocNo: '授权〔2026〕7号' } });
    await t.call('ga_sp', 'request.decide', { id: r.id, approve: true });
    const before = await t.eventCount();
    expect((await t.fail('zx_bgy', 'request.execute', { id: r.id, scannedCodes: codes(items) })).message).toContain('发还现金须有 2 名不同的见证人');
    expect(await t.eventCount()).toBe(before);
    const done = await t.call('zx_bgy', 'request.execute', { id: r.id, scannedCodes: codes(items), witnesses: [witness('zx_bgy2'), witness('ga_sp')] });
    expect(done.items[0]!.status).toBe('RETURNED');
    expect(done.events.at(-1)!.counterpart).toEqual({ name: '李四', idNo: '授权委托书 授权〔2026〕7号' });
  });

  it('a claimant needs an ID or an authorisation document', async () => {
    const { items } = await storedPoliceCase(t, ['手机']);
    const err = await t.fail('ga_bar', 'request.create', { kind: 'return', itemIds: ids(items), reason: 'x', legalBasis: 'x', claimant: { name: '李四' } });
    expect(err.code).toBe('BAD_INPUT');
    expect(err.details!.join()).toContain('须填写领取人证件类型和号码，或授权委托书编号');
  });

  it('a sale may have named witnesses; a rejected disposition is reversed by CORRECTION', async () => {
    // 先行变卖 before the judgment: the items are flagged 易贬值.
    const { items } = await storedPoliceCase(t, ['手机', '电脑'], ['value_losing']);
    const no = await t.call('ga_bar', 'request.create', { kind: 'disposition', itemIds: [items[1]!.id], reason: '先行变卖', legalBasis: '变卖决定书1号', method: 'sell', early: true });
    const rej = await t.call('ga_sp', 'request.decide', { id: no.id, approve: false, comment: '不符合先行处置条件' });
    expect(rej.status).toBe('rejected');
    expect(rej.events.map((e) => e.type)).toEqual(['DISPOSITION_PROPOSED', 'CORRECTION']);
    expect(rej.items[0]!.status).toBe('IN_STORE');

    const r = await t.call('ga_bar', 'request.create', { kind: 'disposition', itemIds: [items[0]!.id], reason: '易贬值物品先行变卖', legalBasis: '变卖决定书2号', method: 'sell', early: true });
    await t.call('ga_sp', 'request.decide', { id: r.id, approve: true });
    const sale = { price: 1200, buyer: '滨州市拍卖行', confirmationNo: '成交确认书〔2026〕2号' };
    const sameNames = await t.fail('zx_bgy', 'request.execute', { id: r.id, scannedCodes: [items[0]!.code], actualDate: t.clock.now.toISOString(), sale, witnesses: [{ name: '拍卖行甲' }, { name: '拍卖行甲' }] });
    expect(sameNames.message).toContain('见证人不能是同一人（拍卖行甲）');
    const sold = await t.call('zx_bgy', 'request.execute', {
      id: r.id,
      scannedCodes: [items[0]!.code],
      actualDate: t.clock.now.toISOString(),
      counterpart: { name: '滨州市拍卖行', idNo: '91371600MA' },
      sale,
      witnesses: [{ name: '拍卖行甲', idNo: '1' }, witness('zx_bgy2')],
    });
    expect(sold.items[0]!.status).toBe('SOLD');
    expect(sold.details.witnesses!.map((w) => w.name)).toEqual(['拍卖行甲', '赵保管']);
  });

  it('an allocation moves the items to another warehouse on execution', async () => {
    const { items } = await storedPoliceCase(t, ['手机']);
    const target = await locationId(t, 'WH-B-Z1');
    const r = await t.call('ga_bar', 'request.create', { kind: 'allocation', itemIds: ids(items), reason: '调整库房', toLocationId: target });
    await t.call('ga_sp', 'request.decide', { id: r.id, approve: true });
    const done = await t.call('zx_bgy', 'request.execute', { id: r.id, scannedCodes: codes(items) });
    expect(done.status).toBe('completed');
    expect(done.items[0]!.locationId).toBe(target);
    expect(done.events.map((e) => e.type)).toEqual(['MOVED']);
    expect((await verifyLedger(t.core.store.db)).ok).toBe(true);
  });

  it('request.list filters and scopes by agency', async () => {
    const { items } = await storedPoliceCase(t, ['手机', '电脑']);
    await approvedTransfer([items[0]!.id], 'paper');
    await t.call('ga_bar', 'request.create', { kind: 'loan', itemIds: [items[1]!.id], reason: '鉴定', purpose: 'appraisal', dueAt: '2026-11-25T00:00:00Z' });
    expect((await t.call('ga_bar', 'request.list', { mine: true })).total?.n).toBe(2);
    expect((await t.call('ga_bar', 'request.list', { kind: 'loan' })).rows.map((r) => r.requestNo)).toEqual(['DY-2026-000001']);
    expect((await t.call('ga_bar', 'request.list', { status: ['approved'] })).rows.map((r) => r.requestNo)).toEqual(['YS-2026-000001']);
    expect((await t.call('jc_bar', 'request.list', {})).rows.map((r) => r.requestNo)).toEqual(['YS-2026-000001']);
    expect((await t.call('fy_bar', 'request.list', {})).total?.n).toBe(0);
    expect((await t.call('zx_bgy', 'request.list', {})).total?.n).toBe(2);
    expect(await t.fail('fy_bar', 'request.get', { id: 1 })).toMatchObject({ code: 'NOT_FOUND', message: '申请单未找到或无权查看' });
    expect((await t.call('ga_bar', 'inbox.counts', {})).mine).toBe(2);
  });
});
