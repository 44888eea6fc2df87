/**
 * Issue 9 registration throughput: the batch goes in as fixed multi-row INSERTs (fixedInsert, split into 500, 256 …
 * rows) and is indexed for search from the rows in hand. The rows, events and search entries must be exactly what
 * the compiled path wrote: every column as given, an unbroken chain, and the same index entries a re-index reads back.
 */
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/test-core';
import { verifyLedger } from '../../electron/core/ledger/ledger.verify';
import { indexItemsForSearchAfter, itemGrams } from '../../electron/core/db/dialect';
import { fixedInsert } from '../../electron/core/db/prepared';

let t: TestCore;
beforeEach(async () => {
  t = await makeTestCore();
});
afterEach(() => t.close());

/** Each item's short-query terms and trigram tokens as stored in the index (sorted), by item id. */
async function searchEntries(ids: number[]): Promise<Map<number, string>> {
  const db = t.core.store.db;
  const out = new Map<number, string[]>(ids.map((id) => [id, []]));
  const lo = Math.min(...ids);
  const hi = Math.max(...ids);
  if (t.core.store.dialect === 'postgres') {
    const rows = (await sql<{ gram: string; item_id: number }>`SELECT gram, item_id FROM item_grams WHERE item_id BETWEEN ${lo} AND ${hi}`.execute(db)).rows;
    for (const r of rows) out.get(r.item_id)?.push(`g:${r.gram}`);
  } else {
    await sql`CREATE VIRTUAL TABLE IF NOT EXISTS temp.grams_v USING fts5vocab(main, items_grams, instance)`.execute(db);
    await sql`CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_v USING fts5vocab(main, items_fts, instance)`.execute(db);
    for (const [v, tag] of [['grams_v', 'g'], ['fts_v', 'f']] as const) {
      const rows = (await sql<{ term: string; doc: number; col: string; offset: number }>`SELECT term, doc, col, "offset" FROM ${sql.table(`temp.${v}`)} WHERE doc BETWEEN ${lo} AND ${hi}`.execute(db)).rows;
      for (const r of rows) out.get(Number(r.doc))?.push(`${tag}:${r.col}:${r.offset}:${r.term}`);
    }
  }
  return new Map([...out].map(([id, xs]) => [id, xs.sort().join(' ')]));
}

