/** item.list by cursor: every row once across pages, stable under inserts; totals exact, estimated or a lower bound; short searches. */
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { indexItemsForSearchAfter } from '../../electron/core/db/dialect';
import { makeTestCore, type TestCore } from '../support/test-core';

let t: TestCore;
afterEach(() => t.close());

async function registerMany(names: string[], owner?: (k: number) => string) {
  const c = await t.call('ga_bar', 'case.create', { caseNo: `A37160020261100${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`, name: '张某盗窃案' });
  return t.call('ga_bar', 'item.register', {
    caseId: c.id, seizureDocNo: 'D-1', seizedAt: '2026-11-20T01:00:00.000Z', seizedBy: '李办案',
    items: names.map((name, k) => ({ name, category: 'general' as const, quantity: 1, unit: '件', source: 'seized' as const, ownerName: owner?.(k) })),
  });
}

/** Clones an item row `n` times straight into the table (fast bulk data), then indexes the clones for search. */
async function cloneItems(n: number, name: string, status = 'REGISTERED') {
  const db = t.core.store.db;
  const base = await db.selectFrom('items').selectAll().orderBy('id').executeTakeFirstOrThrow();
  const { id: _id, ...rest } = base;
  const before = Number((await db.selectFrom('items').select((eb) => eb.fn.max<number>('id').as('m')).executeTakeFirstOrThrow()).m);
  for (let i = 0; i < n; i += 200) {
    const rows = Array.from({ length: Math.min(200, n - i) }, (_, k) => ({ ...rest, name, status, code: `BULK-${before + 1 + i + k}` }));
    await db.insertInto('items').values(rows).execute();
  }
  await db.insertInto('item_holders').columns(['item_id', 'agency_id']).expression((eb) => eb.selectFrom('items').select(['id', 'holding_agency_id']).where('id', '>', before)).execute();
  await indexItemsForSearchAfter(t.core.store.dialect, db, before);
  return before;
}

/** Makes the items above `after` kept in a store, straight into the tables (as receipt there leaves them). */
async function keptIn(after: number, storeCode: string) {
  const db = t.core.store.db;
  const store = await db.selectFrom('locations').select('id').where('code', '=', storeCode).executeTakeFirstOrThrow();
  await db.updateTable('items').set({ store_id: store.id }).where('id', '>', after).execute();
  await sql`INSERT INTO item_stores (item_id, store_id) SELECT id, store_id FROM items WHERE id > ${after}`.execute(db);
}

async function allPages(input: Parameters<TestCore['call']>[2] & object, limit: number) {
  const ids: number[] = [];
  let before: number | undefined;
  for (let guard = 0; guard < 1000; guard++) {
    const page = await t.call('zx_bgy', 'item.list', { ...(input as object), limit, before });
    ids.push(...page.rows.map((r) => r.id));
    if (page.next === null) return ids;
    expect(page.next).toBeLessThan(before ?? Infinity);
    before = page.next;
  }
  throw new Error('paging did not end');
}

