/**
 * Issue 12: verify covers the count triggers on items (0022) and the count tables themselves. A dropped count
 * trigger is reported; start-up restores it, rebuilds item_counts and location_counts from items and records it;
 * a count table that drifted from items is reported by the full check.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore, TEST_PASSWORD, TEST_PG_URL, type TestCore } from '../support/test-core';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import { migrate, openPostgres, type Store } from '../../electron/core/db/database';
import type { Database } from '../../electron/core/db/schema';
import { DB_FILE, openApp } from '../../electron/core/bootstrap';
import { guardLedger } from '../../electron/core/ledger/ledger.integrity';

let t: TestCore;
let dir: string;
let reopened: { store: Store; close(): Promise<void> } | null = null;
let tClosed = false;
/** Calls a method: on the test core, or after a restart on the reopened app. */
let call: <M extends MethodName>(username: string, method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'counts-'));
  // A file, so the SQLite database outlives the connection and the app can be opened again on it.
  t = await makeTestCore({ sqliteFile: join(dir, DB_FILE) });
  tClosed = false;
  call = (u, m, i) => t.call(u, m, i);
});
afterEach(async () => {
  await reopened?.close();
  reopened = null;
  if (!tClosed) await t.close();
});

async function register(n: number, category: 'electronics' | 'cash' = 'electronics') {
  const c = await call('ga_bar', 'case.create', { caseNo: `A3716002026${Math.floor(Math.random() * 1e6)}`, name: '张某盗窃案', cause: '盗窃' });
  return call('ga_bar', 'item.register', {
    caseId: c.id,
    seizureDocNo: '滨公（刑）扣字〔2026〕101号',
    seizedAt: '2026-11-19T20:30:00Z',
    seizedBy: '李办案',
    items: Array.from({ length: n }, (_, i) =>
      category === 'cash'
        ? { name: `现金${i + 1}`, category, quantity: 1, unit: '捆', source: 'seized' as const, cashAmount: 1000.5 }
        : { name: `手机${i + 1}`, category, quantity: 1, unit: '部', source: 'seized' as const, estimatedValue: 800 },
    ),
  });
}

/** item_counts (rows with anything in them) and a grouping of items done here in JS, as comparable maps. */
async function countsAndItems(db: Kysely<Database>) {
  const kept = await db.selectFrom('item_counts').selectAll().execute();
  const rows = await db.selectFrom('items').select(['status', 'category', 'holding_agency_id', 'store_id', 'cash_amount', 'estimated_value']).execute();
  const key = (r: { status: string; category: string; holding_agency_id: number; store_id: number | null }) =>
    `${r.status}/${r.category}/${r.holding_agency_id}/${r.store_id ?? 0}`;
  const direct: Record<string, string> = {};
  const n: Record<string, [number, number]> = {};
  for (const r of rows) {
    const cur = n[key(r)] ?? [0, 0];
    n[key(r)] = [cur[0] + 1, cur[1] + Math.round(Number(r.cash_amount ?? r.estimated_value ?? 0) * 100)];
  }
  for (const [k, [c, v]] of Object.entries(n)) direct[k] = `${c}/${v}`;
  const counted = Object.fromEntries(kept.filter((r) => Number(r.n) !== 0 || Number(r.value_fen) !== 0).map((r) => [key(r), `${Number(r.n)}/${Number(r.value_fen)}`]));
  return { counted, direct, items: rows.length };
}

/** Start-up again on the same database: SQLite through openApp on the data folder; PostgreSQL as openApp does it, on the test's schema. */
async function restart(log: string[]): Promise<Kysely<Database>> {
  if (!TEST_PG_URL) {
    await t.close();
    tClosed = true;
    const app = await openApp(dir, { createAdmin: false, log: (m) => log.push(m), anchorKeyFile: join(dir, 'keys', 'anchor.key') });
    reopened = { store: app.store, close: async () => (await app.core.jobs.close(), await app.store.close()) };
    call = async (u, m, i) => {
      const login = await app.core.dispatch(null, 'auth.login', { username: u, password: TEST_PASSWORD });
      if (!login.ok) throw new Error(login.error.message);
      const r = await app.core.dispatch((login.data as { token: string }).token, m, i);
      if (!r.ok) throw new Error(`${m}: ${r.error.message}`);
      return r.data as never;
    };
    return app.store.db;
  }
  const store = openPostgres(TEST_PG_URL, { schema: t.core.store.schema, max: 2 });
  await migrate(store);
  await guardLedger(store.db, store.dialect, t.clock.now.toISOString(), (m) => log.push(m));
  reopened = { store, close: () => store.close() };
  return store.db;
}

