/** 盘点: a blind count of a shelf, overlapping scopes, resolutions as ledger events, pause/resume, home warnings. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/test-core';

let t: TestCore;
beforeEach(async () => {
  t = await makeTestCore();
});
afterEach(() => t.close());

const officer = { name: '李办案', idNo: '061234' };

/** Four police items in the centre store: three on shelf S01, one on S02. */
async function shelved() {
  const c = await t.call('ga_bar', 'case.create', { caseNo: 'A3716002026110009', name: '王某诈骗案' });
  const items = (await t.call('ga_bar', 'item.register', {
    caseId: c.id,
    seizureDocNo: 'D-201',
    seizedAt: '2026-11-20T01:00:00Z',
    seizedBy: '李办案',
    items: ['手机', '手表', '钱包', '相机'].map((name) => ({ name, category: 'general' as const, quantity: 1, unit: '件', source: 'seized' as const })),
  })) as Array<{ id: number; code: string }>;
  await t.call('zx_bgy', 'intake.receive', { counterpart: officer, items: items.map((i) => ({ code: i.code })) });
  const [a, b, c2, d] = items as [{ id: number; code: string }, { id: number; code: string }, { id: number; code: string }, { id: number; code: string }];
  for (const it of [a, b, c2]) await t.call('zx_bgy', 'putaway.scan', { locationCode: 'WH-A-Z1-S01', itemCode: it.code });
  await t.call('zx_bgy', 'putaway.scan', { locationCode: 'WH-A-Z1-S02', itemCode: d.code });
  return { a, b, c: c2, d };
}

const scan = (id: number, code: string, locationId?: number) => t.call('zx_bgy', 'stocktake.scan', { id, code, locationId });