describe('item.list by cursor', () => {
  it('returns every row exactly once, newest first, and stays stable when items are added meanwhile', async () => {
    t = await makeTestCore();
    await registerMany(Array.from({ length: 47 }, (_, k) => `物品${k}`));
    const all = (await t.core.store.db.selectFrom('items').select('id').orderBy('id', 'desc').execute()).map((r) => r.id);
    expect(await allPages({}, 10)).toEqual(all);
    // Page 1, then 5 new items, then the rest: the old rows follow in order, none twice, none missing.
    const first = await t.call('zx_bgy', 'item.list', { limit: 20 });
    expect(first.total).toEqual({ n: 47, kind: 'exact' });
    await registerMany(['新1', '新2', '新3', '新4', '新5']);
    const rest: number[] = [];
    let before = first.next ?? undefined;
    while (before !== undefined) {
      const p = await t.call('zx_bgy', 'item.list', { limit: 20, before });
      expect(p.total).toBeNull();
      rest.push(...p.rows.map((r) => r.id));
      before = p.next ?? undefined;
    }
    expect([...first.rows.map((r) => r.id), ...rest]).toEqual(all);
  });

  it('counts exactly up to 1000, estimates the whole store, and gives a lower bound for a big filtered list', async () => {
    t = await makeTestCore();
    await registerMany(['样品']);
    await cloneItems(1200, '旧手机');
    await cloneItems(30, '旧电脑', 'IN_STORE');
    expect((await t.call('zx_bgy', 'item.list', { limit: 5 })).total).toEqual({ n: 1231, kind: 'about' });
    expect((await t.call('zx_bgy', 'item.list', { status: ['REGISTERED'], limit: 5 })).total).toEqual({ n: 1000, kind: 'atLeast' });
    expect((await t.call('zx_bgy', 'item.list', { status: ['IN_STORE'], limit: 5 })).total).toEqual({ n: 30, kind: 'exact' });
    // An officer's whole list is filtered by visibility: a lower bound, not the store's size.
    expect((await t.call('ga_bar', 'item.list', { limit: 5 })).total).toEqual({ n: 1000, kind: 'atLeast' });
  });

  it("estimates a store-bound custodian's list from their own store, not from every store's highest id", async () => {
    t = await makeTestCore();
    await registerMany(['样品']); // not yet received anywhere: both custodians see it
    // The two stores' ids interleave: 4 × 500 for the centre, 4 × 300 for the district store.
    for (let round = 0; round < 4; round++) {
      await keptIn(await cloneItems(500, '中心库物品', 'IN_STORE'), 'ST-ZX');
      await keptIn(await cloneItems(300, '分库物品', 'IN_STORE'), 'ST-BC');
    }
    const zx = (await t.call('zx_bgy', 'item.list', { limit: 5 })).total!;
    const bc = (await t.call('bc_bgy', 'item.list', { limit: 5 })).total!;
    expect([zx.kind, bc.kind]).toEqual(['about', 'about']);
    // Within 15 % of each store's real size (2001 and 1201), and so different from each other and from all 3201.
    expect(Math.abs(zx.n - 2001) / 2001).toBeLessThan(0.15);
    expect(Math.abs(bc.n - 1201) / 1201).toBeLessThan(0.15);
    // Those who see every store keep the whole store's estimate.
    expect((await t.call('jw_jd', 'item.list', { limit: 5 })).total).toEqual({ n: 3201, kind: 'about' });
  });
});

describe('case.list by cursor', () => {
  it('pages every visible case once, newest first, with an exact total on the first page', async () => {
    t = await makeTestCore();
    for (let k = 0; k < 7; k++) await t.call('ga_bar', 'case.create', { caseNo: `A37160020261199${k}0`, name: `测试案${k}` });
    const seen: string[] = [];
    let before: number | undefined;
    for (let guard = 0; guard < 10; guard++) {
      const p = await t.call('ga_bar', 'case.list', { limit: 3, before });
      if (before === undefined) expect(p.total).toEqual({ n: 7, kind: 'exact' });
      else expect(p.total).toBeNull();
      seen.push(...p.rows.map((c) => c.caseNo));
      if (p.next === null) break;
      before = p.next;
    }
    expect(seen).toEqual(Array.from({ length: 7 }, (_, k) => `A37160020261199${6 - k}0`));
    // Another agency sees none of them.
    expect((await t.call('fy_bar', 'case.list', {})).total).toEqual({ n: 0, kind: 'exact' });
  });
});

