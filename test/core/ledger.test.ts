import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeTestCore, unprotectLedger, type TestCore } from '../support/test-core';
import { verifyLedger } from '../../electron/core/ledger/ledger.verify';
import { hashEvent } from '../../electron/core/ledger/ledger.canonical';

let t: TestCore;
const db = () => t.core.store.db;

async function registerItems(n: number) {
  const c = await t.call('ga_bar', 'case.create', { caseNo: `A37160020261100${String(Math.random()).slice(2, 8)}`, name: '测试案' });
  return t.call('ga_bar', 'item.register', {
    caseId: c.id, seizureDocNo: 'D1', seizedAt: '2026-11-20T01:00:00Z', seizedBy: '李办案',
    items: Array.from({ length: n }, (_, i) => ({ name: `物品${i}`, category: 'general' as const, quantity: 1, unit: '件', source: 'seized' as const })),
  });
}

const unprotect = () => unprotectLedger(t.core.store);

beforeEach(async () => {
  t = await makeTestCore();
});
afterEach(() => t.close());

describe('custody ledger', () => {
  it('chains every event to the previous one and verifies', async () => {
    await registerItems(5);
    const rows = await db().selectFrom('custody_events').selectAll().orderBy('seq').execute();
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]!.prev_hash).toBe('0'.repeat(64));
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    for (const r of rows) expect(hashEvent(r)).toBe(r.hash);
    const v = await verifyLedger(db(), { pageSize: 2 });
    expect(v).toMatchObject({ ok: true, checked: 5, headSeq: 5, headHash: rows[4]!.hash, firstBreak: null });
  });

  it('refuses UPDATE and DELETE at the database level', async () => {
    await registerItems(1);
    await expect(db().updateTable('custody_events').set({ note: '改' }).execute()).rejects.toThrow(/append-only/);
    await expect(db().deleteFrom('custody_events').execute()).rejects.toThrow(/append-only/);
  });

  it('reports an altered event by id', async () => {
    await registerItems(4);
    await unprotect();
    const target = await db().selectFrom('custody_events').select('id').where('seq', '=', 3).executeTakeFirstOrThrow();
    await db().updateTable('custody_events').set({ note: '篡改后的备注' }).where('id', '=', target.id).execute();
    const v = await verifyLedger(db());
    expect(v.ok).toBe(false);
    expect(v.firstBreak).toMatchObject({ eventId: target.id, seq: 3, kind: 'altered' });
    expect(v.firstBreak!.message).toContain('第 3 号事件被篡改');
  });

  it('reports a rewritten-and-rehashed event where the chain breaks after it', async () => {
    await registerItems(4);
    await unprotect();
    const e = await db().selectFrom('custody_events').selectAll().where('seq', '=', 2).executeTakeFirstOrThrow();
    const forged = { ...e, note: '伪造', hash: '' };
    forged.hash = hashEvent(forged);
    await db().updateTable('custody_events').set({ note: forged.note, hash: forged.hash }).where('id', '=', e.id).execute();
    const v = await verifyLedger(db());
    expect(v.ok).toBe(false);
    expect(v.firstBreak!.seq).toBe(3);
  });

  it('reports a missing event in the middle and at the tail', async () => {
    await registerItems(5);
    await unprotect();
    await db().deleteFrom('custody_events').where('seq', '=', 3).execute();
    expect((await verifyLedger(db())).firstBreak).toMatchObject({ seq: 3, kind: 'missing' });
    await db().deleteFrom('custody_events').where('seq', '>=', 4).execute();
    expect((await verifyLedger(db())).firstBreak).toMatchObject({ seq: 3, kind: 'missing' });
  });

  it('reports a deleted tail against the chain head', async () => {
    await registerItems(3);
    await unprotect();
    await db().deleteFrom('custody_events').where('seq', '=', 3).execute();
    expect((await verifyLedger(db())).firstBreak).toMatchObject({ seq: 3, kind: 'missing' });
  });

  it('reports an inserted event', async () => {
    await registerItems(3);
    const head = await db().selectFrom('ledger_head').selectAll().executeTakeFirstOrThrow();
    const last = await db().selectFrom('custody_events').selectAll().where('seq', '=', 3).executeTakeFirstOrThrow();
    const { id: _id, ...rest } = last;
    const extra = { ...rest, seq: 4, note: '插入', prev_hash: head.hash, hash: '' };
    extra.hash = hashEvent(extra);
    await db().insertInto('custody_events').values(extra).execute();
    expect((await verifyLedger(db())).firstBreak).toMatchObject({ seq: 4, kind: 'inserted' });
  });

  it('detects any single tampering of a random ledger (property)', async () => {
    await registerItems(12);
    await unprotect();
    const pristine = await db().selectFrom('custody_events').selectAll().orderBy('id').execute();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 12 }), fc.constantFrom('note', 'actor_name', 'occurred_at', 'delete', 'seq'), async (seq, how) => {
        const target = pristine.find((r) => r.seq === seq)!;
        if (how === 'delete') await db().deleteFrom('custody_events').where('id', '=', target.id).execute();
        else if (how === 'seq') await db().updateTable('custody_events').set({ seq: 1000 + seq }).where('id', '=', target.id).execute();
        else await db().updateTable('custody_events').set({ [how]: `${target[how]}x` }).where('id', '=', target.id).execute();
        const v = await verifyLedger(db(), { pageSize: 5 });
        // restore
        await db().deleteFrom('custody_events').execute();
        for (const r of pristine) await db().insertInto('custody_events').values(r).execute();
        return !v.ok && v.firstBreak!.seq <= seq + 1 && v.firstBreak!.seq >= seq;
      }),
      { numRuns: 40 },
    );
    expect((await verifyLedger(db())).ok).toBe(true);
  });
});
