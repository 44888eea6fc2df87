/** A warehouse/zone/shelf covers its subtree; at 100k items the subtree query goes through indexes, not a scan of items. */
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/database';
import { subtreeLocationIds } from '../../electron/core/db/dialect';
import { openTestStore, TEST_PG_URL } from '../support/test-core';

it('the location subtree query uses indexes at 100k items and returns the subtree only', { timeout: 120_000 }, async () => {
  const store = await openTestStore();
  try {
    await migrate(store);
    const db = store.db;
    const dialect = TEST_PG_URL ? 'postgres' : 'sqlite';
    const now = '2026-11-20T02:00:00.000Z';
    const agency = await db.insertInto('agencies').values({ code: 'P', name: '公安', kind: 'police', parent_id: null, created_at: now }).returning('id').executeTakeFirstOrThrow();
    const user = await db
      .insertInto('users')
      .values({ username: 'u', display_name: '甲', badge_no: null, agency_id: agency.id, roles: '[]', password_hash: 'x', failed_attempts: 0, locked_until: null, must_change_password: 0, active: 1, created_at: now, store_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const kase = await db.insertInto('cases').values({ case_no: 'A1', name: '案', cause: null, host_agency_id: agency.id, officer_name: null, stage: 'investigation', created_by: user.id, created_at: now }).returning('id').executeTakeFirstOrThrow();
    // One store, 10 warehouses × 10 zones × 10 shelves (1111 locations).
    const loc = async (code: string, kind: string, parent: { id: number; path: string } | null) => {
      const r = await db.insertInto('locations').values({ code, name: code, kind, parent_id: parent?.id ?? null, active: 1, created_at: now }).returning('id').executeTakeFirstOrThrow();
      const path = `${parent?.path ?? '/'}${r.id}/`;
      await db.updateTable('locations').set({ path, store_id: parent ? Number(parent.path.split('/')[1]) : r.id }).where('id', '=', r.id).execute();
      return { id: r.id, path };
    };
    const root = await loc('ST', 'store', null);
    const shelves: number[] = [];
    const zones: Array<{ id: number; path: string }> = [];
    for (let w = 0; w < 10; w++) {
      const wh = await loc(`W${w}`, 'warehouse', root);
      for (let z = 0; z < 10; z++) {
        const zone = await loc(`W${w}Z${z}`, 'zone', wh);
        zones.push(zone);
        for (let s = 0; s < 10; s++) shelves.push((await loc(`W${w}Z${z}S${s}`, 'shelf', zone)).id);
      }
    }
    // 100k items spread over the shelves, in one statement.
    const first = shelves[0]!;
    const series = dialect === 'postgres' ? sql`SELECT generate_series(0, 99999) AS n` : sql`WITH RECURSIVE s(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM s WHERE n < 99999) SELECT n FROM s`;
    await sql`INSERT INTO items (code, case_id, name, category, spec, quantity, unit, features, estimated_value, cash_amount, source, owner_name, owner_id_no, seizure_doc_no,
        seized_at, seized_by, seal_no, flags, status, location_id, out_with, holding_agency_id, created_by, created_at, updated_at, store_id)
      SELECT 'I' || CAST(n AS TEXT), ${kase.id}, '物品', 'general', NULL, 1, '件', NULL, NULL, NULL, 'seized', NULL, NULL, NULL, ${now}, NULL, NULL, '[]', 'IN_STORE',
        ${first} + (n % 1000), NULL, ${agency.id}, ${user.id}, ${now}, ${now}, ${root.id} FROM (${series}) AS g`.execute(db);
    const zone = zones[37]!;
    const q = sql`SELECT i.id FROM items i WHERE i.location_id IN (${subtreeLocationIds(dialect, zone.id)})`;
    const rows = (await q.execute(db)).rows as Array<{ id: number }>;
    // Items land on consecutive location ids (some on zones): count those on the zone itself and its 10 shelves directly.
    const zoneShelves = [zone.id, ...(await db.selectFrom('locations').select('id').where('parent_id', '=', zone.id).execute()).map((r) => r.id)];
    const direct = await db.selectFrom('items').select((eb) => eb.fn.countAll<number>().as('n')).where('location_id', 'in', zoneShelves).executeTakeFirstOrThrow();
    expect(rows.length).toBe(Number(direct.n));
    expect(rows.length).toBeGreaterThan(0);

    if (dialect === 'sqlite') {
      const plan = (await sql`EXPLAIN QUERY PLAN ${q}`.execute(db)).rows.map((r) => String((r as { detail: string }).detail));
      expect(plan.join('\n')).not.toMatch(/SCAN i\b|SCAN items\b/);
      expect(plan.join('\n')).toMatch(/SEARCH i USING (COVERING )?INDEX items_location/);
      expect(plan.join('\n')).toMatch(/SEARCH s USING (COVERING )?INDEX locations_path/);
    } else {
      await sql`ANALYZE items`.execute(db);
      await sql`ANALYZE locations`.execute(db);
      const plan = (await sql`EXPLAIN ${q}`.execute(db)).rows.map((r) => String(Object.values(r as object)[0])).join('\n');
      expect(plan).not.toMatch(/Seq Scan on items/);
      expect(plan).toMatch(/items_location/);
    }
  } finally {
    await store.close();
  }
});
