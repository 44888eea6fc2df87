/**
 * Many terminals at once (issue 8): runs on whichever engine the suite uses; it matters on PostgreSQL, where
 * calls run on separate pooled connections. Each "terminal" is its own session.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore, TEST_PASSWORD, type TestCore } from '../support/test-core';
import { verifyLedger } from '../../electron/core/ledger/ledger.verify';
import { storedPoliceCase, codes } from './request-fixtures';

let t: TestCore;
beforeEach(async () => {
  t = await makeTestCore({ poolSize: 12 });
});
afterEach(() => t.close());

async function terminals(username: string, n: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = await t.core.dispatch(null, 'auth.login', { username, password: TEST_PASSWORD });
    if (!r.ok) throw new Error(r.error.message);
    out.push((r.data as { token: string }).token);
  }
  return out;
}

describe('concurrent terminals', () => {
  it('16 terminals race to check out one item: exactly one wins, the others get a conflict, one CHECKED_OUT event', async () => {
    const { items } = await storedPoliceCase(t, ['手机']);
    const loan = await t.call('ga_bar', 'request.create', { kind: 'loan', itemIds: [items[0]!.id], reason: '辨认', purpose: 'identification', dueAt: new Date(t.clock.now.getTime() + 86_400_000).toISOString() });
    await t.call('ga_sp', 'request.decide', { id: loan.id, approve: true });
    const tokens = await terminals('zx_bgy', 16);
    const results = await Promise.all(tokens.map((tk) => t.core.dispatch(tk, 'request.execute', { id: loan.id, scannedCodes: codes(items) })));
    const won = results.filter((r) => r.ok);
    const lost = results.filter((r) => !r.ok);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(15);
    for (const r of lost) if (!r.ok) expect(r.error.code).toBe('CONFLICT');
    const events = await t.core.store.db.selectFrom('custody_events').select('type').where('item_id', '=', items[0]!.id).where('type', '=', 'CHECKED_OUT').execute();
    expect(events).toHaveLength(1);
    expect((await t.call('zx_bgy', 'item.get', { id: items[0]!.id })).status).toBe('ON_LOAN');
    expect((await verifyLedger(t.core.store.db)).ok).toBe(true);
  });

  it('8 terminals register 1,000 items each at once: all 8,000 items and events are there, codes unique, ledger verifies', async () => {
    const c = await t.call('ga_bar', 'case.create', { caseNo: 'A3716002026129001', name: '批量登记案' });
    const tokens = await terminals('ga_bar', 8);
    const batch = (k: number, b: number) => ({
      caseId: c.id,
      seizureDocNo: `滨公扣〔2026〕${k}-${b}号`,
      seizedAt: new Date(t.clock.now.getTime() - 3600_000).toISOString(),
      seizedBy: '李办案',
      items: Array.from({ length: 500 }, (_, i) => ({ name: `终端${k}物品${b * 500 + i}`, category: 'general' as const, quantity: 1, unit: '件', source: 'seized' as const })),
    });
    const results = await Promise.all(tokens.flatMap((tk, k) => [0, 1].map((b) => t.core.dispatch(tk, 'item.register', batch(k, b)))));
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const db = t.core.store.db;
    const n = await db.selectFrom('items').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const codesN = await db.selectFrom('items').select((eb) => eb.fn.count<number>('code').distinct().as('n')).executeTakeFirstOrThrow();
    const ev = await db.selectFrom('custody_events').select((eb) => eb.fn.countAll<number>().as('n')).where('type', '=', 'REGISTERED').executeTakeFirstOrThrow();
    expect([Number(n.n), Number(codesN.n), Number(ev.n)]).toEqual([8000, 8000, 8000]);
    const v = await verifyLedger(db);
    expect(v).toMatchObject({ ok: true, checked: 8000 });
  }, 120_000);
});
