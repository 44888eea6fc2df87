/**
 * EXPLAIN QUERY PLAN (SQLite) of every statement the hot reads run: item lists (plain, filtered, deep, by cursor),
 * search at 1, 2, 3+ characters and by code prefix, alerts, item lookup, timeline and location paths.
 * None may scan items or custody_events; only the alert rules' partial indexes may be walked whole, since they
 * hold nothing but the rows their rule raises. No ANALYZE runs, so the planner assumes big tables.
 */
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, type Store } from '../../electron/core/db/database';
import type { Database } from '../../electron/core/db/schema';
import { createCore, type Core } from '../../electron/core/api/dispatch';
import { hashPassword } from '../../electron/core/auth/password';
import { seedReferenceData } from '../../electron/core/seed/reference-data';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import { storeItemEstimate } from '../../electron/core/access/visibility';
import { toSessionUser } from '../../electron/core/auth/session.service';

const NOW = new Date('2026-11-20T02:00:00.000Z');
let raw: BetterSqlite3.Database;
let core: Core;
let db0: Kysely<Database>;
let captured: { sql: string; params: readonly unknown[] }[] = [];
const tokens = new Map<string, string>();

async function call<M extends MethodName>(user: string, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  if (!tokens.has(user)) {
    const r = await core.dispatch(null, 'auth.login', { username: user, password: 'Passw0rd!' });
    if (!r.ok) throw new Error(r.error.message);
    tokens.set(user, (r.data as { token: string }).token);
  }
  const r = await core.dispatch(tokens.get(user)!, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.data as MethodOutput<M>;
}

/** The plan lines of every SELECT run by `fn`. */
async function plansOf(fn: () => Promise<unknown>): Promise<{ sql: string; plan: string[] }[]> {
  captured = [];
  await fn();
  return captured
    .filter((q) => /^\s*(select|with)/i.test(q.sql))
    .map((q) => ({
      sql: q.sql,
      plan: (raw.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...(q.params as unknown[])) as { detail: string }[]).map((r) => r.detail),
    }));
}

/** A full pass over items or the ledger; partial alert indexes excepted. */
const fullScan = (line: string) => /^SCAN (items|i|custody_events|e)\b/.test(line) && !/USING (COVERING )?INDEX items_alert_/.test(line);

function expectNoScan(plans: { sql: string; plan: string[] }[]) {
  expect(plans.length).toBeGreaterThan(0);
  for (const p of plans) expect({ sql: p.sql, scans: p.plan.filter(fullScan) }).toEqual({ sql: p.sql, scans: [] });
}

beforeAll(async () => {
  raw = new BetterSqlite3(':memory:');
  raw.pragma('foreign_keys = ON');
  const db = (db0 = new Kysely<Database>({
    dialect: new SqliteDialect({ database: raw }),
    log: (e) => {
      if (e.level === 'query') captured.push({ sql: e.query.sql, params: e.query.parameters });
    },
  }));
  const store: Store = { db, dialect: 'sqlite', close: () => db.destroy(), backup: async () => undefined };
  await migrate(store);
  await seedReferenceData(db, NOW.toISOString(), hashPassword('Passw0rd!'));
  core = createCore(store, { dataDir: null, clock: () => NOW }, () => {});
  const c = await call('ga_bar', 'case.create', { caseNo: 'A3716002026110001', name: '张某盗窃案' });
  await call('ga_bar', 'item.register', {
    caseId: c.id, seizureDocNo: 'D-1', seizedAt: '2026-11-18T01:00:00.000Z', seizedBy: '李办案',
    items: ['黑色苹果手机', '金项链', '一箱苹果', '打火机油'].map((name, k) => ({
      name, category: (['electronics', 'valuables', 'perishable', 'hazardous'] as const)[k]!, quantity: 1, unit: '件', source: 'seized' as const,
    })),
  });
});
afterAll(() => raw.close());

