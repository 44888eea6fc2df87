/**
 * The case lifecycle: 侦查 → 审查起诉 → (退回补充侦查 → 侦查 → 审查起诉) → 审判 → 执行 → 结案, each on its document and
 * each a CASE_STAGE_CHANGED event, moved by the hosting agency while the property follows the case on paper. Each
 * agency's number finds the case. After 结案 with one item undisposed, the closed-case alert fires.
 */
import { afterEach, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/test-core';
import { agencyId } from './request-fixtures';
import { verifyLedger } from '../../electron/core/ledger/ledger.verify';

let t: TestCore;
afterEach(() => t.close());

async function paperTransfer(t: TestCore, from: [string, string], to: [string, string], itemIds: number[]) {
  const r = await t.call(from[0], 'request.create', { kind: 'transfer', mode: 'paper', itemIds, reason: '随案移交', legalBasis: '移送函', toAgencyId: await agencyId(t, to[1]) });
  await t.call(from[1], 'request.decide', { id: r.id, approve: true });
  await t.call(to[0], 'request.accept', { id: r.id, accept: true });
}

it('moves a case through its stages on documents, back once through 退回补充侦查, and alerts after 结案 with property left', async () => {
  t = await makeTestCore();
  const kase = await t.call('ga_bar', 'case.create', { caseNo: 'A3716002026119001', name: '王某等涉黑案', cause: '组织、领导黑社会性质组织', caseType: 'organized_crime' });
  expect(kase).toMatchObject({ stage: 'investigation', caseType: 'organized_crime', policeNo: 'A3716002026119001', procuratorateNo: null });
  const [deposit, car] = await t.call('ga_bar', 'external.register', {
    caseId: kase.id, seizureDocNo: '滨公冻〔2026〕3号', seizedAt: '2026-11-19T02:00:00.000Z', seizedBy: '李办案',
    items: [
      { kind: 'deposit', name: '王某账户存款', institution: '农业银行', accountNo: '6228480012345678', amount: 50000, noticeNo: 'N-1', startDate: '2026-11-01' },
      { kind: 'movable', name: '越野车', institution: '滨城停车场', address: '黄河路 8 号', noticeNo: 'N-2', startDate: '2026-11-01' },
    ],
  });
  const ids = [deposit!.itemId, car!.itemId];
  const stage = (user: string, to: string, docKind: string, docNo: string) =>
    t.call(user, 'case.changeStage', { caseId: kase.id, to: to as never, docKind: docKind as never, docNo, docDate: '2026-11-20' });

  // Refusals: a stage that does not follow, a document that does not fit, another agency; none writes.
  const before = await t.eventCount();
  expect((await t.fail('ga_bar', 'case.changeStage', { caseId: kase.id, to: 'trial', docKind: '起诉书', docNo: 'x', docDate: '2026-11-20' })).message).toContain('可办理：移送审查起诉');
  expect((await t.fail('ga_bar', 'case.changeStage', { caseId: kase.id, to: 'prosecution_review', docKind: '判决书', docNo: 'x', docDate: '2026-11-20' })).message).toContain('《起诉意见书》');
  expect((await t.fail('ga_bar', 'case.changeStage', { caseId: kase.id, to: 'prosecution_review', docKind: '起诉意见书', docNo: 'x', docDate: '2026-11-21' })).message).toContain('不能晚于今天');
  expect(await t.eventCount()).toBe(before);

  await stage('ga_bar', 'prosecution_review', '起诉意见书', '滨公诉字〔2026〕41号');
  await paperTransfer(t, ['ga_bar', 'ga_sp'], ['jc_sp', '371600JC'], ids);
  expect((await t.fail('ga_bar', 'case.changeStage', { caseId: kase.id, to: 'trial', docKind: '起诉书', docNo: 'x', docDate: '2026-11-20' })).code).toBe('FORBIDDEN');
  await t.call('jc_bar', 'case.setAgencyNo', { caseId: kase.id, no: '滨检刑受〔2026〕15号' });
  await stage('jc_sp', 'investigation', '退回补充侦查决定书', '滨检退查〔2026〕2号');
  await stage('jc_bar', 'prosecution_review', '补充侦查报告书', '滨公补查〔2026〕2号');
  await stage('jc_bar', 'trial', '起诉书', '滨检刑诉〔2026〕15号');
  await paperTransfer(t, ['jc_bar', 'jc_sp'], ['fy_sp', '371600FY'], ids);
  await t.call('fy_bar', 'case.setAgencyNo', { caseId: kase.id, no: '(2026)鲁16刑初12号' });
  // Any agency's number finds the case.
  for (const q of ['鲁16刑初12', '滨检刑受〔2026〕15', 'A3716002026119001']) {
    expect((await t.call('fy_bar', 'case.list', { q })).rows.map((c) => c.id)).toEqual([kase.id]);
  }
  await stage('fy_bar', 'execution', '判决书', '(2026)鲁16刑初12号');
  // The deposit is released by the judgment; the car is left undisposed.
  await t.call('fy_bar', 'external.release', { itemId: deposit!.itemId, noticeNo: '(2026)鲁16刑初12号之一', releasedOn: '2026-11-20' });
  expect((await t.call('fy_bar', 'alert.list', {})).counts.closed_case).toBe(0);
  const closed = await stage('fy_sp', 'closed', '结案报告', '滨中法结〔2026〕12号');
  expect(closed).toMatchObject({ stage: 'closed', hostAgencyName: expect.stringContaining('法院'), courtNo: '(2026)鲁16刑初12号', procuratorateNo: '滨检刑受〔2026〕15号' });
  const alerts = (await t.call('fy_bar', 'alert.list', {})).alerts.filter((a) => a.kind === 'closed_case');
  expect(alerts.map((a) => a.itemCode)).toEqual([car!.itemCode]);
  expect((await t.fail('fy_bar', 'case.changeStage', { caseId: kase.id, to: 'execution', docKind: '判决书', docNo: 'x', docDate: '2026-11-20' })).message).toContain('已结案');

  const page = await t.call('fy_bar', 'case.detail', { caseId: kase.id });
  const moves = page.timeline.filter((e) => e.type === 'CASE_STAGE_CHANGED').reverse();
  expect(moves.map((e) => [e.payload.stageTo, e.payload.docKind, e.legalDocNo])).toEqual([
    ['prosecution_review', '起诉意见书', '滨公诉字〔2026〕41号'],
    ['investigation', '退回补充侦查决定书', '滨检退查〔2026〕2号'],
    ['prosecution_review', '补充侦查报告书', '滨公补查〔2026〕2号'],
    ['trial', '起诉书', '滨检刑诉〔2026〕15号'],
    ['execution', '判决书', '(2026)鲁16刑初12号'],
    ['closed', '结案报告', '滨中法结〔2026〕12号'],
  ]);
  expect((await verifyLedger(t.core.store.db)).ok).toBe(true);
});

it('keeps a decided stage when property is transferred afterwards, and refuses a duplicate agency number', async () => {
  t = await makeTestCore();
  const a = await t.call('ga_bar', 'case.create', { caseNo: 'A3716002026119002', name: '甲案' });
  const b = await t.call('ga_bar', 'case.create', { caseNo: 'A3716002026119003', name: '乙案' });
  await t.call('ga_bar', 'case.setAgencyNo', { caseId: a.id, no: 'GA-1' });
  expect((await t.fail('ga_bar', 'case.setAgencyNo', { caseId: b.id, no: 'GA-1' })).message).toContain('已用于案件 A3716002026119002');
  const [flat] = await t.call('ga_bar', 'external.register', {
    caseId: a.id, seizureDocNo: 'D', seizedAt: '2026-11-19T02:00:00.000Z', seizedBy: '李办案',
    items: [{ kind: 'real_estate', name: '住宅', institution: '不动产登记中心', certificateNo: 'C-1', address: '渤海路 1 号', noticeNo: 'N', startDate: '2026-11-01' }],
  });
  await t.call('ga_bar', 'case.changeStage', { caseId: a.id, to: 'dropped', docKind: '撤案决定书', docNo: '滨公撤〔2026〕1号', docDate: '2026-11-20' });
  await paperTransfer(t, ['ga_bar', 'ga_sp'], ['jc_sp', '371600JC'], [flat!.itemId]);
  expect(await t.call('jc_bar', 'case.get', { id: a.id })).toMatchObject({ stage: 'dropped' });
});
