/**
 * EXPLAIN QUERY PLAN (SQLite) of the report figures and exception lists: the ledger is read by event type and time
 * (events_type_time) or by item (events_item), never scanned whole. Items are reached by id from the events; the
 * per-status counts may walk an items index (no table scan). No ANALYZE runs, so the planner assumes big tables.
 */
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, type Store } from '../../electron/core/db/database';
import type { Database } from '../../electron/core/db/schema';
import { createCore, type Core } from '../../electron/core/api/dispatch';
import { hashPassword } from '../../electron/core/auth/password';
import { seedReferenceData } from '../../electron/core/seed/reference-data';
import type { MethodInput, MethodName } from '../../shared/api/contract';
import { EXCEPTION_KINDS } from '../../shared/api/report.contract';

const NOW = new Date('2026-11-20T02:00:00.000Z');
let raw: BetterSqlite3.Database;
let core: Core;
let captured: { sql: string; params: readonly unknown[] }[] = [];
let token = '';

async function call<M extends MethodName>(method: M, input: MethodInput<M>) {
  const r = await core.dispatch(token, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
}

async function plansOf(fn: () => Promise<unknown>) {
  captured = [];
  await fn();
  return captured
    .filter((q) => /^\s*(select|with)/i.test(q.sql) && /custody_events/.test(q.sql))
    .map((q) => ({ sql: q.sql, plan: (raw.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...(q.params as unknown[])) as { detail: string }[]).map((r) => r.detail) }));
}

/** A pass over the whole ledger, or over the items table itself (not one of its indexes). */
const fullScan = (line: string) => /^SCAN (custody_events|e|x|m|u)\b/.test(line) || /^SCAN (items|i)$/.test(line);

beforeAll(async () => {
  raw = new BetterSqlite3(':memory:');
  raw.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }), log: (e) => void (e.level === 'query' && captured.push({ sql: e.query.sql, params: e.query.parameters })) });
  const store: Store = { db, dialect: 'sqlite', close: () => db.destroy(), backup: async () => undefined };
  await migrate(store);
  await seedReferenceData(db, NOW.toISOString(), hashPassword('Passw0rd!'));
  core = createCore(store, { dataDir: null, clock: () => NOW }, () => {});
  const r = await core.dispatch(null, 'auth.login', { username: 'jw_jd', password: 'Passw0rd!' });
  if (!r.ok) throw new Error(r.error.message);
  token = (r.data as { token: string }).token;
});
afterAll(() => raw.close());

describe('report queries use indexes', () => {
  it('report.stats reads events by type and time', async () => {
    const plans = await plansOf(() => call('report.stats', { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z', category: 'cash' }));
    expect(plans.length).toBeGreaterThanOrEqual(4);
    for (const p of plans) expect({ sql: p.sql, scans: p.plan.filter(fullScan) }).toEqual({ sql: p.sql, scans: [] });
    expect(plans.flatMap((p) => p.plan).join('\n')).toContain('events_type_time');
  });

  it('exception lists and the dashboard', async () => {
    for (const kind of EXCEPTION_KINDS) {
      for (const p of await plansOf(() => call('report.exceptions', { kind }))) expect({ kind, sql: p.sql, scans: p.plan.filter(fullScan) }).toEqual({ kind, sql: p.sql, scans: [] });
    }
    for (const p of await plansOf(() => call('report.dashboard', {}))) expect({ sql: p.sql, scans: p.plan.filter(fullScan) }).toEqual({ sql: p.sql, scans: [] });
  });

  it('the dashboard and location.list read the kept counts (0022), never a grouping of the items table', async () => {
    captured = [];
    await call('report.dashboard', {});
    await call('location.list', {});
    const text = captured.map((q) => q.sql);
    expect(text.some((q) => /"item_counts"/.test(q))).toBe(true);
    expect(text.some((q) => /"location_counts"/.test(q))).toBe(true);
    const groupsItems = (q: string) => /from "items"/i.test(q) && /group by[^()]*"(status|category|holding_agency_id|location_id)"/i.test(q);
    expect(text.filter(groupsItems)).toEqual([]);
  });
});

describe('逾期未还调用 (0023)', () => {
  it('reads loans by due time: the open ones by kind, status and due, the ragged edges by kind and due and the item’s events', async () => {
    captured = [];
    await call('report.stats', { from: '2026-11-01T03:00:00.000Z', to: '2026-11-30T05:00:00.000Z' });
    const loans = captured.filter((q) => /from "requests" as "r"/i.test(q.sql));
    const plans = loans.map((q) => ({ sql: q.sql, plan: (raw.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...(q.params as unknown[])) as { detail: string }[]).map((r) => r.detail) }));
    expect(plans).toHaveLength(3); // the loans still out, and the two ragged edges counted directly
    for (const p of plans) expect({ sql: p.sql, scans: p.plan.filter((l) => fullScan(l) || /^SCAN (requests|r)\b/.test(l)) }).toEqual({ sql: p.sql, scans: [] });
    const all = plans.flatMap((p) => p.plan).join('\n');
    expect(all).toContain('requests_kind_status_due');
    expect(all).toContain('requests_kind_due');
    // The check-out and the end of each loan are looked up among the item's own events, not all events of a type.
    expect(all).not.toContain('events_type_time');
    expect(all).toContain('events_item');
  });
});
