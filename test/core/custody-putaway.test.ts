import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore, TEST_PASSWORD, type TestCore } from '../support/test-core';

let t: TestCore;
beforeEach(async () => {
  t = await makeTestCore();
});
afterEach(() => t.close());

const officer = { name: '李办案', idNo: '061234' };

/** Registers (as ga_bar) and receives (as zx_bgy) a phone and a cash bundle. */
async function inStore() {
  const c = await t.call('ga_bar', 'case.create', { caseNo: 'A3716002026110001', name: '张某盗窃案' });
  const [phone, cash, pending] = await t.call('ga_bar', 'item.register', {
    caseId: c.id,
    seizureDocNo: 'D-101',
    seizedAt: '2026-11-20T01:00:00Z',
    seizedBy: '李办案',
    items: [
      { name: '黑色苹果手机', category: 'electronics', quantity: 1, unit: '部', source: 'seized', sealNo: 'F-001' },
      { name: '人民币现金', category: 'cash', quantity: 1, unit: '捆', cashAmount: 5000, source: 'seized', sealNo: 'C-001' },
      { name: '尚未入库的背包', category: 'general', quantity: 1, unit: '个', source: 'seized' },
    ],
  });
  await t.call('zx_bgy', 'intake.receive', {
    counterpart: officer,
    items: [{ code: phone!.code }, { code: cash!.code }],
    witness: { username: 'zx_bgy2', password: TEST_PASSWORD },
  });
  return { phone: phone!, cash: cash!, pending: pending! };
}

describe('put-away, moves and undo', () => {
  it('stores, moves, undoes the move (location restored, CORRECTION in the timeline) and undoes the put-away', async () => {
    const { phone } = await inStore();
    const stored = await t.call('zx_bgy', 'putaway.scan', { locationCode: 'WH-A-Z1-S01', itemCode: phone.code });
    expect(stored.item.locationCode).toBe('WH-A-Z1-S01');
    expect(stored.item.locationPath).toBe('市中心库 / A 库房 / 一般物品区 / 01 号架');
    const moved = await t.call('zx_bgy', 'putaway.scan', { locationCode: 'WH-A-Z1-S02', itemCode: phone.code });
    expect(moved.item.locationCode).toBe('WH-A-Z1-S02');
    let tl = await t.call('zx_bgy', 'item.timeline', { id: phone.id });
    expect(tl.slice(0, 2).map((e) => e.type)).toEqual(['MOVED', 'STORED']);
    expect(tl[0]).toMatchObject({ locationFrom: '市中心库 / A 库房 / 一般物品区 / 01 号架', locationTo: '市中心库 / A 库房 / 一般物品区 / 02 号架' });

    // Only the last location event can be undone.
    const before = await t.eventCount();
    const notLast = await t.fail('zx_bgy', 'putaway.undo', { eventId: stored.eventId });
    expect(notLast.code).toBe('CONFLICT');
    expect(notLast.message).toContain('最近一次');
    expect(await t.eventCount()).toBe(before);

    const undo = await t.call('zx_bgy', 'putaway.undo', { eventId: moved.eventId });
    expect(undo.item.locationCode).toBe('WH-A-Z1-S01');
    tl = await t.call('zx_bgy', 'item.timeline', { id: phone.id });
    expect(tl[0]).toMatchObject({ id: undo.eventId, type: 'CORRECTION', locationFrom: '市中心库 / A 库房 / 一般物品区 / 02 号架', locationTo: '市中心库 / A 库房 / 一般物品区 / 01 号架' });
    const movedEvent = tl.find((e) => e.id === moved.eventId)!;
    expect(tl[0]!.payload).toMatchObject({ correctsEventId: moved.eventId, correctsSeq: movedEvent.seq, correctsType: 'MOVED' });
    expect(tl.filter((e) => e.type === 'MOVED')).toHaveLength(1); // the moved event itself is untouched

    const twice = await t.fail('zx_bgy', 'putaway.undo', { eventId: moved.eventId });
    expect(twice.message).toContain('已被');
    // Now the put-away is the last location event again: undoing it leaves the item without a location.
    const undoStore = await t.call('zx_bgy', 'putaway.undo', { eventId: stored.eventId });
    expect(undoStore.item.locationId).toBeNull();
    expect(undoStore.item.status).toBe('IN_STORE');
    // And it can be put away afresh (STORED again, not MOVED).
    await t.call('zx_bgy', 'putaway.scan', { locationCode: 'WH-B-Z1', itemCode: phone.code });
    expect((await t.call('zx_bgy', 'item.timeline', { id: phone.id }))[0]!.type).toBe('STORED');
    // Corrections are appended, never edits: the hash chain still verifies.
    expect((await t.call('jw_jd', 'ledger.verify', {})).ok).toBe(true);
  });

  it('refuses bad scans with a Chinese message naming the code, and writes nothing', async () => {
    const { phone, pending } = await inStore();
    const before = await t.eventCount();
    const cases: Array<[{ locationCode: string; itemCode: string }, string, string]> = [
      [{ locationCode: 'NO-SUCH', itemCode: phone.code }, 'NOT_FOUND', 'NO-SUCH'],
      [{ locationCode: 'WH-A-Z1-S01', itemCode: 'NO-ITEM-1' }, 'NOT_FOUND', 'NO-ITEM-1'],
      [{ locationCode: 'WH-A', itemCode: phone.code }, 'CONFLICT', '库房'],
      [{ locationCode: 'WH-A-Z1', itemCode: phone.code }, 'CONFLICT', 'WH-A-Z1-S0'], // zone with shelves: scan the shelf
      [{ locationCode: 'WH-A-Z1-S01', itemCode: pending.code }, 'CONFLICT', '待入库'],
    ];
    for (const [input, code, text] of cases) {
      const err = await t.fail('zx_bgy', 'putaway.scan', input);
      expect(err.code, JSON.stringify(input)).toBe(code);
      expect(err.message).toContain(text);
    }
    await t.call('zx_bgy', 'putaway.scan', { locationCode: 'WH-A-Z1-S01', itemCode: phone.code });
    const same = await t.fail('zx_bgy', 'putaway.scan', { locationCode: 'WH-A-Z1-S01', itemCode: phone.code });
    expect(same.code).toBe('CONFLICT');
    expect(same.message).toContain('已在该库位');
    expect(await t.eventCount()).toBe(before + 1);
    // Undo refuses events that are not put-aways.
    const reg = (await t.call('zx_bgy', 'item.timeline', { id: phone.id })).find((e) => e.type === 'REGISTERED')!;
    expect((await t.fail('zx_bgy', 'putaway.undo', { eventId: reg.id })).message).toContain('只能撤销');
    expect((await t.fail('zx_bgy', 'putaway.undo', { eventId: 99999 })).code).toBe('NOT_FOUND');
  });

  it('is refused to roles without custody.handle (a case officer cannot put away)', async () => {
    const { phone } = await inStore();
    const s = await t.call('zx_bgy', 'putaway.scan', { locationCode: 'WH-A-Z1-S01', itemCode: phone.code });
    const before = await t.eventCount();
    for (const user of ['ga_bar', 'ga_sp', 'jw_jd', 'admin']) {
      expect((await t.fail(user, 'putaway.scan', { locationCode: 'WH-A-Z1-S02', itemCode: phone.code })).code).toBe('FORBIDDEN');
      expect((await t.fail(user, 'putaway.undo', { eventId: s.eventId })).code).toBe('FORBIDDEN');
    }
    expect(await t.eventCount()).toBe(before);
  });
});

