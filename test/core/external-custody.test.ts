/**
 * 外部保管: a frozen account and a car kept elsewhere are registered straight into EXTERNAL_CUSTODY with their terms,
 * raise no intake alert, warn 30 and 7 days before the end, are renewed, follow their case on a paper transfer,
 * and are released; an expired term shows in red. The ledger still verifies.
 */
import { afterEach, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/test-core';
import { agencyId, storedPoliceCase } from './request-fixtures';
import { verifyLedger } from '../../electron/core/ledger/ledger.verify';

let t: TestCore;
afterEach(() => t.close());
const DAY = 86_400_000;

/** Moves the clock (days or weeks on) and signs the users in again, as they would after a session expiry. */
async function at(t: TestCore, iso: string) {
  t.clock.set(iso);
  for (const u of ['ga_bar', 'ga_sp', 'jc_bar', 'jc_sp', 'zx_bgy']) await t.login(u);
}

async function registerOffSite(t: TestCore, caseId: number) {
  return t.call('ga_bar', 'external.register', {
    caseId,
    seizureDocNo: '滨公（经）冻字〔2026〕8号',
    seizedAt: '2026-11-19T02:00:00.000Z',
    seizedBy: '李办案',
    items: [
      { kind: 'deposit', name: '张三工商银行账户存款', institution: '工商银行滨城支行', accountNo: '6222021234567890123', amount: 385000.5, noticeNo: '滨公协冻〔2026〕8号', startDate: '2026-07-01', ownerName: '张三' },
      { kind: 'movable', name: '奥迪A6轿车', institution: '滨城停车场（刘某）', address: '滨城区黄河路 8 号', noticeNo: '滨公扣〔2026〕9号', startDate: '2025-11-01', endDate: '2026-11-18', estimatedValue: 120000, unit: '辆' },
    ],
  });
}

it('registers off-site property into 外部保管 with its term, alerts before the end, renews, follows the case and releases', async () => {
  t = await makeTestCore();
  const { caseId, items: held } = await storedPoliceCase(t, ['手机']);
  const [deposit, car] = await registerOffSite(t, caseId);
  expect(deposit).toMatchObject({ status: 'EXTERNAL_CUSTODY', kind: 'deposit', startDate: '2026-07-01', endDate: '2027-01-01', accountNo: '6222021234567890123', amount: 385000.5, daysLeft: 42 });
  expect(car).toMatchObject({ status: 'EXTERNAL_CUSTODY', endDate: '2026-11-18', daysLeft: -2 });
  const item = await t.call('ga_bar', 'item.get', { id: deposit!.itemId });
  expect(item).toMatchObject({ status: 'EXTERNAL_CUSTODY', source: 'frozen', locationId: null, estimatedValue: 385000.5 });
  // Lists mask the account number; another agency's officer cannot see the item at all.
  const list = await t.call('ga_bar', 'external.list', { caseId });
  expect(list.map((r) => r.accountNo)).toEqual([null, '6222***********0123']);
  await expect(t.fail('jc_bar', 'external.get', { itemId: deposit!.itemId })).resolves.toMatchObject({ code: 'NOT_FOUND' });

  // No 24-hour intake clock; the expired car term is red; the deposit is not yet within 30 days.
  await at(t, new Date(t.clock.now.getTime() + 2 * DAY).toISOString());
  let alerts = await t.call('ga_bar', 'alert.list', {});
  expect(alerts.counts.intake).toBe(0);
  expect(alerts.alerts.filter((a) => a.kind === 'external_term').map((a) => [a.itemCode, a.severity])).toEqual([[car!.itemCode, 'danger']]);
  expect(alerts.alerts.find((a) => a.itemCode === car!.itemCode)!.message).toContain('已于 2026-11-18 届满 4 天');

  // 30 days before the end: a warning; 7 days before: a sharper one.
  await at(t, '2026-12-02T02:00:00.000Z');
  alerts = await t.call('ga_bar', 'alert.list', {});
  const warn = alerts.alerts.find((a) => a.itemCode === deposit!.itemCode);
  expect(warn).toMatchObject({ kind: 'external_term', severity: 'warning' });
  expect(warn!.message).toContain('还有 30 天');
  await at(t, '2026-12-25T02:00:00.000Z');
  alerts = await t.call('zx_bgy', 'alert.list', {});
  expect(alerts.alerts.find((a) => a.itemCode === deposit!.itemCode)!.message).toContain('不足 7 天');

  // Renewal (续冻): the new end must be later; only the holding agency renews.
  await expect(t.fail('ga_bar', 'external.renew', { itemId: deposit!.itemId, noticeNo: '滨公续冻〔2026〕1号', endDate: '2026-12-31' })).resolves.toMatchObject({ code: 'BAD_INPUT' });
  await expect(t.fail('jc_bar', 'external.renew', { itemId: deposit!.itemId, noticeNo: 'x', endDate: '2027-07-01' })).resolves.toMatchObject({ code: 'NOT_FOUND' });
  const renewed = await t.call('ga_bar', 'external.renew', { itemId: deposit!.itemId, noticeNo: '滨公续冻〔2026〕1号', endDate: '2027-07-01' });
  expect(renewed).toMatchObject({ endDate: '2027-07-01', noticeNo: '滨公续冻〔2026〕1号', status: 'EXTERNAL_CUSTODY' });
  alerts = await t.call('ga_bar', 'alert.list', {});
  expect(alerts.alerts.some((a) => a.itemCode === deposit!.itemCode)).toBe(false);

  // A paper transfer takes the off-site items with the case's other property; the case follows to 检察院.
  const jc = await agencyId(t, '371600JC');
  const itemIds = [held[0]!.id, deposit!.itemId, car!.itemId];
  const r = await t.call('ga_bar', 'request.create', { kind: 'transfer', mode: 'paper', itemIds, reason: '移送审查起诉', legalBasis: '滨公诉字〔2026〕3号', toAgencyId: jc });
  await t.call('ga_sp', 'request.decide', { id: r.id, approve: true });
  await t.call('jc_sp', 'request.accept', { id: r.id, accept: true });
  expect(await t.call('jc_bar', 'case.get', { id: caseId })).toMatchObject({ hostAgencyId: jc, stage: 'prosecution_review' });
  expect(await t.call('jc_bar', 'external.get', { itemId: deposit!.itemId })).toMatchObject({ status: 'EXTERNAL_CUSTODY', holdingAgencyName: expect.stringContaining('检察') });

  // Release (解冻) by the new holder: the item is freed (已发还) and its term no longer alerts.
  await expect(t.fail('ga_bar', 'external.release', { itemId: deposit!.itemId, noticeNo: 'x', releasedOn: '2026-12-25' })).resolves.toMatchObject({
    code: 'FORBIDDEN',
    message: expect.stringMatching(/由.*检察.*负责，只有该单位可以办理解/),
  });
  await expect(t.fail('jc_bar', 'external.release', { itemId: deposit!.itemId, noticeNo: 'x', releasedOn: '2026-12-26' })).resolves.toMatchObject({ code: 'BAD_INPUT' });
  const released = await t.call('jc_bar', 'external.release', { itemId: deposit!.itemId, noticeNo: '滨检解冻〔2026〕2号', releasedOn: '2026-12-25' });
  expect(released).toMatchObject({ status: 'RETURNED', daysLeft: null });
  expect(released.releasedAt).not.toBeNull();
  await expect(t.fail('jc_bar', 'external.renew', { itemId: deposit!.itemId, noticeNo: 'x', endDate: '2028-01-01' })).resolves.toMatchObject({ code: 'CONFLICT' });
  const timeline = await t.call('jc_bar', 'item.timeline', { id: deposit!.itemId });
  expect(timeline.map((e) => e.type).reverse()).toEqual(['REGISTERED', 'EXTERNAL_RENEWED', 'CUSTODY_TRANSFER_REQUESTED', 'CUSTODY_TRANSFER_APPROVED', 'CUSTODY_TRANSFER_ACCEPTED', 'EXTERNAL_RELEASED']);
  expect(timeline.find((e) => e.type === 'EXTERNAL_RENEWED')!.payload).toMatchObject({ endDateFrom: '2027-01-01', endDateTo: '2027-07-01' });
  // A physical move out of the store makes no sense for off-site property and is refused.
  await expect(t.fail('jc_bar', 'request.create', { kind: 'transfer', mode: 'physical', itemIds: [car!.itemId], reason: '移送', legalBasis: '滨检诉〔2026〕5号', toAgencyId: await agencyId(t, '371600FY') })).resolves.toMatchObject({ code: 'CONFLICT', details: [expect.stringContaining('外部保管')] });
  expect((await verifyLedger(t.core.store.db)).ok).toBe(true);
});

it('refuses off-site rows that lack what their kind needs, and dates in the future; writes nothing', async () => {
  t = await makeTestCore();
  const c = await t.call('ga_bar', 'case.create', { caseNo: 'A3716002026110099', name: '查封案' });
  const before = await t.eventCount();
  const base = { caseId: c.id, seizureDocNo: '滨公查〔2026〕1号', seizedAt: '2026-11-19T02:00:00.000Z', seizedBy: '李办案' };
  const e1 = await t.fail('ga_bar', 'external.register', { ...base, items: [{ kind: 'real_estate', name: '房产', institution: '滨城不动产登记中心', noticeNo: 'N1', startDate: '2026-11-01' }] });
  expect(e1.message).toContain('不动产权证号');
  const e2 = await t.fail('ga_bar', 'external.register', { ...base, items: [{ kind: 'deposit', name: '存款', institution: '银行', accountNo: '1', amount: 1, noticeNo: 'N2', startDate: '2026-12-01' }] });
  expect(e2.message).toContain('不能晚于今天');
  expect(await t.eventCount()).toBe(before);
  // Real estate defaults to a two-year term.
  const [flat] = await t.call('ga_bar', 'external.register', {
    ...base,
    items: [{ kind: 'real_estate', name: '滨城区住宅', institution: '滨城不动产登记中心', certificateNo: '鲁(2024)滨城区不动产权第0012345号', address: '滨城区渤海路 1 号 3-201', noticeNo: '滨公协查〔2026〕1号', startDate: '2026-02-28' }],
  });
  expect(flat).toMatchObject({ endDate: '2028-02-28', status: 'EXTERNAL_CUSTODY', kind: 'real_estate' });
});
