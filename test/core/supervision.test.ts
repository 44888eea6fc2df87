/** 监督意见: recorded by an inspector, answered by the addressed agency, returned once, then closed; each step in the ledger and the item's trail. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/test-core';
import { storedPoliceCase, type Item } from './request-fixtures';

const DAY = 86_400_000;
let t: TestCore;
let phone: Item;

beforeAll(async () => {
  t = await makeTestCore();
  [phone] = (await storedPoliceCase(t, ['手机'])).items as [Item];
});
afterAll(() => t.close());

describe('supervision records', () => {
  it('runs the full cycle: record, answer, return, answer again, close', async () => {
    const deadline = new Date(t.clock.now.getTime() + 10 * DAY).toISOString();
    const before = await t.eventCount();
    const rec = await t.call('jw_jd', 'supervision.create', {
      kind: 'correction_notice', targetType: 'item', target: phone.code, finding: '启封后未及时重新封存', legalBasis: '《人民检察院刑事诉讼规则》第五百五十二条', deadline,
    });
    expect(rec).toMatchObject({ status: 'OPEN', agencyName: '滨州市公安局', itemId: phone.id, targetLabel: `${phone.code}（手机）`, createdByName: expect.any(String) });
    expect(rec.recordNo).toMatch(/^JD-2026-\d{6}$/);

    // The addressed agency sees it open; another agency does not.
    expect((await t.call('ga_sp', 'supervision.list', { openOnly: true })).map((r) => r.id)).toEqual([rec.id]);
    expect(await t.call('jc_sp', 'supervision.list', { openOnly: true })).toEqual([]);
    expect((await t.fail('jc_sp', 'supervision.answer', { id: rec.id, answer: '已整改' })).code).toBe('NOT_FOUND');
    expect((await t.fail('ga_bar', 'supervision.answer', { id: rec.id, answer: '已整改' })).code).toBe('FORBIDDEN');
    expect((await t.fail('jw_jd', 'supervision.review', { id: rec.id, close: true, note: '办结' })).message).toContain('尚未回复');

    const a1 = await t.call('ga_sp', 'supervision.answer', { id: rec.id, answer: '已安排重新封存' });
    expect(a1).toMatchObject({ status: 'ANSWERED', answer: '已安排重新封存', answeredByName: '张审批' });
    expect((await t.fail('ga_sp', 'supervision.answer', { id: rec.id, answer: '再答' })).code).toBe('CONFLICT');
    const back = await t.call('jw_jd', 'supervision.review', { id: rec.id, close: false, note: '未附封存记录，请补充' });
    expect(back.status).toBe('OPEN');
    await t.call('ga_sp', 'supervision.answer', { id: rec.id, answer: '已补充封存记录（封签号 FQ-9）' });
    const closed = await t.call('jw_jd', 'supervision.review', { id: rec.id, close: true, note: '整改到位，办结' });
    expect(closed).toMatchObject({ status: 'CLOSED', closeNote: '整改到位，办结', answer: '已补充封存记录（封签号 FQ-9）' });
    expect(await t.call('ga_sp', 'supervision.list', { openOnly: true })).toEqual([]);
    expect(await t.eventCount()).toBe(before + 5);

    const trail = await t.call('jw_jd', 'item.timeline', { id: phone.id });
    const types = trail.map((e) => e.type);
    expect(types.filter((x) => x.startsWith('SUPERVISION_'))).toEqual(['SUPERVISION_CLOSED', 'SUPERVISION_ANSWERED', 'SUPERVISION_RETURNED', 'SUPERVISION_ANSWERED', 'SUPERVISION_ISSUED']); // newest first
  });

  it('against a case or an agency; refuses unknown targets, past deadlines and non-inspectors, writing nothing', async () => {
    const deadline = new Date(t.clock.now.getTime() + DAY).toISOString();
    const base = { kind: 'opinion' as const, finding: '台账不全', legalBasis: '《涉案财物管理规定》', deadline };
    const c = await t.call('jw_jd', 'supervision.create', { ...base, targetType: 'case', target: phone.caseNo });
    expect(c).toMatchObject({ targetType: 'case', agencyName: '滨州市公安局', caseId: phone.caseId, itemId: null });
    const ag = (await t.call('admin', 'agency.list', {})).find((a) => a.name === '滨州市人民检察院')!;
    const a = await t.call('jw_jd', 'supervision.create', { ...base, targetType: 'agency', target: ag.code });
    expect(a.agencyName).toBe('滨州市人民检察院');
    const before = await t.eventCount();
    expect((await t.fail('jw_jd', 'supervision.create', { ...base, targetType: 'item', target: 'NOPE' })).message).toContain('不存在');
    expect((await t.fail('jw_jd', 'supervision.create', { ...base, targetType: 'case', target: phone.caseNo, deadline: new Date(t.clock.now.getTime() - DAY).toISOString() })).message).toContain('整改期限');
    expect((await t.fail('ga_sp', 'supervision.create', { ...base, targetType: 'case', target: phone.caseNo })).code).toBe('FORBIDDEN');
    expect(await t.eventCount()).toBe(before);
    expect((await t.call('jc_sp', 'supervision.list', { openOnly: true })).map((r) => r.id)).toEqual([a.id]);
  });
});
