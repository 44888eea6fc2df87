/** The cross-agency journey: 公安 → 检察院 (paper) → 法院 (physical), then return, destruction and a loan. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/test-core';
import { verifyLedger } from '../../electron/core/ledger/ledger.verify';
import { agencyId, codes, ids, locationId, storedPoliceCase, witness } from './request-fixtures';

let t: TestCore;
beforeEach(async () => {
  t = await makeTestCore();
});
afterEach(() => t.close());

const DAY = 86_400_000;

describe('cross-agency custody journey', () => {
  it('moves custody on paper, then physically, then returns, destroys and lends, with a sound ledger', async () => {
    const { caseId, items } = await storedPoliceCase(t, ['黑色手机', '笔记本电脑', '数码相机', '现金']);
    const [phone, laptop, camera, cash] = items as [(typeof items)[0], (typeof items)[0], (typeof items)[0], (typeof items)[0]];
    const shelf = await locationId(t, 'WH-A-Z1-S01');
    const JC = await agencyId(t, '371600JC');
    const FY = await agencyId(t, '371600FY');

    // 1. Paper transfer police → procuratorate.
    const paper = await t.call('ga_bar', 'request.create', { kind: 'transfer', itemIds: ids(items), reason: '侦查终结，移送审查起诉', legalBasis: '滨公诉字〔2026〕12号', toAgencyId: JC, mode: 'paper' });
    expect(paper.requestNo).toBe('YS-2026-000001');
    expect(paper.waitingFor).toBe('待滨州市公安局审批');
    expect((await t.call('ga_sp', 'inbox.counts', {})).approve).toBe(1);
    expect((await t.call('ga_sp', 'request.get', { id: paper.id })).actions).toEqual(expect.arrayContaining(['decide', 'cancel']));
    const approved = await t.call('ga_sp', 'request.decide', { id: paper.id, approve: true, comment: '同意移送' });
    expect(approved.waitingFor).toBe('待滨州市人民检察院接收确认');
    expect((await t.call('jc_sp', 'inbox.counts', {})).accept).toBe(1);
    expect((await t.call('jc_sp', 'inbox.list', { box: 'accept' })).rows.map((r) => r.requestNo)).toEqual(['YS-2026-000001']);
    const accepted = await t.call('jc_sp', 'request.accept', { id: paper.id, accept: true, comment: '同意接收' });
    expect(accepted.status).toBe('completed');
    expect(accepted.openItemIds).toEqual([]);
    for (const it of accepted.items) {
      expect(it.holdingAgencyId).toBe(JC);
      expect(it.locationId).toBe(shelf); // 实物不动
      expect(it.status).toBe('IN_STORE');
    }
    let kase = (await t.call('jc_bar', 'case.detail', { caseId })).case;
    expect(kase.stage).toBe('prosecution_review');
    expect(kase.hostAgencyId).toBe(JC);
    expect(accepted.events.map((e) => e.type)).toEqual([
      ...Array(4).fill('CUSTODY_TRANSFER_REQUESTED'),
      ...Array(4).fill('CUSTODY_TRANSFER_APPROVED'),
      ...Array(4).fill('CUSTODY_TRANSFER_ACCEPTED'),
    ]);
    expect(accepted.events[8]).toMatchObject({ agencyFrom: '滨州市公安局', agencyTo: '滨州市人民检察院', legalDocNo: '滨公诉字〔2026〕12号', requestId: paper.id });

    // 2. Physical transfer procuratorate → court; the first scan misses one item.
    const phys = await t.call('jc_bar', 'request.create', { kind: 'transfer', itemIds: ids(items), reason: '提起公诉，随案移送', legalBasis: '滨检刑诉〔2026〕5号', toAgencyId: FY, mode: 'physical' });
    await t.call('jc_sp', 'request.decide', { id: phys.id, approve: true });
    expect((await t.call('zx_bgy', 'inbox.counts', {})).execute).toBe(1);
    const before = await t.eventCount();
    const missed = await t.fail('zx_bgy', 'request.execute', { id: phys.id, scannedCodes: codes(items).slice(0, 3) });
    expect(missed.details).toEqual([`漏扫：${cash.code}（现金）未扫描`]);
    expect(await t.eventCount()).toBe(before);
    const out = await t.call('zx_bgy', 'request.execute', { id: phys.id, scannedCodes: codes(items), counterpart: { name: '孙法官', idNo: 'FY3001' } });
    expect(out.status).toBe('in_progress');
    for (const it of out.items) {
      expect(it.status).toBe('TRANSFERRED_OUT');
      expect(it.outWith).toBe('滨州市中级人民法院');
      expect(it.holdingAgencyId).toBe(JC); // not yet accepted
    }
    const fyAccept = await t.call('fy_sp', 'request.accept', { id: phys.id, accept: true });
    expect(fyAccept.waitingFor).toBe('待保管员扫描入库');
    expect(fyAccept.items.every((i) => i.holdingAgencyId === FY)).toBe(true);
    kase = (await t.call('fy_bar', 'case.detail', { caseId })).case;
    expect(kase.stage).toBe('trial');
    const inStore = await t.call('zx_bgy', 'request.receiveIn', { id: phys.id, scannedCodes: codes(items) });
    expect(inStore.status).toBe('completed');
    expect(inStore.items.every((i) => i.status === 'IN_STORE' && i.locationId === shelf && i.outWith === null)).toBe(true);

    // 3. The court returns the phone to its owner.
    const ret = await t.call('fy_bar', 'request.create', { kind: 'return', itemIds: [phone.id], reason: '判决发还被害人', legalBasis: '（2026）鲁16刑初8号判决书', claimant: { name: '张三', idType: 'resident_id', idNo: '371602199001011234' } });
    await t.call('fy_sp', 'request.decide', { id: ret.id, approve: true });
    expect((await t.call('fy_bar', 'item.get', { id: phone.id })).status).toBe('PENDING_DISPOSITION');
    const returned = await t.call('zx_bgy', 'request.execute', { id: ret.id, scannedCodes: [phone.code] });
    expect(returned.items[0]).toMatchObject({ status: 'RETURNED', locationId: null, outWith: '张三' });
    const retEvent = returned.events.find((e) => e.type === 'RETURNED_TO_OWNER')!;
    expect(retEvent.counterpart).toEqual({ name: '张三', idNo: '居民身份证 371602199001011234' });

    // 4. … and destroys the laptop before two witnesses.
    const dest = await t.call('fy_bar', 'request.create', { kind: 'disposition', itemIds: [laptop.id], reason: '判决没收销毁', legalBasis: '（2026）鲁16刑初8号判决书', method: 'destroy' });
    await t.call('fy_sp', 'request.decide', { id: dest.id, approve: true });
    const actualDate = new Date(t.clock.now.getTime() - 3600_000).toISOString();
    const destroyed = await t.call('zx_bgy', 'request.execute', { id: dest.id, scannedCodes: [laptop.code], witnesses: [witness('zx_bgy2'), witness('fy_sp')], actualDate });
    expect(destroyed.items[0]!.status).toBe('DESTROYED');
    expect(destroyed.details).toMatchObject({ executorName: '王保管', actualDate, method: 'destroy' });
    const dEvent = destroyed.events.find((e) => e.type === 'DESTROYED')!;
    expect(dEvent.witnesses.map((w) => w.name)).toEqual(['赵保管', '周庭长']);
    expect(dEvent.payload).toMatchObject({ actualDate, method: 'destroy', executor: '王保管' });
    // Terminal: nothing more can happen to it.
    const after = await t.fail('fy_bar', 'request.create', { kind: 'loan', itemIds: [laptop.id], reason: '示证', purpose: 'court_exhibit', dueAt: new Date(t.clock.now.getTime() + DAY).toISOString() });
    expect(after.details![0]).toContain('已销毁（终结状态）');

    // 5. A loan of the camera as a court exhibit: check-out, overdue, extension, damaged check-in.
    const loan = await t.call('fy_bar', 'request.create', { kind: 'loan', itemIds: [camera.id], reason: '庭审示证', purpose: 'court_exhibit', dueAt: new Date(t.clock.now.getTime() + 2 * DAY).toISOString() });
    expect(loan.details.borrower).toEqual({ name: '孙法官', idNo: 'FY3001' });
    await t.call('fy_sp', 'request.decide', { id: loan.id, approve: true });
    const lent = await t.call('zx_bgy', 'request.execute', { id: loan.id, scannedCodes: [camera.code], conditionOut: '完好，附充电器' });
    expect(lent.items[0]).toMatchObject({ status: 'ON_LOAN', outWith: '孙法官', locationId: null });
    expect((await t.call('zx_bgy', 'loan.overdue', {})).total).toBe(0);
    t.clock.advance(3 * DAY);
    for (const u of ['zx_bgy', 'fy_bar', 'fy_sp']) await t.login(u); // sessions last 12 hours
    const overdue = await t.call('zx_bgy', 'loan.overdue', {});
    expect(overdue.rows).toEqual([expect.objectContaining({ requestNo: loan.requestNo, borrower: '孙法官', daysOverdue: 1, items: [{ id: camera.id, code: camera.code, name: '数码相机' }] })]);
    await t.call('fy_bar', 'loan.extend', { requestId: loan.id, newDueAt: new Date(t.clock.now.getTime() + 5 * DAY).toISOString(), reason: '庭审延期' });
    const ext = await t.call('fy_sp', 'loan.decideExtension', { requestId: loan.id, approve: true, comment: '同意' });
    expect(ext.dueAt).toBe(new Date(t.clock.now.getTime() + 5 * DAY).toISOString());
    expect(ext.events.at(-1)!.type).toBe('LOAN_EXTENDED');
    expect((await t.call('zx_bgy', 'loan.overdue', {})).total).toBe(0);
    const back = await t.call('zx_bgy', 'loan.checkIn', { scans: [{ code: camera.code, condition: 'damaged', note: '镜头有划痕' }] });
    expect(back.items[0]).toMatchObject({ status: 'IN_STORE', locationId: shelf, outWith: null });
    expect(back.items[0]!.flags).toContain('damaged');
    expect(back.requests[0]).toMatchObject({ status: 'completed', openItemCount: 0 });
    const timeline = await t.call('zx_bgy', 'item.timeline', { id: camera.id });
    expect(timeline.slice(0, 2).map((e) => e.type)).toEqual(['DISCREPANCY', 'CHECKED_IN']);

    // 6. The case page and the ledger.
    const page = await t.call('fy_bar', 'case.detail', { caseId });
    expect(page.groups.map((g) => [g.status, g.holdingAgencyName, g.items.length])).toEqual([
      ['IN_STORE', '滨州市中级人民法院', 2],
      ['RETURNED', '滨州市中级人民法院', 1],
      ['DESTROYED', '滨州市中级人民法院', 1],
    ]);
    // The court sees the requests it sent or received, not the police's transfer to the procuratorate (YS-2026-000001).
    expect(page.requests.map((r) => r.requestNo)).toEqual(['DY-2026-000001', 'CZ-2026-000001', 'FH-2026-000001', 'YS-2026-000002']);
    expect(page.timeline[0]!.type).toBe('DISCREPANCY');
    expect(page.timelineTruncated).toBe(false);
    const v = await verifyLedger(t.core.store.db);
    expect(v.ok).toBe(true);
    expect(v.checked).toBe(await t.eventCount());
  });
});
