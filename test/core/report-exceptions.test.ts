/** 异常清单: each list catches what was planted, and nothing else. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/test-core';
import { storedPoliceCase, type Item } from './request-fixtures';
import type { MethodInput } from '../../shared/api/contract';

const DAY = 86_400_000;
let t: TestCore;
let items: Item[];

async function lend(item: Item, dueDays: number) {
  const r = await t.call('ga_bar', 'request.create', { kind: 'loan', itemIds: [item.id], reason: '辨认', purpose: 'identification', dueAt: new Date(t.clock.now.getTime() + dueDays * DAY).toISOString() });
  await t.call('ga_sp', 'request.decide', { id: r.id, approve: true });
  await t.call('zx_bgy', 'request.execute', { id: r.id, scannedCodes: [item.code] });
  return r.id;
}
const list = (input: MethodInput<'report.exceptions'>) => t.call('jw_jd', 'report.exceptions', input);
const codesOf = (r: { rows: Array<{ code: string }> }) => r.rows.map((x) => x.code).sort();

beforeAll(async () => {
  t = await makeTestCore();
  ({ items } = await storedPoliceCase(t, ['手机', '电脑', '相机', '硬盘', '平板']));
  const [phone, laptop, camera, disk, tablet] = items as [Item, Item, Item, Item, Item];
  // Planted: the phone is unsealed and left so; the laptop is unsealed and sealed again.
  await t.call('zx_bgy', 'seal.record', { itemId: phone.id, action: 'unseal', note: '鉴定取样' });
  await t.call('zx_bgy', 'seal.record', { itemId: laptop.id, action: 'unseal', note: '辨认' });
  await t.call('zx_bgy', 'seal.record', { itemId: laptop.id, action: 'seal', sealNo: 'FQ-0002', note: '辨认后重新封存' });
  // The camera goes out twice and comes back damaged once; the disk is out and overdue.
  await lend(camera, 1);
  await t.call('zx_bgy', 'loan.checkIn', { scans: [{ code: camera.code, condition: 'damaged', note: '外壳划伤' }] });
  await lend(camera, 1);
  await t.call('zx_bgy', 'loan.checkIn', { scans: [{ code: camera.code, condition: 'fine' }] });
  await lend(disk, 1);
  // The tablet is returned on a basis with no ruling number.
  const ret = await t.call('ga_bar', 'request.create', { kind: 'return', itemIds: [tablet.id], reason: '与案件无关', legalBasis: '经查与案件无关', claimant: { name: '张三', idType: 'resident_id', idNo: '371602199001011234' } });
  await t.call('ga_sp', 'request.decide', { id: ret.id, approve: true });
  await t.call('zx_bgy', 'request.execute', { id: ret.id, scannedCodes: [tablet.code] });
  t.clock.advance(2 * DAY);
  for (const u of ['jw_jd', 'ga_bar']) await t.login(u);
});
afterAll(() => t.close());

describe('report.exceptions', () => {
  it('catches a planted unsealed-not-resealed item, not the resealed one', async () => {
    const r = await list({ kind: 'unsealed' });
    expect(codesOf(r)).toEqual([items[0]!.code]);
    expect(r.rows[0]!.itemId).toBe(items[0]!.id);
    expect(r.rows[0]!.detail).toContain('至今未重新封存');
  });

  it('overdue, repeated and damaged loans', async () => {
    expect(codesOf(await list({ kind: 'overdueLoan' }))).toEqual([items[3]!.code]);
    expect(codesOf(await list({ kind: 'repeatedLoan' }))).toEqual([items[2]!.code]);
    expect((await list({ kind: 'repeatedLoan', minLoans: 3 })).total).toBe(0);
    const d = await list({ kind: 'loanDiscrepancy' });
    expect(codesOf(d)).toEqual([items[2]!.code]);
    expect(d.rows[0]!.detail).toContain('外壳划伤');
  });

  it('a disposition without a ruling number; none late at intake', async () => {
    const r = await list({ kind: 'noRulingNo' });
    expect(codesOf(r)).toEqual([items[4]!.code]);
    expect(r.rows[0]!.detail).toContain('经查与案件无关');
    expect((await list({ kind: 'lateIntake' })).total).toBe(0);
  });

  it('held past the retention threshold with no movement; stores not counted', async () => {
    expect((await list({ kind: 'retention', retentionDays: 30 })).total).toBe(0);
    t.clock.advance(40 * DAY);
    for (const u of ['jw_jd', 'ga_bar']) await t.login(u);
    // Everything happened 42 days ago: the items still in store are listed; the disk is on loan, the tablet returned.
    const r = await list({ kind: 'retention', retentionDays: 30 });
    expect(codesOf(r)).toEqual([items[0]!.code, items[1]!.code, items[2]!.code].sort());
    expect((await list({ kind: 'retention', retentionDays: 60 })).total).toBe(0);
    const n = await list({ kind: 'notCounted' });
    expect(n.total).toBeGreaterThan(0);
    expect(n.rows[0]!.itemId).toBeNull();
  });

  it('is refused to officers', async () => {
    expect((await t.fail('ga_bar', 'report.exceptions', { kind: 'unsealed' })).code).toBe('FORBIDDEN');
  });
});