describe('query plans use indexes (no SCAN items, no SCAN custody_events)', () => {
  it('item.list: first page, filters, a later page by cursor, as custodian and as officer', async () => {
    for (const input of [{}, { status: ['IN_STORE' as const] }, { category: ['cash' as const] }, { caseId: 1 }, { locationId: 1 }, { holdingAgencyId: 1 }, { flag: 'perishable' as const }, { before: 3 }]) {
      expectNoScan(await plansOf(() => call('zx_bgy', 'item.list', { ...input, limit: 50 })));
    }
    expectNoScan(await plansOf(() => call('zx_bgy', 'item.list', { seizedFrom: '2026-11-01T00:00:00.000Z', seizedTo: '2026-11-19T00:00:00.000Z', limit: 50 })));
  });

  it("a custodian's unfiltered list: a UNION of two index ranges (their store's ids, items not yet received)", async () => {
    for (const user of ['zx_bgy', 'bc_bgy']) {
      for (const input of [{ limit: 50 }, { limit: 50, before: 3 }]) {
        const plans = await plansOf(() => call(user, 'item.list', input));
        expectNoScan(plans);
        // Every items read is a point lookup by id or one of the two ranges: no walk down the primary key.
        const lines = plans.flatMap((p) => p.plan);
        expect(lines.filter((l) => /^(SCAN|SEARCH) i USING INTEGER PRIMARY KEY \(rowid<\?\)/.test(l))).toEqual([]);
        expect(lines).toContain('SEARCH st USING COVERING INDEX item_stores_store (store_id=? AND item_id<?)');
        expect(lines).toContain('SEARCH n USING COVERING INDEX items_store (store_id=? AND id<?)');
      }
    }
  });

  it('search at 1, 2, 3 and 4 characters and by code prefix, with and without filters', async () => {
    for (const q of ['机', '苹果', '苹果手', '苹果手机', 'GA', 'A3716']) {
      const plans = await plansOf(() => call('zx_bgy', 'item.list', { q, limit: 50 }));
      expectNoScan(plans);
      expect(plans.some((p) => p.plan.some((l) => /VIRTUAL TABLE/.test(l)))).toBe(true);
      expectNoScan(await plansOf(() => call('zx_bgy', 'item.list', { q, status: ['REGISTERED'], limit: 50 })));
    }
  });

  it('an item code prefix is a range on the code index, newest first, with no full-text index', async () => {
    const [first] = (await call('zx_bgy', 'item.list', { limit: 1 })).rows;
    const prefix = first!.code.slice(0, first!.code.lastIndexOf('-') + 3);
    const found = await call('zx_bgy', 'item.list', { q: prefix, limit: 50 });
    expect(found.rows.map((r) => r.code)).toContain(first!.code);
    const plans = await plansOf(() => call('zx_bgy', 'item.list', { q: prefix, limit: 50 }));
    expectNoScan(plans);
    const lines = plans.flatMap((p) => p.plan);
    expect(lines.some((l) => /^SEARCH items USING (COVERING )?INDEX sqlite_autoindex_items_1 \(code>\? AND code<\?\)/.test(l))).toBe(true);
    expect(lines.filter((l) => /VIRTUAL TABLE/.test(l))).toEqual([]);
  });

  it('alert.list reads each rule from its own partial index', async () => {
    for (const user of ['zx_bgy', 'ga_bar']) {
      const plans = await plansOf(() => call(user, 'alert.list', {}));
      expectNoScan(plans);
      const used = plans.flatMap((p) => p.plan).join('\n');
      for (const ix of ['items_alert_intake', 'items_alert_unrelated', 'items_alert_perishable', 'items_alert_hazardous', 'cases_closed']) expect(used).toContain(ix);
    }
  });

  it('item lookup, timeline and location paths', async () => {
    const [first] = (await call('zx_bgy', 'item.list', { limit: 1 })).rows;
    expectNoScan(await plansOf(() => call('zx_bgy', 'item.byCode', { code: first!.code })));
    expectNoScan(await plansOf(() => call('zx_bgy', 'item.get', { id: first!.id })));
    expectNoScan(await plansOf(() => call('zx_bgy', 'item.timeline', { id: first!.id })));
    await call('zx_bgy', 'intake.receive', { counterpart: { name: '李办案', idNo: '061234' }, items: [{ code: first!.code }] });
    await call('zx_bgy', 'putaway.scan', { locationCode: 'WH-A-Z1-S01', itemCode: first!.code });
    // The shelf's path is read up its parent chain, only for the rows shown.
    const item = await plansOf(() => call('zx_bgy', 'item.get', { id: first!.id }));
    expectNoScan(item);
    expect(item.some((p) => /WITH RECURSIVE/i.test(p.sql))).toBe(true);
    const timeline = await plansOf(() => call('zx_bgy', 'item.timeline', { id: first!.id }));
    expectNoScan(timeline);
    expect(timeline.flatMap((p) => p.plan).filter((l) => /^SCAN locations\b/.test(l))).toEqual([]);
    // The item page in one answer (item.page, or a scan with withPage): details, timeline and proposals.
    for (const page of [await plansOf(() => call('zx_bgy', 'item.page', { id: first!.id })), await plansOf(() => call('zx_bgy', 'scan.resolve', { code: first!.code, withPage: true }))]) {
      expectNoScan(page);
      expect(page.flatMap((p) => p.plan).filter((l) => /^SCAN (locations|item_proposals|p)\b/.test(l))).toEqual([]);
    }
  });

  it("a custodian's estimated total: seeks and bounded walks on item_stores_store and items_store, never a scan", async () => {
    const u = await db0.selectFrom('users').selectAll().where('username', '=', 'bc_bgy').executeTakeFirstOrThrow();
    const user = await toSessionUser(db0, u);
    const plans = await plansOf(() => storeItemEstimate({ db: db0, dialect: 'sqlite', user }, 1000));
    expectNoScan(plans);
    const lines = plans.flatMap((p) => p.plan);
    expect(lines.filter((l) => /^SCAN (item_stores|items)\b/.test(l))).toEqual([]);
    expect(lines.filter((l) => /item_stores_store \(store_id=\?\)/.test(l))).toHaveLength(4);
    expect(lines.filter((l) => /items_store \(store_id=\?\)/.test(l))).toHaveLength(4);
  });
});