describe('item.timeline by cursor', () => {
  it('pages an item history newest first, every event once', async () => {
    t = await makeTestCore();
    const [item] = await registerMany(['黑色苹果手机']);
    await t.call('zx_bgy', 'intake.receive', { counterpart: { name: '李办案', idNo: '061234' }, items: [{ code: item!.code }] });
    await t.call('zx_bgy', 'putaway.scan', { locationCode: 'WH-A-Z1-S01', itemCode: item!.code });
    await t.call('zx_bgy', 'putaway.scan', { locationCode: 'WH-A-Z1-S02', itemCode: item!.code });
    const all = await t.call('zx_bgy', 'item.timeline', { id: item!.id });
    expect(all.map((e) => e.type)).toEqual(['MOVED', 'STORED', 'RECEIVED', 'REGISTERED']);
    const first = await t.call('zx_bgy', 'item.timeline', { id: item!.id, limit: 3 });
    const rest = await t.call('zx_bgy', 'item.timeline', { id: item!.id, limit: 3, beforeSeq: first[first.length - 1]!.seq });
    expect([...first, ...rest].map((e) => e.seq)).toEqual(all.map((e) => e.seq));
    expect(rest).toHaveLength(1);
  });
});

describe('search', () => {
  it('finds 1- and 2-character queries in names and owners, and codes and case numbers by prefix', async () => {
    t = await makeTestCore();
    const [phone, chain, apples] = await registerMany(['黑色苹果手机', '金项链', '一箱苹果'], (k) => ['王五', '李四', '赵六'][k]!);
    const names = async (q: string) => (await t.call('zx_bgy', 'item.list', { q, limit: 50 })).rows.map((r) => r.name).sort();
    expect(await names('机')).toEqual(['黑色苹果手机']);
    expect(await names('苹果')).toEqual(['一箱苹果', '黑色苹果手机'].sort());
    expect(await names('项')).toEqual(['金项链']);
    expect(await names('李')).toEqual(['金项链']); // owner 李四
    expect(await names('赵六')).toEqual(['一箱苹果']);
    expect(await names('果手')).toEqual(['黑色苹果手机']);
    expect(await names('橙')).toEqual([]);
    expect(await names('%')).toEqual([]);
    // Codes and case numbers by prefix, any case; 3+ characters through the trigram index.
    const code = phone!.code;
    expect(await names(code.slice(0, 2).toLowerCase())).toEqual(['一箱苹果', '金项链', '黑色苹果手机'].sort());
    expect(await names(code)).toEqual(['黑色苹果手机']);
    // A code's beginning (机关代码-年份-序号…) through the code's own index.
    expect(await names(code.slice(0, code.lastIndexOf('-') + 2))).toEqual(['一箱苹果', '金项链', '黑色苹果手机'].sort());
    expect(await names(code.slice(0, code.lastIndexOf('-')))).toHaveLength(3);
    expect(await names(chain!.caseNo.slice(0, 2))).toHaveLength(3);
    expect(await names(apples!.caseNo)).toHaveLength(3);
    expect((await t.call('zx_bgy', 'item.list', { q: '苹果', limit: 50 })).total).toEqual({ n: 2, kind: 'exact' });
  });

  it('pages a short search with a rare filter through the index window by window, without counting every hit', async () => {
    t = await makeTestCore();
    await registerMany(['样品']);
    await cloneItems(700, '旧手机');
    const firstInStore = await cloneItems(3, '新手机', 'IN_STORE');
    await cloneItems(700, '旧手机');
    await cloneItems(4, '新手机', 'IN_STORE');
    await cloneItems(300, '旧手机');
    const want = (await t.core.store.db.selectFrom('items').select('id').where('status', '=', 'IN_STORE').where('id', '>', firstInStore).orderBy('id', 'desc').execute()).map((r) => r.id);
    expect(want).toHaveLength(7);
    expect(await allPages({ q: '手机', status: ['IN_STORE'] }, 2)).toEqual(want);
    const first = await t.call('zx_bgy', 'item.list', { q: '手机', limit: 20 });
    expect(first.rows).toHaveLength(20);
    // 1707 hits: the first 1001 candidates are looked at, not all of them.
    expect(first.total).toEqual({ n: 1000, kind: 'atLeast' });
    const rare = await t.call('zx_bgy', 'item.list', { q: '手机', status: ['IN_STORE'], limit: 20 });
    expect(rare.rows.map((r) => r.id)).toEqual(want);
    // The page's windows (8 × 500) reached the end of the 1707 hits, so this count is exact after all.
    expect(rare.total).toEqual({ n: 7, kind: 'exact' });
  });
});
