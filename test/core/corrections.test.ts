/** Corrections by reversing entry, lost and found, discrepancies, and the two-person rule for cash on loan. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/test-core';
import { codes, ids, storedPoliceCase, witness } from './request-fixtures';

let t: TestCore;
beforeEach(async () => {
  t = await makeTestCore();
});
afterEach(() => t.close());

const DAY = 86_400_000;
const types = async (itemId: number) => (await t.call('jw_jd', 'item.timeline', { id: itemId })).map((e) => e.type);

describe('corrections', () => {
  it('a correction needs approval, then shows the new value and keeps the original in the timeline', async () => {
    const { items } = await storedPoliceCase(t, ['手机']);
    const item = items[0]!;
    const p = await t.call('ga_bar', 'correction.propose', { itemId: item.id, changes: { quantity: 2, name: '手机（两部）' }, reason: '登记时漏记一部' });
    expect(p).toMatchObject({ status: 'pending', kind: 'correction', canDecide: false });
    expect(p.changes).toEqual([
      { field: 'name', from: '手机', to: '手机（两部）' },
      { field: 'quantity', from: 1, to: 2 },
    ]);
    // Nothing changes before approval; the approver sees it in the inbox.
    expect((await t.call('ga_bar', 'item.get', { id: item.id })).quantity).toBe(1);
    expect((await t.call('ga_sp', 'inbox.counts', {})).proposals).toBe(1);
    expect((await t.call('ga_sp', 'proposal.list', { toDecide: true })).rows.map((r) => r.id)).toEqual([p.id]);
    expect((await t.fail('ga_bar', 'proposal.decide', { id: p.id, approve: true })).code).toBe('FORBIDDEN');
    expect((await t.fail('jc_sp', 'proposal.decide', { id: p.id, approve: true })).code).toBe('FORBIDDEN');
    expect((await t.fail('ga_bar', 'correction.propose', { itemId: item.id, changes: { unit: '部' }, reason: '再改' })).code).toBe('CONFLICT');

    const done = await t.call('ga_sp', 'proposal.decide', { id: p.id, approve: true });
    expect(done).toMatchObject({ status: 'approved', decidedByName: '张审批' });
    const after = await t.call('ga_bar', 'item.get', { id: item.id });
    expect(after).toMatchObject({ quantity: 2, name: '手机（两部）', status: 'IN_STORE' });
    const tl = await t.call('jw_jd', 'item.timeline', { id: item.id });
    const reg = tl.find((e) => e.type === 'REGISTERED')!;
    expect(reg.payload).toMatchObject({ name: '手机', quantity: 1 });
    const corr = tl.find((e) => e.type === 'CORRECTION')!;
    expect(corr.id).toBe(done.eventId);
    expect(corr.payload).toMatchObject({ proposalId: p.id, changes: p.changes });
    expect(corr.note).toContain('数量「1」→「2」');
    expect((await t.call('ga_sp', 'inbox.counts', {})).proposals).toBe(0);
    expect((await t.call('jw_jd', 'ledger.verify', {})).ok).toBe(true);
  });

  it('a rejection needs a comment and changes nothing', async () => {
    const { items } = await storedPoliceCase(t, ['手机']);
    const item = items[0]!;
    const p = await t.call('zx_bgy', 'correction.propose', { itemId: item.id, changes: { spec: 'iPhone 12' }, reason: '型号错' });
    const before = await t.eventCount();
    expect((await t.fail('ga_sp', 'proposal.decide', { id: p.id, approve: false })).code).toBe('BAD_INPUT');
    const r = await t.call('ga_sp', 'proposal.decide', { id: p.id, approve: false, comment: '型号核对无误' });
    expect(r).toMatchObject({ status: 'rejected', decisionComment: '型号核对无误', eventId: null });
    expect(await t.eventCount()).toBe(before);
    expect((await t.call('ga_bar', 'item.get', { id: item.id })).spec).toBeNull();
    expect((await t.fail('ga_sp', 'proposal.decide', { id: p.id, approve: true })).code).toBe('CONFLICT');
  });

  it('an empty correction or one by another agency is refused', async () => {
    const { items } = await storedPoliceCase(t, ['手机']);
    expect((await t.fail('ga_bar', 'correction.propose', { itemId: items[0]!.id, changes: { quantity: 1 }, reason: '无' })).message).toContain('没有需要更正');
    expect((await t.fail('jc_bar', 'correction.propose', { itemId: items[0]!.id, changes: { quantity: 3 }, reason: '无' })).code).toMatch(/FORBIDDEN|NOT_FOUND/);
  });

  it('setting 无关财物 starts the 3-day release clock at the correction, not at registration', async () => {
    const { items } = await storedPoliceCase(t, ['自行车']);
    const item = items[0]!;
    t.clock.advance(10 * DAY);
    for (const u of ['ga_bar', 'ga_sp', 'zx_bgy']) await t.login(u);
    const p = await t.call('ga_bar', 'correction.propose', { itemId: item.id, changes: { flags: ['unrelated'] }, reason: '查明与案件无关' });
    await t.call('ga_sp', 'proposal.decide', { id: p.id, approve: true });
    expect((await t.call('zx_bgy', 'alert.list', {})).counts.unrelated).toBe(0); // registered 10 days ago, found unrelated just now
    t.clock.advance(2 * DAY + 3600_000);
    await t.login('zx_bgy');
    const a = (await t.call('zx_bgy', 'alert.list', {})).alerts.filter((x) => x.kind === 'unrelated');
    expect(a).toHaveLength(1);
    expect(a[0]).toMatchObject({ itemId: item.id, severity: 'warning' });
    t.clock.advance(DAY);
    await t.login('zx_bgy');
    expect((await t.call('zx_bgy', 'alert.list', {})).alerts.find((x) => x.kind === 'unrelated')).toMatchObject({ severity: 'danger' });
  });
});

describe('lost and found', () => {
  it('a lost report needs approval; a found item comes back and is put away again', async () => {
    const { items } = await storedPoliceCase(t, ['手机']);
    const item = items[0]!;
    const p = await t.call('zx_bgy', 'lost.report', { itemId: item.id, reason: '盘点未找到' });
    expect((await t.call('ga_bar', 'item.get', { id: item.id })).status).toBe('IN_STORE');
    await t.call('ga_sp', 'proposal.decide', { id: p.id, approve: true });
    expect(await t.call('ga_bar', 'item.get', { id: item.id })).toMatchObject({ status: 'LOST', locationId: null });
    expect((await t.fail('zx_bgy', 'putaway.scan', { locationCode: 'WH-A-Z1-S02', itemCode: item.code })).code).toBe('CONFLICT');

    const found = await t.call('zx_bgy', 'item.found', { itemId: item.id, note: '在 S02 货架后找到' });
    expect(found.item).toMatchObject({ status: 'IN_STORE', locationId: null });
    await t.call('zx_bgy', 'putaway.scan', { locationCode: 'WH-A-Z1-S02', itemCode: item.code });
    expect((await t.call('ga_bar', 'item.get', { id: item.id })).locationCode).toBe('WH-A-Z1-S02');
    expect((await types(item.id)).slice(0, 3)).toEqual(['STORED', 'CORRECTION', 'LOST_REPORTED']); // newest first
    expect((await t.fail('zx_bgy', 'item.found', { itemId: item.id, note: '再次' })).code).toBe('CONFLICT');
    expect((await t.call('jw_jd', 'ledger.verify', {})).ok).toBe(true);
  });

  it('an item out on loan cannot be reported lost here', async () => {
    const { items } = await storedPoliceCase(t, ['手机']);
    const r = await t.call('ga_bar', 'request.create', { kind: 'loan', itemIds: ids(items), reason: '辨认', purpose: 'identification', dueAt: new Date(t.clock.now.getTime() + DAY).toISOString() });
    expect((await t.fail('zx_bgy', 'lost.report', { itemId: items[0]!.id, reason: '找不到' })).message).toContain(r.requestNo);
  });
});

describe('discrepancies', () => {
  it('a mismatched seal sets 封签异常 and the found seal number; unsealing then works', async () => {
    const { items } = await storedPoliceCase(t, ['手机']);
    const item = items[0]!;
    await t.call('zx_bgy', 'seal.record', { itemId: item.id, action: 'seal', sealNo: 'FQ-001', note: '封存' });
    expect((await t.fail('zx_bgy', 'seal.record', { itemId: item.id, action: 'unseal', sealNo: 'FQ-999', note: '启封' })).message).toContain('请先登记差异');
    const d = await t.call('zx_bgy', 'discrepancy.record', { itemId: item.id, kind: 'seal', observedSealNo: 'FQ-999', note: '封签号与登记不符' });
    expect(d.item.flags).toContain('seal_broken');
    expect(d.item.sealNo).toBe('FQ-999');
    await t.call('zx_bgy', 'seal.record', { itemId: item.id, action: 'unseal', sealNo: 'FQ-999', note: '启封查验' });
    const tl = await t.call('jw_jd', 'item.timeline', { id: item.id });
    expect(tl.find((e) => e.type === 'DISCREPANCY')!.payload).toMatchObject({ kind: 'seal', previousSealNo: 'FQ-001', observedSealNo: 'FQ-999' });
  });

  it('damage and swap set their flags', async () => {
    const { items } = await storedPoliceCase(t, ['手机']);
    await t.call('zx_bgy', 'discrepancy.record', { itemId: items[0]!.id, kind: 'damage', note: '屏幕碎裂' });
    const d = await t.call('zx_bgy', 'discrepancy.record', { itemId: items[0]!.id, kind: 'swap', note: '型号与照片不符' });
    expect(d.item.flags).toEqual(expect.arrayContaining(['damaged', 'swapped']));
    expect(d.eventIds).toHaveLength(1);
  });

  it('a cash shortage corrects the recorded amount only with a witness confirming by password', async () => {
    const { items } = await storedPoliceCase(t, ['现金']);
    const cash = items[0]!;
    const input = { itemId: cash.id, kind: 'shortage' as const, note: '清点少 200 元', cashAmountFound: 9800 };
    const before = await t.eventCount();
    expect((await t.fail('zx_bgy', 'discrepancy.record', input)).message).toContain('见证');
    expect((await t.fail('zx_bgy', 'discrepancy.record', { ...input, witness: { username: 'zx_bgy2', password: 'wrong' } })).message).toContain('见证人');
    expect(await t.eventCount()).toBe(before);
    const d = await t.call('zx_bgy', 'discrepancy.record', { ...input, witness: witness('zx_bgy2') });
    expect(d.item).toMatchObject({ cashAmount: 9800 });
    expect(d.item.flags).toContain('shortage');
    const tl = await t.call('jw_jd', 'item.timeline', { id: cash.id });
    const corr = tl.find((e) => e.type === 'CORRECTION')!;
    expect(corr.payload).toMatchObject({ changes: [{ field: 'cashAmount', from: 10000, to: 9800 }] });
    expect(corr.witnesses.map((w) => w.name)).toEqual(['赵保管']);
    expect(tl.find((e) => e.type === 'REGISTERED')!.payload).toMatchObject({ cashAmount: 10000 });
    expect((await t.call('jw_jd', 'ledger.verify', {})).ok).toBe(true);
  });
});

describe('loans of cash: two-person rule', () => {
  it('cash goes out and comes back only with a witness confirming by password', async () => {
    const { items } = await storedPoliceCase(t, ['现金']);
    const r = await t.call('ga_bar', 'request.create', {
      kind: 'loan', itemIds: ids(items), reason: '庭审示证', purpose: 'court_exhibit', dueAt: new Date(t.clock.now.getTime() + DAY).toISOString(), borrower: { name: '钱法警', idNo: '071999' },
    });
    await t.call('ga_sp', 'request.decide', { id: r.id, approve: true });
    expect((await t.fail('zx_bgy', 'request.execute', { id: r.id, scannedCodes: codes(items) })).message).toContain('见证人');
    const out = await t.call('zx_bgy', 'request.execute', { id: r.id, scannedCodes: codes(items), witnesses: [witness('zx_bgy2')] });
    expect(out.items[0]!.status).toBe('ON_LOAN');
    expect(out.events.find((e) => e.type === 'CHECKED_OUT')!.witnesses.map((w) => w.name)).toEqual(['赵保管']);

    const scans = [{ code: items[0]!.code, condition: 'fine' as const }];
    expect((await t.fail('zx_bgy', 'loan.checkIn', { scans })).message).toContain('见证');
    expect((await t.fail('zx_bgy', 'loan.checkIn', { scans, witness: { username: 'zx_bgy', password: 'x' } })).message).toContain('本人');
    const back = await t.call('zx_bgy', 'loan.checkIn', { scans, witness: witness('zx_bgy2') });
    expect(back.items[0]!.status).toBe('IN_STORE');
    const tl = await t.call('jw_jd', 'item.timeline', { id: items[0]!.id });
    expect(tl.find((e) => e.type === 'CHECKED_IN')!.witnesses.map((w) => w.name)).toEqual(['赵保管']);
    expect((await t.call('jw_jd', 'ledger.verify', {})).ok).toBe(true);
  });

  it('an ordinary item still goes out without a witness', async () => {
    const { items } = await storedPoliceCase(t, ['手机']);
    const r = await t.call('ga_bar', 'request.create', { kind: 'loan', itemIds: ids(items), reason: '辨认', purpose: 'identification', dueAt: new Date(t.clock.now.getTime() + DAY).toISOString() });
    await t.call('ga_sp', 'request.decide', { id: r.id, approve: true });
    expect((await t.call('zx_bgy', 'request.execute', { id: r.id, scannedCodes: codes(items) })).status).toBe('in_progress');
  });
});
