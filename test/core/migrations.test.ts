/** One test per migration: migrate to N-1, seed data, migrate to N, assert. */
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openSqlite, migrate } from '../../electron/core/db/database';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { verifyLedger } from '../../electron/core/ledger/ledger.verify';

describe('migrations', () => {
  it('are listed in order with unique names', () => {
    const names = MIGRATIONS.map(([n]) => n);
    expect([...names].sort()).toEqual(names);
    expect(new Set(names).size).toBe(names.length);
  });

  it('0001-core creates the schema, WAL-independent pragmas and an append-only ledger', async () => {
    const store = openSqlite(':memory:');
    expect(await migrate(store, '0001-core')).toEqual(['0001-core']);
    const tables = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`.execute(store.db);
    expect(tables.rows.map((r) => r.name)).toEqual(
      expect.arrayContaining(['agencies', 'users', 'sessions', 'locations', 'cases', 'items', 'item_photos', 'custody_events', 'ledger_head', 'sequences', 'settings']),
    );
    const fk = await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(store.db);
    expect(fk.rows[0]!.foreign_keys).toBe(1);
    const head = await store.db.selectFrom('ledger_head').selectAll().executeTakeFirstOrThrow();
    expect(head).toEqual({ id: 1, seq: 0, hash: '0'.repeat(64) });
    await store.close();
  });

  it('0002-requests-search keeps existing items and indexes them for search', async () => {
    const store = openSqlite(':memory:');
    await migrate(store, '0001-core');
    const now = '2026-11-01T00:00:00.000Z';
    const a = await store.db.insertInto('agencies').values({ code: '371600', name: '公安局', kind: 'police', parent_id: null, created_at: now }).returning('id').executeTakeFirstOrThrow();
    const u = await store.db
      .insertInto('users')
      .values({ username: 'u', display_name: '用户', badge_no: null, agency_id: a.id, roles: '["case_officer"]', password_hash: 'x', failed_attempts: 0, locked_until: null, must_change_password: 0, active: 1, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const c = await store.db
      .insertInto('cases')
      .values({ case_no: 'A001', name: '案', cause: null, host_agency_id: a.id, officer_name: null, stage: 'investigation', created_by: u.id, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await store.db
      .insertInto('items')
      .values({
        code: '371600-2026-000001', case_id: c.id, name: '黑色苹果手机', category: 'electronics', spec: null, quantity: 1, unit: '部', features: null,
        estimated_value: null, cash_amount: null, source: 'seized', owner_name: '张三', owner_id_no: null, seizure_doc_no: null, seized_at: now,
        seized_by: null, seal_no: null, flags: '[]', status: 'REGISTERED', location_id: null, out_with: null, holding_agency_id: a.id,
        created_by: u.id, created_at: now, updated_at: now,
      })
      .execute();

    expect(await migrate(store, '0002-requests-search')).toEqual(['0002-requests-search']);
    const hits = await sql<{ rowid: number }>`SELECT rowid FROM items_fts WHERE items_fts MATCH '"苹果手"'`.execute(store.db);
    expect(hits.rows).toHaveLength(1);
    // One open request per item is enforced by the database.
    const r1 = await store.db
      .insertInto('requests')
      .values({ request_no: 'YS-1', kind: 'transfer', status: 'pending', mode: 'paper', case_id: c.id, from_agency_id: a.id, to_agency_id: null, reason: null, legal_basis: null, due_at: null, details: '{}', created_by: u.id, created_at: now, decided_by: null, decided_at: null, decision_comment: null, executed_by: null, executed_at: null, accepted_by: null, accepted_at: null, closed_at: null, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const r2 = await store.db
      .insertInto('requests')
      .values({ request_no: 'YS-2', kind: 'transfer', status: 'pending', mode: 'paper', case_id: c.id, from_agency_id: a.id, to_agency_id: null, reason: null, legal_basis: null, due_at: null, details: '{}', created_by: u.id, created_at: now, decided_by: null, decided_at: null, decision_comment: null, executed_by: null, executed_at: null, accepted_by: null, accepted_at: null, closed_at: null, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await store.db.insertInto('request_items').values({ request_id: r1.id, item_id: 1, open: 1 }).execute();
    await expect(store.db.insertInto('request_items').values({ request_id: r2.id, item_id: 1, open: 1 }).execute()).rejects.toThrow(/UNIQUE/);
    await store.db.insertInto('request_items').values({ request_id: r2.id, item_id: 1, open: 0 }).execute();
    expect((await verifyLedger(store.db)).ok).toBe(true);
    await store.close();
  });

  it('running migrate twice is a no-op', async () => {
    const store = openSqlite(':memory:');
    await migrate(store);
    expect(await migrate(store)).toEqual([]);
    await store.close();
  });
});