describe('seals', () => {
  it('unseals (flag set) and reseals with a new seal no. (flag cleared)', async () => {
    const { phone } = await inStore();
    const un = await t.call('zx_bgy', 'seal.record', { itemId: phone.id, action: 'unseal', note: '鉴定前启封' });
    expect(un.item.flags).toContain('unsealed');
    expect(un.item.sealNo).toBe('F-001');
    expect((await t.fail('zx_bgy', 'seal.record', { itemId: phone.id, action: 'unseal', note: '再次启封' })).message).toContain('已处于启封状态');
    const noNo = await t.fail('zx_bgy', 'seal.record', { itemId: phone.id, action: 'seal', note: '重新封存' });
    expect(noNo.message).toContain('封签号');
    const re = await t.call('zx_bgy', 'seal.record', { itemId: phone.id, action: 'seal', sealNo: 'F-009', note: '鉴定后重新封存' });
    expect(re.item.flags).not.toContain('unsealed');
    expect(re.item.sealNo).toBe('F-009');
    const tl = await t.call('zx_bgy', 'item.timeline', { id: phone.id });
    expect(tl.slice(0, 2).map((e) => e.type)).toEqual(['SEALED', 'UNSEALED']);
    expect(tl[0]).toMatchObject({ conditionNote: '鉴定后重新封存', payload: expect.objectContaining({ sealNo: 'F-009', previousSealNo: 'F-001' }) });
    // A seal no. found on the package that differs from the record is refused.
    const mismatch = await t.fail('zx_bgy', 'seal.record', { itemId: phone.id, action: 'unseal', sealNo: 'F-777', note: '启封' });
    expect(mismatch.message).toContain('F-777');
  });

  it('needs a distinct witness to unseal cash; a wrong password writes no event', async () => {
    const { cash } = await inStore();
    const before = await t.eventCount();
    expect((await t.fail('zx_bgy', 'seal.record', { itemId: cash.id, action: 'unseal', note: '清点' })).message).toContain(cash.code);
    const wrong = await t.fail('zx_bgy', 'seal.record', { itemId: cash.id, action: 'unseal', note: '清点', witness: { username: 'zx_bgy2', password: 'nope' } });
    expect(wrong.message).toContain('见证人');
    expect((await t.fail('zx_bgy', 'seal.record', { itemId: cash.id, action: 'unseal', note: '清点', witness: { username: 'zx_bgy', password: TEST_PASSWORD } })).message).toContain('本人');
    expect(await t.eventCount()).toBe(before);
    const ok = await t.call('zx_bgy', 'seal.record', { itemId: cash.id, action: 'unseal', note: '清点', witness: { username: 'zx_bgy2', password: TEST_PASSWORD } });
    expect(ok.item.flags).toContain('unsealed');
    expect((await t.call('zx_bgy', 'item.timeline', { id: cash.id }))[0]!.witnesses).toEqual([{ name: '赵保管', idNo: 'ZX1002' }]);
    expect((await t.fail('ga_bar', 'seal.record', { itemId: cash.id, action: 'seal', sealNo: 'X', note: 'x' })).code).toBe('FORBIDDEN');
  });
});