describe('stocktake', () => {
  it('a blind count of a shelf reports exactly the missing, the extra, the duplicate and the unknown code', async () => {
    const { a, b, c, d } = await shelved();
    const count = await t.call('zx_bgy', 'stocktake.open', { scopeCode: 'WH-A-Z1-S01', blind: true });
    expect(count).toMatchObject({ status: 'OPEN', blind: true, expectedCount: 3, foundCount: 0, expected: [] });
    expect((await scan(count.id, a.code)).result).toBe('FOUND');
    expect((await scan(count.id, b.code)).result).toBe('FOUND');
    const dup = await scan(count.id, b.code);
    expect(dup).toMatchObject({ result: 'DUPLICATE', count: { foundCount: 2, scanCount: 3 } });
    const extra = await scan(count.id, d.code);
    expect(extra.result).toBe('UNEXPECTED');
    expect(extra.message).toContain('02 号架');
    const unknown = await scan(count.id, 'NO-SUCH-9');
    expect(unknown.result).toBe('UNKNOWN');
    expect(unknown.count).toMatchObject({ expectedCount: 3, foundCount: 2 });

    const before = await t.eventCount();
    const closed = await t.call('zx_bgy', 'stocktake.close', { id: count.id });
    expect(closed.status).toBe('CLOSED');
    expect(closed.discrepancies.map((x) => [x.kind, x.code]).sort()).toEqual([['MISSING', c.code], ['UNEXPECTED', d.code], ['UNKNOWN', 'NO-SUCH-9']].sort());
    expect(closed.scans.filter((s) => s.result === 'DUPLICATE').map((s) => s.code)).toEqual([b.code]);
    expect(closed.expected.map((e) => [e.code, e.counted])).toEqual([[a.code, true], [b.code, true], [c.code, false]]);
    // COUNTED for the three items seen on the shelf (A, B and the extra D), not for the missing one.
    expect(await t.eventCount()).toBe(before + 3);
    const counted = async (id: number) => (await t.call('zx_bgy', 'item.timeline', { id })).filter((e) => e.type === 'COUNTED').length;
    expect([await counted(a.id), await counted(b.id), await counted(c.id), await counted(d.id)]).toEqual([1, 1, 0, 1]);

    const pdf = await t.call('zx_bgy', 'stocktake.print', { id: count.id });
    expect(pdf.serialNo).toMatch(/^PD-/);
  });

  it('two open counts may not overlap; a paused count refuses scans until resumed', async () => {
    await shelved();
    const shelf = await t.call('zx_bgy', 'stocktake.open', { scopeCode: 'WH-A-Z1-S01', blind: false });
    expect(shelf.expected).toHaveLength(3); // not blind: the list is shown
    for (const scope of ['WH-A-Z1', 'WH-A', 'ST-ZX', 'WH-A-Z1-S01']) {
      expect((await t.fail('zx_bgy', 'stocktake.open', { scopeCode: scope, blind: true })).message).toContain(`与未结束的盘点 ${shelf.countNo}`);
    }
    const other = await t.call('zx_bgy', 'stocktake.open', { scopeCode: 'WH-A-Z1-S02', blind: true });
    expect(other.expectedCount).toBe(1);
    expect((await t.fail('zx_bgy', 'stocktake.open', { scopeCode: 'BC-A', blind: true })).message).toContain('不是本库');
    await t.call('zx_bgy', 'stocktake.pause', { id: other.id });
    expect((await t.fail('zx_bgy', 'stocktake.scan', { id: other.id, code: 'X' })).message).toContain('已暂停');
    await t.call('zx_bgy', 'stocktake.resume', { id: other.id });
    expect((await t.call('zx_bgy', 'stocktake.list', { openOnly: true })).map((s) => s.countNo).sort()).toEqual([shelf.countNo, other.countNo].sort());
    // Another store's custodian neither sees nor scans it.
    expect((await t.fail('bc_bgy', 'stocktake.get', { id: other.id })).message).toContain('未找到或无权查看');
    await t.call('zx_bgy', 'stocktake.close', { id: shelf.id });
    expect((await t.fail('zx_bgy', 'stocktake.open', { scopeCode: 'WH-A-Z1', blind: true })).message).toContain(other.countNo);
    await t.call('zx_bgy', 'stocktake.close', { id: other.id });
    expect((await t.call('zx_bgy', 'stocktake.open', { scopeCode: 'WH-A-Z1', blind: true })).scopeName).toContain('一般物品区');
  });

  it('resolutions write MOVED and (after the holding agency approves) LOST_REPORTED; the ledger still verifies', async () => {
    const { a, b, c, d } = await shelved();
    const zone = await t.call('zx_bgy', 'stocktake.open', { scopeCode: 'WH-A-Z1', blind: true });
    const s02 = await scan(zone.id, 'WH-A-Z1-S02');
    expect(s02).toMatchObject({ result: 'LOCATION' });
    const wrong = await scan(zone.id, a.code, s02.locationId!);
    expect(wrong.result).toBe('WRONG_LOCATION');
    expect(wrong.message).toContain('应在 市中心库 / A 库房 / 一般物品区 / 01 号架');
    await scan(zone.id, b.code, s02.locationId!);
    await scan(zone.id, d.code, s02.locationId!);
    expect((await t.fail('zx_bgy', 'stocktake.scan', { id: zone.id, code: 'WH-B-Z1' })).message).toContain('不在本次盘点范围');
    const closed = await t.call('zx_bgy', 'stocktake.close', { id: zone.id });
    const byCode = new Map(closed.discrepancies.map((x) => [x.code, x]));
    expect(closed.discrepancies.map((x) => x.kind).sort()).toEqual(['MISSING', 'WRONG_LOCATION', 'WRONG_LOCATION']);

    // Misplaced → MOVED to where it was found.
    await t.call('zx_bgy', 'stocktake.resolve', { discrepancyId: byCode.get(a.code)!.id, note: '按实际位置调整' });
    expect((await t.call('zx_bgy', 'item.get', { id: a.id })).locationCode).toBe('WH-A-Z1-S02');
    // …or to a shelf the custodian scans (put back).
    await t.call('zx_bgy', 'stocktake.resolve', { discrepancyId: byCode.get(b.code)!.id, note: '放回原位', locationCode: 'WH-A-Z1-S01' });
    expect((await t.call('zx_bgy', 'item.get', { id: b.id })).locationCode).toBe('WH-A-Z1-S01');
    const moves = (await t.call('zx_bgy', 'item.timeline', { id: a.id })).filter((e) => e.type === 'MOVED');
    expect(moves).toHaveLength(1);
    expect(moves[0]!.note).toContain('按实际位置调整');

    // Missing → proposed; the court's approver may not decide a police item; the police approver rejects, then approves.
    const missing = byCode.get(c.code)!;
    expect(missing.agencyName).toBe('滨州市公安局');
    await t.call('zx_bgy', 'stocktake.resolve', { discrepancyId: missing.id, note: '全库查找未见' });
    expect((await t.call('zx_bgy', 'item.get', { id: c.id })).status).toBe('IN_STORE');
    expect(await t.call('fy_sp', 'stocktake.pendingLosses', {})).toEqual([]);
    expect((await t.fail('fy_sp', 'stocktake.decideLoss', { discrepancyId: missing.id, approve: true, note: '同意' })).message).toContain('无权审批');
    expect((await t.call('ga_sp', 'stocktake.pendingLosses', {})).map((x) => x.code)).toEqual([c.code]);
    const back = await t.call('ga_sp', 'stocktake.decideLoss', { discrepancyId: missing.id, approve: false, note: '请再查 B 库房' });
    expect(back).toMatchObject({ status: 'OPEN', decisionNote: '不同意：请再查 B 库房' });
    await t.call('zx_bgy', 'stocktake.resolve', { discrepancyId: missing.id, note: 'B 库房亦未找到' });
    const lost = await t.call('ga_sp', 'stocktake.decideLoss', { discrepancyId: missing.id, approve: true, note: '同意登记丢失' });
    expect(lost).toMatchObject({ status: 'RESOLVED', decidedByName: expect.any(String) });
    expect((await t.call('zx_bgy', 'item.get', { id: c.id })).status).toBe('LOST');
    const last = (await t.call('zx_bgy', 'item.timeline', { id: c.id })).find((e) => e.type === 'LOST_REPORTED')!;
    expect(last.actorName).toBeTruthy();
    expect(last.note).toContain('B 库房亦未找到');
    expect((await t.call('zx_bgy', 'stocktake.get', { id: zone.id })).discrepancies.every((x) => x.status === 'RESOLVED')).toBe(true);
    expect((await t.fail('zx_bgy', 'stocktake.resolve', { discrepancyId: missing.id, note: '再处理' })).message).toContain('已处理');
    expect((await t.call('jw_jd', 'ledger.verify', {})).ok).toBe(true);
  });

  it('items not in store and unknown codes are closed with a note', async () => {
    const { a } = await shelved();
    const count = await t.call('zx_bgy', 'stocktake.open', { scopeCode: 'WH-A-Z1-S01', blind: true });
    await t.call('zx_bgy', 'stocktake.pause', { id: count.id });
    // Another terminal resumes it (the state is in the database).
    await t.call('zx_bgy', 'stocktake.resume', { id: count.id });
    const r = await scan(count.id, 'ZZ-404');
    expect(r.result).toBe('UNKNOWN');
    const closed = await t.call('zx_bgy', 'stocktake.close', { id: count.id });
    const unknown = closed.discrepancies.find((x) => x.kind === 'UNKNOWN')!;
    const after = await t.call('zx_bgy', 'stocktake.resolve', { discrepancyId: unknown.id, note: '旧标签，已销毁' });
    expect(after.discrepancies.find((x) => x.id === unknown.id)).toMatchObject({ status: 'RESOLVED', note: '旧标签，已销毁' });
    expect(closed.discrepancies.filter((x) => x.kind === 'MISSING').map((x) => x.code)).toContain(a.code);
  });

  it('warns when a store has had no full count in 12 months, and when its custodian changed since', async () => {
    const kinds = async () => (await t.call('zx_bgy', 'stocktake.warnings', {})).map((w) => w.kind);
    expect(await kinds()).toEqual(['NOT_COUNTED']);
    const full = await t.call('zx_bgy', 'stocktake.open', { scopeCode: 'ST-ZX', blind: true });
    await t.call('zx_bgy', 'stocktake.close', { id: full.id });
    expect(await kinds()).toEqual([]);
    t.clock.advance(366 * 86400_000);
    await t.login('zx_bgy');
    await t.login('jw_jd');
    await t.login('admin');
    expect(await kinds()).toEqual(['NOT_COUNTED']);
    const again = await t.call('zx_bgy', 'stocktake.open', { scopeCode: 'ST-ZX', blind: true });
    await t.call('zx_bgy', 'stocktake.close', { id: again.id });
    expect(await kinds()).toEqual([]);
    // The admin puts the district custodian into the centre store: a change without a count since.
    t.clock.advance(86400_000);
    for (const u of ['zx_bgy', 'jw_jd', 'admin']) await t.login(u);
    const users = await t.call('admin', 'user.list', {});
    const bc = users.find((u) => u.username === 'bc_bgy')!;
    const centre = (await t.call('zx_bgy', 'store.list', {})).find((s) => s.code === 'ST-ZX')!;
    await t.call('admin', 'user.save', { id: bc.id, username: bc.username, displayName: bc.displayName, badgeNo: bc.badgeNo ?? undefined, agencyId: bc.agencyId, roles: bc.roles, storeId: centre.id, active: true });
    const w = await t.call('zx_bgy', 'stocktake.warnings', {});
    expect(w.map((x) => x.kind)).toEqual(['CUSTODIAN_CHANGED']);
    expect(w[0]!.message).toContain('市中心库');
    // Inspectors see every store's warnings.
    expect((await t.call('jw_jd', 'stocktake.warnings', {})).map((x) => `${x.storeName}:${x.kind}`)).toEqual(['滨城分库:NOT_COUNTED', '市中心库:CUSTODIAN_CHANGED']);
  });

  it('the item list’s location filter and counts cover the subtree', async () => {
    const { a, b, c, d } = await shelved();
    const locs = await t.call('zx_bgy', 'location.list', {});
    const idOf = (code: string) => locs.find((l) => l.code === code)!.id;
    const codes = async (code: string) => (await t.call('zx_bgy', 'item.list', { locationId: idOf(code), limit: 50 })).rows.map((r) => r.code).sort();
    expect(await codes('WH-A')).toEqual([a.code, b.code, c.code, d.code].sort());
    expect(await codes('WH-A-Z1-S02')).toEqual([d.code]);
    expect(await codes('WH-A-Z2')).toEqual([]);
    expect((await t.call('zx_bgy', 'item.list', { locationId: idOf('WH-A'), limit: 50 })).rows.find((r) => r.code === d.code)!.locationPath).toContain('02 号架');
  });
});
