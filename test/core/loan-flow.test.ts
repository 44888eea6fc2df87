/** Loans: check-out, extension with approval, check-in by scan with conditions, overdue list. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/test-core';
import { codes, ids, locationId, storedPoliceCase } from './request-fixtures';

let t: TestCore;
beforeEach(async () => {
  t = await makeTestCore();
});
afterEach(() => t.close());

const DAY = 86_400_000;

async function lent(names: string[], dueDays = 2) {
  const { items } = await storedPoliceCase(t, names);
  const r = await t.call('ga_bar', 'request.create', {
    kind: 'loan',
    itemIds: ids(items),
    reason: '送检鉴定',
    purpose: 'appraisal',
    dueAt: new Date(t.clock.now.getTime() + dueDays * DAY).toISOString(),
    borrower: { name: '钱鉴定', idNo: '061999' },
  });
  expect(r.events.map((e) => e.type)).toEqual(items.map(() => 'LOAN_REQUESTED'));
  await t.call('ga_sp', 'request.decide', { id: r.id, approve: true });
  const out = await t.call('zx_bgy', 'request.execute', { id: r.id, scannedCodes: codes(items) });
  return { items, r: out };
}

describe('loans', () => {
  it('checks out to the named borrower and records the condition out', async () => {
    const { items, r } = await lent(['手机']);
    expect(r.status).toBe('in_progress');
    expect(r.items[0]).toMatchObject({ status: 'ON_LOAN', outWith: '钱鉴定', locationId: null });
    const ev = r.events.find((e) => e.type === 'CHECKED_OUT')!;
    expect(ev).toMatchObject({ conditionNote: '完好', counterpart: { name: '钱鉴定', idNo: '061999' }, itemCode: items[0]!.code });
    expect(r.actions).toEqual(['checkIn', 'print']); // as seen by the custodian who executed it
    expect((await t.call('ga_bar', 'request.get', { id: r.id })).actions).toEqual(['extend', 'print']);
    expect((await t.call('zx_bgy', 'inbox.counts', {})).checkIn).toBe(1);
  });

  it('a loan rejected by the approver writes LOAN_REJECTED and frees the item', async () => {
    const { items } = await storedPoliceCase(t, ['手机']);
    const r = await t.call('ga_bar', 'request.create', { kind: 'loan', itemIds: ids(items), reason: '辨认', purpose: 'identification', dueAt: new Date(t.clock.now.getTime() + DAY).toISOString() });
    const rej = await t.call('ga_sp', 'request.decide', { id: r.id, approve: false, comment: '无必要' });
    expect(rej.status).toBe('rejected');
    expect(rej.events.map((e) => e.type)).toEqual(['LOAN_REQUESTED', 'LOAN_REJECTED']);
    expect(rej.openItemIds).toEqual([]);
  });

  it('lists overdue loans with days overdue, and an approved extension clears it', async () => {
    const { r } = await lent(['手机', '电脑'], 1);
    t.clock.advance(3 * DAY + 3600_000);
    for (const u of ['zx_bgy', 'ga_bar', 'ga_sp', 'jc_bar']) await t.login(u);
    const od = await t.call('zx_bgy', 'loan.overdue', {});
    expect(od.rows).toHaveLength(1);
    expect(od.rows[0]).toMatchObject({ requestNo: r.requestNo, borrower: '钱鉴定', daysOverdue: 3, fromAgencyName: '滨州市公安局' });
    expect(od.rows[0]!.items).toHaveLength(2);
    expect((await t.call('ga_bar', 'inbox.counts', {})).overdue).toBe(1);
    expect((await t.call('jc_bar', 'loan.overdue', {})).total).toBe(0); // another agency's loan

    const newDue = new Date(t.clock.now.getTime() + 7 * DAY).toISOString();
    const before = await t.eventCount();
    expect((await t.fail('ga_bar', 'loan.extend', { requestId: r.id, newDueAt: new Date(t.clock.now.getTime() - DAY).toISOString(), reason: '鉴定未完成' })).message).toContain('必须晚于当前时间');
    const asked = await t.call('ga_bar', 'loan.extend', { requestId: r.id, newDueAt: newDue, reason: '鉴定未完成' });
    expect(asked.waitingFor).toBe('调用在外，延期申请待滨州市公安局审批');
    expect((await t.fail('ga_bar', 'loan.extend', { requestId: r.id, newDueAt: newDue, reason: '再次' })).message).toContain('已有待审批的延期申请');
    expect((await t.call('ga_sp', 'inbox.counts', {})).approve).toBe(1);
    expect((await t.fail('jc_sp', 'loan.decideExtension', { requestId: r.id, approve: true })).code).toBe('NOT_FOUND');
    expect(await t.eventCount()).toBe(before);
    const ok = await t.call('ga_sp', 'loan.decideExtension', { requestId: r.id, approve: true });
    expect(ok.dueAt).toBe(newDue);
    expect(ok.details.extensions).toEqual([expect.objectContaining({ approved: true, newDueAt: newDue, decidedByName: '张审批' })]);
    expect(ok.events.filter((e) => e.type === 'LOAN_EXTENDED')).toHaveLength(2);
    expect(await t.eventCount()).toBe(before + 2);
    expect((await t.call('zx_bgy', 'loan.overdue', {})).total).toBe(0);
  });

  it('refuses self-approval of an extension', async () => {
    const { r } = await lent(['手机']);
    await t.core.store.db.updateTable('users').set({ roles: JSON.stringify(['case_officer', 'approver']) }).where('username', '=', 'ga_sp').execute();
    await t.call('ga_sp', 'loan.extend', { requestId: r.id, newDueAt: new Date(t.clock.now.getTime() + 9 * DAY).toISOString(), reason: '延长' });
    const before = await t.eventCount();
    expect((await t.fail('ga_sp', 'loan.decideExtension', { requestId: r.id, approve: true })).message).toBe(`不能审批本人提出的延期申请（${r.requestNo}）`);
    expect(await t.eventCount()).toBe(before);
  });

  it('checks items back one by one: fine, shortage, lost; the loan completes when all are back', async () => {
    const { items, r } = await lent(['手机', '电脑', '相机']);
    const shelf = await locationId(t, 'WH-A-Z1-S01');
    const first = await t.call('zx_bgy', 'loan.checkIn', { requestId: r.id, scans: [{ code: items[0]!.code, condition: 'fine' }] });
    expect(first.items[0]).toMatchObject({ status: 'IN_STORE', locationId: shelf, outWith: null, openRequestNo: null });
    expect(first.requests[0]).toMatchObject({ status: 'in_progress', openItemCount: 2 });
    const rest = await t.call('zx_bgy', 'loan.checkIn', {
      scans: [
        { code: items[1]!.code, condition: 'shortage', note: '缺少电源适配器' },
        { code: items[2]!.code, condition: 'lost', note: '鉴定机构遗失' },
      ],
    });
    expect(rest.requests[0]!.status).toBe('completed');
    expect(rest.items.map((i) => i.status)).toEqual(['IN_STORE', 'LOST']);
    const full = await t.call('ga_bar', 'request.get', { id: r.id });
    expect(full.events.slice(-4).map((e) => e.type)).toEqual(['CHECKED_IN', 'CHECKED_IN', 'DISCREPANCY', 'LOST_REPORTED']);
    expect(full.details.returns![String(items[1]!.id)]).toMatchObject({ condition: 'shortage', note: '缺少电源适配器' });
    expect(full.items[1]!.flags).not.toContain('damaged');
  });

  it('refuses a check-in with problems, listing each, and writes nothing', async () => {
    const { items, r } = await lent(['手机', '电脑']);
    const { items: idle } = await storedPoliceCase(t, ['手表']);
    const before = await t.eventCount();
    const err = await t.fail('zx_bgy', 'loan.checkIn', {
      requestId: r.id,
      scans: [
        { code: items[0]!.code, condition: 'damaged' },
        { code: items[1]!.code, condition: 'fine' },
        { code: items[1]!.code, condition: 'fine' },
        { code: idle[0]!.code, condition: 'fine' },
        { code: 'XX-1', condition: 'fine' },
      ],
    });
    expect(err.message).toBe('归还核对未通过，未办理归还（4 处问题）');
    expect(err.details).toEqual([
      `${items[0]!.code}（手机）：归还状况为「损坏」，须填写差异说明`,
      `重复扫描：${items[1]!.code}（电脑）`,
      `${idle[0]!.code}（手表）：不在调用出库中，无需归还`,
      '未知编码：「XX-1」不是已登记的物品',
    ]);
    expect(await t.eventCount()).toBe(before);
    expect((await t.fail('ga_bar', 'loan.checkIn', { scans: [{ code: items[1]!.code, condition: 'fine' }] })).code).toBe('FORBIDDEN');
  });
});