describe('count triggers and count tables in verify', () => {
  it('a fresh database has every count trigger and no drift', async () => {
    await register(2);
    const r = await t.call('jw_jd', 'ledger.verify', {});
    expect(r.integrity).toMatchObject({ missingTriggers: [], missingCountTriggers: [], countDrift: [] });
  });

  it('reports a dropped count trigger; start-up restores it, rebuilds the counts and records it', async () => {
    await register(1);
    await sql`DROP TRIGGER items_counts_insert${sql.raw(t.core.store.dialect === 'postgres' ? ' ON items' : '')}`.execute(t.core.store.db);
    // Items registered while the trigger is gone are not counted: the tables drift silently.
    await register(2, 'cash');
    const r = await t.call('jw_jd', 'ledger.verify', {});
    expect(r.ok).toBe(true);
    expect(r.integrity!.missingTriggers).toEqual([]);
    expect(r.integrity!.missingCountTriggers).toEqual(['items_counts_insert']);
    expect(r.integrity!.countDrift).toEqual([
      expect.objectContaining({ table: 'item_counts', kept: 0, actual: 2, message: expect.stringContaining('物品表实有 2 件、2001.00 元') }),
    ]);
    expect(r.integrity!.countDrift[0]!.message).toContain('类别「现金」');

    const log: string[] = [];
    const db = await restart(log);
    expect(log.some((m) => m.includes('统计触发器缺失') && m.includes('items_counts_insert'))).toBe(true);
    const after = await countsAndItems(db);
    expect(after.items).toBe(3);
    expect(after.counted).toEqual(after.direct);
    const entries = await db.selectFrom('integrity_log').selectAll().execute();
    expect(entries).toEqual([expect.objectContaining({ kind: 'count_triggers_restored', detail: expect.stringContaining('items_counts_insert') })]);
    // The restored trigger counts again: items registered after the restart are in the counts.
    await register(2);
    const again = await countsAndItems(db);
    expect(again.items).toBe(5);
    expect(again.counted).toEqual(again.direct);
    // Nothing missing any more: a second start-up restores and records nothing.
    expect(await guardLedger(db, reopened!.store.dialect, '2026-11-21T00:00:00.000Z', () => undefined)).toEqual([]);
    expect(await db.selectFrom('integrity_log').select('id').execute()).toHaveLength(1);
  });

  it('the full check reports count tables that drifted from items', async () => {
    await register(3);
    const db = t.core.store.db;
    await sql`UPDATE item_counts SET n = n + 2 WHERE status = 'REGISTERED'`.execute(db);
    const loc = await db.selectFrom('locations').select(['id', 'code']).orderBy('id').limit(1).executeTakeFirstOrThrow();
    await sql`INSERT INTO location_counts (location_id, status, n) VALUES (${loc.id}, 'IN_STORE', 4)`.execute(db);
    const r = await t.call('jw_jd', 'ledger.verify', {});
    expect(r.integrity!.missingCountTriggers).toEqual([]);
    expect(r.integrity!.countDrift).toEqual([
      expect.objectContaining({ table: 'item_counts', kept: 5, actual: 3, message: expect.stringContaining('状态「待入库」') }),
      expect.objectContaining({ table: 'location_counts', kept: 4, actual: 0, message: expect.stringContaining(`${loc.code}）」、状态「在库」`) }),
    ]);
    expect(r.integrity!.countDrift[0]!.message).toContain('记 5 件、2400.00 元，物品表实有 3 件、2400.00 元');
    expect(r.integrity!.countDrift[0]!.message).toContain('保管场所「未入库」');
  });
});