describe('registration as fixed multi-row INSERTs', () => {
  it('777 items in two calls (500 + 277 = 256 + 16 + 4 + 1 rows): every column as given, holders, an unbroken chain, the same search entries as a re-index', async () => {
    const c = await t.call('ga_bar', 'case.create', { caseNo: 'A3716002026140001', name: '固定语句登记案' });
    const before = await t.eventCount();
    const seizedAt = new Date(t.clock.now.getTime() - 3600_000).toISOString();
    const make = (n: number, from: number) =>
      Array.from({ length: n }, (_, k) => {
        const i = from + k;
        return i % 3 === 0
          ? { name: `现金 ${i} 号`, category: 'cash' as const, quantity: 1, unit: '捆', cashAmount: 100 + i / 100, source: 'seized' as const, ownerName: `王${i}`, ownerIdNo: '370101199001011234' }
          : { name: `黑色手机${i}`, category: 'electronics' as const, spec: 'A1', quantity: 1 + (i % 4), unit: '部', source: 'seized' as const, estimatedValue: 3000 + i, sealNo: `F${i}`, features: '屏碎', flags: (i % 5 === 0 ? ['unrelated'] : []) as 'unrelated'[] };
      });
    const inputs = [make(500, 0), make(277, 500)];
    const out = [];
    for (const [b, items] of inputs.entries()) {
      out.push(...(await t.call('ga_bar', 'item.register', { caseId: c.id, seizureDocNo: `滨公扣〔2026〕95${b}号`, seizedAt, seizedBy: '李办案', items: items.map((it) => ({ ...it, flags: [...(it.flags ?? [])] })) })));
    }
    const flat = inputs.flat();
    expect(out).toHaveLength(777);
    // The answer reads the stored rows back: it shows exactly what was given.
    out.forEach((o, k) => {
      const it = flat[k]!;
      expect([o.name, o.category, o.quantity, o.unit, o.ownerName ?? undefined, o.cashAmount ?? undefined, o.estimatedValue ?? undefined, o.sealNo ?? undefined, o.status]).toEqual([
        it.name, it.category, it.quantity, it.unit, it.ownerName, it.cashAmount, it.estimatedValue, it.sealNo, 'REGISTERED',
      ]);
      expect(o.flags).toEqual(it.category === 'cash' ? ['cash'] : [...(it.flags ?? [])]);
    });
    const nums = out.map((o) => Number(o.code.slice(-6)));
    expect(nums).toEqual(nums.map((_, k) => nums[0]! + k));
    const db = t.core.store.db;
    const ids = out.map((o) => o.id);
    const unrelated = await db.selectFrom('items').select(['id', 'unrelated_since']).where('id', 'in', ids).orderBy('id').execute();
    expect(unrelated.map((r) => r.unrelated_since !== null)).toEqual(flat.map((it) => (it.flags ?? []).includes('unrelated')));
    expect(await db.selectFrom('item_holders').select('item_id').where('item_id', 'in', ids).execute()).toHaveLength(777);
    const flags = await db.selectFrom('item_flags').select(['item_id', 'flag']).where('item_id', 'in', ids).execute();
    expect(flags.length).toBe(flat.filter((it) => it.category === 'cash' || (it.flags ?? []).length).length);

    const events = await db.selectFrom('custody_events').selectAll().where('seq', '>', before).orderBy('seq').execute();
    expect(events.map((e) => [e.type, e.item_id])).toEqual(ids.map((id) => ['REGISTERED', id]));
    expect(JSON.parse(events[3]!.payload)).toMatchObject({ code: out[3]!.code, name: flat[3]!.name, cashAmount: flat[3]!.cashAmount, statusTo: 'REGISTERED' });
    expect((await verifyLedger(db)).ok).toBe(true);

    // Search entries written from the rows in hand equal those a re-index writes from the stored rows.
    const written = await searchEntries(ids);
    expect([...written.values()].every((e) => e.length > 0)).toBe(true);
    if (t.core.store.dialect === 'postgres') {
      const grams = written.get(ids[1]!)!.split(' ').map((g) => g.slice(2)).sort();
      expect(grams).toEqual(itemGrams({ code: out[1]!.code, name: flat[1]!.name, case_no: 'A3716002026140001', owner_name: null }).sort());
      await sql`DELETE FROM item_grams WHERE item_id BETWEEN ${Math.min(...ids)} AND ${Math.max(...ids)}`.execute(db);
    } else {
      for (const id of ids) {
        await sql`DELETE FROM items_fts WHERE rowid = ${id}`.execute(db);
        await sql`DELETE FROM items_grams WHERE rowid = ${id}`.execute(db);
      }
    }
    await indexItemsForSearchAfter(t.core.store.dialect, db, Math.min(...ids) - 1);
    expect(await searchEntries(ids)).toEqual(written);
    const found = await t.call('ga_bar', 'item.list', { q: '黑色手机776', limit: 50 });
    expect(found.rows.map((r) => r.id)).toEqual([out[776]!.id]);
  });

  it('fixedInsert splits any row count into statements within the parameter limits and returns every RETURNING row', async () => {
    const db = t.core.store.db;
    for (const n of [1, 3, 1234, 7001]) {
      const scopes = Array.from({ length: n }, (_, k) => `fixed-${n}-${k}`);
      const back = await fixedInsert<{ scope: string }>(db, t.core.store.dialect, 'sequences', ['scope', 'next_value'], scopes.map((s, k) => [s, k]), 'RETURNING scope');
      expect(back.map((r) => r.scope).sort()).toEqual([...scopes].sort());
      const stored = await db.selectFrom('sequences').select(['scope', 'next_value']).where('scope', 'like', `fixed-${n}-%`).execute();
      expect(new Map(stored.map((r) => [r.scope, Number(r.next_value)]))).toEqual(new Map(scopes.map((s, k) => [s, k])));
    }
  });
});
