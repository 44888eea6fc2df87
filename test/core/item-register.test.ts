import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/test-core';

let t: TestCore;
beforeEach(async () => {
  t = await makeTestCore();
});
afterEach(() => t.close());

async function newCase(user = 'ga_bar') {
  return t.call(user, 'case.create', { caseNo: 'A3716002026110001', name: '张某盗窃案', cause: '盗窃' });
}

describe('registering seized items', () => {
  it('creates items with unique codes, holding agency and a REGISTERED event each', async () => {
    const c = await newCase();
    expect(c.stage).toBe('investigation');
    const items = await t.call('ga_bar', 'item.register', {
      caseId: c.id,
      seizureDocNo: '滨公（刑）扣字〔2026〕101号',
      seizedAt: '2026-11-20T01:00:00Z',
      seizedBy: '李办案',
      items: [
        { name: '黑色苹果手机', category: 'electronics', quantity: 1, unit: '部', source: 'seized', ownerName: '张三' },
        { name: '人民币现金', category: 'cash', quantity: 1, unit: '捆', cashAmount: 12000, source: 'seized' },
      ],
    });
    expect(items.map((i) => i.code)).toEqual(['371600-2026-000001', '371600-2026-000002']);
    expect(items[0]!.status).toBe('REGISTERED');
    expect(items[0]!.holdingAgencyName).toBe('滨州市公安局');
    expect(items[1]!.flags).toContain('cash');
    const timeline = await t.call('ga_bar', 'item.timeline', { id: items[0]!.id });
    expect(timeline.map((e) => e.type)).toEqual(['REGISTERED']);
    expect(timeline[0]!.legalDocNo).toBe('滨公（刑）扣字〔2026〕101号');
    expect(await t.eventCount()).toBe(2);
  });

  it('finds an item by a Chinese substring of its name (trigram and short query)', async () => {
    const c = await newCase();
    await t.call('ga_bar', 'item.register', {
      caseId: c.id, seizureDocNo: 'D1', seizedAt: '2026-11-20T01:00:00Z', seizedBy: '李办案',
      items: [
        { name: '黑色苹果手机', category: 'electronics', quantity: 1, unit: '部', source: 'seized' },
        { name: '金项链', category: 'valuables', quantity: 1, unit: '条', source: 'seized' },
      ],
    });
    const long = await t.call('zx_bgy', 'item.list', { q: '苹果手机' });
    expect(long.rows.map((r) => r.name)).toEqual(['黑色苹果手机']);
    const short = await t.call('zx_bgy', 'item.list', { q: '项链' });
    expect(short.rows.map((r) => r.name)).toEqual(['金项链']);
  });

  it('rejects bad input in Chinese and writes nothing', async () => {
    const c = await newCase();
    const before = await t.eventCount();
    const err = await t.fail('ga_bar', 'item.register', {
      caseId: c.id, seizureDocNo: 'D1', seizedAt: '2026-11-20T01:00:00Z', seizedBy: '李办案',
      items: [
        { name: '手机', category: 'electronics', quantity: 1, unit: '部', source: 'seized' },
        { name: '', category: 'electronics', quantity: 0, unit: '部', source: 'seized' },
      ],
    });
    expect(err.code).toBe('BAD_INPUT');
    expect(err.details).toEqual(expect.arrayContaining([expect.stringContaining('物品第 2 行 · 名称'), expect.stringContaining('数量必须大于 0')]));
    // A failure in the second item after the first was written rolls back the whole call.
    const err2 = await t.fail('ga_bar', 'item.register', {
      caseId: c.id, seizureDocNo: 'D1', seizedAt: '2026-11-20T01:00:00Z', seizedBy: '李办案',
      items: [
        { name: '手机', category: 'electronics', quantity: 1, unit: '部', source: 'seized' },
        { name: '现金', category: 'cash', quantity: 1, unit: '捆', source: 'seized' },
      ],
    });
    expect(err2.message).toContain('必须填写现金金额');
    expect(await t.eventCount()).toBe(before);
    expect((await t.call('zx_bgy', 'item.list', {})).total).toEqual({ n: 0, kind: 'exact' });
  });

  it('refuses registration by roles without the permission and for another agency\'s case', async () => {
    const c = await newCase();
    const input = { caseId: c.id, seizureDocNo: 'D1', seizedAt: '2026-11-20T01:00:00Z', seizedBy: 'x', items: [{ name: '手机', category: 'electronics' as const, quantity: 1, unit: '部', source: 'seized' as const }] };
    expect((await t.fail('ga_sp', 'item.register', input)).code).toBe('FORBIDDEN');
    expect((await t.fail('jc_bar', 'item.register', input)).message).toContain('本单位');
  });
});
