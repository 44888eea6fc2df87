/**
 * Bench data with further history (issue 12): `eventsPerItem` gives bulk demo items loans and moves until events per
 * item average the figure, and the store stays consistent: the chain verifies, item rows match the replayed events,
 * the counts match items, report_daily matches the events, every loan event belongs to a completed loan request.
 */
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/test-core';
import type { OpenedApp } from '../../electron/core/bootstrap';
import { seedDemoItems } from '../../electron/core/seed/demo-items';
import { historyOf } from '../../electron/core/seed/demo-history';

let t: TestCore;
beforeEach(async () => {
  t = await makeTestCore();
});
afterEach(() => t.close());

const app = () => ({ store: t.core.store }) as unknown as OpenedApp;

async function eventsByType() {
  const rows = await t.core.store.db.selectFrom('custody_events').select(['type', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('type').execute();
  return Object.fromEntries(rows.map((r) => [r.type, Number(r.n)]));
}

it('spreads loans and moves evenly, none without the option', () => {
  expect(historyOf(0, undefined)).toEqual({ loans: 0, moves: 0 });
  expect(historyOf(7, 2.5)).toEqual({ loans: 0, moves: 0 });
  const sum = (n: number, e: number) => Array.from({ length: n }, (_, k) => historyOf(k, e)).reduce((a, h) => ({ loans: a.loans + h.loans, moves: a.moves + h.moves }), { loans: 0, moves: 0 });
  // 5 events per item: 2.2 more per item, 2.44 per item in store, 80% of them in loan cycles of four.
  expect(sum(1000, 5)).toEqual({ loans: 488, moves: 488 });
});

it('without the option the recipe is unchanged: three events an item in store, one an item waiting', async () => {
  const r = await seedDemoItems(app(), 20);
  expect(r).toEqual({ items: 20, events: 56 });
  expect(await eventsByType()).toEqual({ REGISTERED: 20, RECEIVED: 18, STORED: 18 });
});

it('with --events-per-item 5 reaches five events per item and stays consistent', async () => {
  // A second shelf in the branch store (the demo has one there, and an item can only move to another bin of its store).
  const db = t.core.store.db;
  const s01 = await db.selectFrom('locations').selectAll().where('code', '=', 'BC-A-Z1-S01').executeTakeFirstOrThrow();
  const { id, created_at, ...rest } = s01;
  const parentPath = s01.path!.slice(0, s01.path!.length - String(id).length - 1);
  await db.insertInto('locations').values({ ...rest, code: 'BC-A-Z1-S02', name: '02 号架', created_at, path: '' }).execute();
  await sql`UPDATE locations SET path = ${parentPath} || CAST(id AS TEXT) || '/' WHERE code = 'BC-A-Z1-S02'`.execute(db);
  const r = await seedDemoItems(app(), 210, undefined, { eventsPerItem: 5 });
  // 21 wait (one event), 189 in store (three), 92 loan cycles (four), 92 moves: 4.99 an item.
  expect(r.items).toBe(210);
  expect(r.events).toBe(1048);
  expect(await t.eventCount()).toBe(1048);
  const by = await eventsByType();
  expect(by).toEqual({ REGISTERED: 210, RECEIVED: 189, STORED: 189, LOAN_REQUESTED: 92, LOAN_APPROVED: 92, CHECKED_OUT: 92, CHECKED_IN: 92, MOVED: 92 });

  // The chain, the item rows against the replay, the counts against items.
  const v = await t.call('jw_jd', 'ledger.verify', {});
  expect(v.ok).toBe(true);
  expect(v.integrity).toMatchObject({ items: 210, events: 1048, mismatches: [], missingCountTriggers: [], countDrift: [] });

  // report_daily counts every loan and return.
  const daily = await db.selectFrom('report_daily').select(['type', (eb) => eb.fn.sum<number>('n').as('n')]).groupBy('type').execute();
  const dailyBy = Object.fromEntries(daily.map((d) => [d.type, Number(d.n)]));
  expect(dailyBy.CHECKED_OUT).toBe(92);
  expect(dailyBy.CHECKED_IN).toBe(92);

  // Every loan event names a completed loan request of the item's case, which lists the item (closed).
  const loose = await db
    .selectFrom('custody_events as e')
    .leftJoin('requests as r', 'r.id', 'e.request_id')
    .leftJoin('request_items as ri', (j) => j.onRef('ri.request_id', '=', 'e.request_id').onRef('ri.item_id', '=', 'e.item_id'))
    .select(['e.seq', 'r.kind', 'r.status', 'r.case_id', 'e.case_id as event_case', 'ri.open'])
    .where('e.type', 'in', ['LOAN_REQUESTED', 'LOAN_APPROVED', 'CHECKED_OUT', 'CHECKED_IN'])
    .execute();
  expect(loose).toHaveLength(368);
  for (const l of loose) expect(l, `event ${l.seq}`).toMatchObject({ kind: 'loan', status: 'completed', case_id: l.event_case, open: 0 });
  // Items moved end in another bin of the same store.
  const moved = await db
    .selectFrom('custody_events as e')
    .innerJoin('locations as a', 'a.id', 'e.location_from_id')
    .innerJoin('locations as b', 'b.id', 'e.location_to_id')
    .select(['a.store_id as from_store', 'b.store_id as to_store', 'a.id as from_id', 'b.id as to_id'])
    .where('e.type', '=', 'MOVED')
    .execute();
  expect(moved).toHaveLength(92);
  for (const m of moved) {
    expect(m.from_store).toBe(m.to_store);
    expect(m.from_id).not.toBe(m.to_id);
  }
});
