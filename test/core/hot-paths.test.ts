/**
 * Issue 9 hot paths: a registration batch written in set-based statements makes exactly the chain one-by-one
 * appends would, and the prepared single-item path answers exactly what the general query answers.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/test-core';
import { verifyLedger } from '../../electron/core/ledger/ledger.verify';
import { hashEvent, type HashedFields } from '../../electron/core/ledger/ledger.canonical';
import { getItemDto } from '../../electron/core/services/items/item.repository';
import { storedPoliceCase, asUser } from './request-fixtures';

let t: TestCore;
beforeEach(async () => {
  t = await makeTestCore();
});
afterEach(() => t.close());

describe('registration batch', () => {
  it('500 items: consecutive codes, one REGISTERED event each in input order, an unbroken chain, holders and search', async () => {
    const c = await t.call('ga_bar', 'case.create', { caseNo: 'A3716002026130001', name: '批量登记案' });
    const before = await t.eventCount();
    const items = Array.from({ length: 500 }, (_, i) => ({ name: `批量物品${i}号`, category: 'general' as const, quantity: 1, unit: '件', source: 'seized' as const }));
    const out = await t.call('ga_bar', 'item.register', { caseId: c.id, seizureDocNo: '滨公扣〔2026〕900号', seizedAt: new Date(t.clock.now.getTime() - 3600_000).toISOString(), seizedBy: '李办案', items });
    expect(out.map((o) => o.name)).toEqual(items.map((i) => i.name));
    const nums = out.map((o) => Number(o.code.slice(-6)));
    expect(nums).toEqual(nums.map((_, k) => nums[0]! + k));

    const db = t.core.store.db;
    const events = await db.selectFrom('custody_events').selectAll().where('seq', '>', before).orderBy('seq').execute();
    expect(events.map((e) => [e.type, e.item_id])).toEqual(out.map((o) => ['REGISTERED', o.id]));
    // Each stored hash is the hash of its own fields chained on the previous one.
    for (let k = 1; k < events.length; k++) expect(events[k]!.prev_hash).toBe(events[k - 1]!.hash);
    for (const e of events) {
      const { id: _id, hash, ...fields } = e;
      expect(hashEvent(fields as HashedFields)).toBe(hash);
    }
    const head = await db.selectFrom('ledger_head').selectAll().executeTakeFirstOrThrow();
    expect([head.seq, head.hash]).toEqual([events.at(-1)!.seq, events.at(-1)!.hash]);
    expect((await verifyLedger(db)).ok).toBe(true);

    const holders = await db.selectFrom('item_holders').select('item_id').where('item_id', 'in', out.map((o) => o.id)).execute();
    expect(holders).toHaveLength(500);
    const found = await t.call('ga_bar', 'item.list', { q: '批量物品123号', limit: 50 });
    expect(found.rows.map((r) => r.id)).toEqual([out[123]!.id]);
  });

  it('a refused batch writes nothing: no items, no events, no codes used', async () => {
    const c = await t.call('ga_bar', 'case.create', { caseNo: 'A3716002026130002', name: '退回案' });
    const before = await t.eventCount();
    const err = await t.fail('ga_bar', 'item.register', {
      caseId: c.id, seizureDocNo: '滨公扣〔2026〕901号', seizedAt: new Date(t.clock.now.getTime() - 3600_000).toISOString(), seizedBy: '李办案',
      items: [{ name: '手机', category: 'electronics', quantity: 1, unit: '部', source: 'seized' }, { name: '现金', category: 'cash', quantity: 1, unit: '捆', source: 'seized' }],
    });
    expect(err.code).toBe('BAD_INPUT');
    expect(await t.eventCount()).toBe(before);
    const next = await t.call('ga_bar', 'item.register', { caseId: c.id, seizureDocNo: '滨公扣〔2026〕902号', seizedAt: new Date(t.clock.now.getTime() - 3600_000).toISOString(), seizedBy: '李办案', items: [{ name: '手机', category: 'electronics', quantity: 1, unit: '部', source: 'seized' }] });
    const all = await t.core.store.db.selectFrom('items').select('code').orderBy('id').execute();
    expect(all.at(-1)!.code).toBe(next[0]!.code);
    expect(Number(next[0]!.code.slice(-6))).toBe(all.length);
  });
});

describe('single-item hot path', () => {
  it('item.byCode and item.get answer exactly what the general item query answers, location path included', async () => {
    const { items } = await storedPoliceCase(t, ['手机', '金项链']);
    for (const it of items) {
      const general = await asUser(t, 'zx_bgy', (ctx) => getItemDto(ctx, { id: it.id }));
      expect(general!.locationPath).toMatch(/ \/ /);
      expect(await t.call('zx_bgy', 'item.byCode', { code: it.code })).toEqual(general);
      expect(await t.call('zx_bgy', 'item.get', { id: it.id })).toEqual(general);
    }
    // Another agency that never held the item is told it is not found, as before.
    const asCourt = await t.fail('fy_bar', 'item.byCode', { code: items[0]!.code });
    expect(asCourt.code).toBe('NOT_FOUND');
  });
});
