/**
 * alert.list from the partial indexes gives what the rules give when every item is looked at: a varied store
 * (statuses, flags, categories, ages, holders, closed cases) is checked both ways, as the store and as an officer.
 */
import { afterEach, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/test-core';
import { ALERT_KINDS, type AlertKind } from '../../shared/api/custody.contract';

let t: TestCore;
afterEach(() => t.close());

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const STATUSES = ['REGISTERED', 'RECEIVING', 'IN_STORE', 'ON_LOAN', 'PENDING_DISPOSITION', 'EXTERNAL_CUSTODY', 'TRANSFERRED_OUT', 'RETURNED', 'DESTROYED', 'LOST'];
const CATEGORIES = ['general', 'perishable', 'hazardous', 'electronics'];
const HELD = new Set(['REGISTERED', 'RECEIVING', 'IN_STORE', 'ON_LOAN', 'PENDING_DISPOSITION', 'EXTERNAL_CUSTODY']);
const GONE = new Set(['RETURNED', 'SOLD', 'DESTROYED', 'CONFISCATED', 'HANDED_OVER', 'LOST']);

/** Small deterministic PRNG (mulberry32). */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

type Row = { id: number; status: string; category: string; flags: string; seized_at: string; created_at: string; unrelated_since: string | null; holding_agency_id: number; stage: string };

/** The rules of DOMAIN.md, applied to every row (off-site terms have their own table and test: external-custody.test.ts). */
function expected(rows: Row[], now: number, agencyId: number | null): Record<Exclude<AlertKind, 'loan_overdue' | 'stuck_request' | 'external_term'>, number[]> {
  const mine = rows.filter((r) => agencyId === null || r.holding_agency_id === agencyId);
  const flag = (r: Row, f: string) => (JSON.parse(r.flags) as string[]).includes(f);
  const inStore = (r: Row) => r.status === 'IN_STORE' || r.status === 'PENDING_DISPOSITION';
  const ids = (f: (r: Row) => boolean) => mine.filter(f).map((r) => r.id).sort((a, b) => a - b);
  return {
    intake: ids((r) => (r.status === 'REGISTERED' || r.status === 'RECEIVING') && Date.parse(r.seized_at) < now - 20 * HOUR),
    unrelated: ids((r) => HELD.has(r.status) && flag(r, 'unrelated') && Date.parse(r.unrelated_since!) < now - 2 * DAY),
    perishable: ids((r) => inStore(r) && (r.category === 'perishable' || flag(r, 'perishable'))),
    hazardous: ids((r) => inStore(r) && (r.category === 'hazardous' || flag(r, 'hazardous'))),
    closed_case: ids((r) => r.stage === 'closed' && !GONE.has(r.status)),
  };
}

it('matches the rules applied to every item, for the store and for one agency', async () => {
  t = await makeTestCore();
  const random = rng(9);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const db = t.core.store.db;
  const agencies = (await db.selectFrom('agencies').select('id').execute()).map((a) => a.id);
  const police = await db.selectFrom('users').select('agency_id').where('username', '=', 'ga_bar').executeTakeFirstOrThrow();
  const c = await t.call('ga_bar', 'case.create', { caseNo: 'A3716002026110001', name: '张某盗窃案' });
  const [base] = await t.call('ga_bar', 'item.register', {
    caseId: c.id, seizureDocNo: 'D-1', seizedAt: '2026-11-20T01:00:00.000Z', seizedBy: '李办案',
    items: [{ name: '样品', category: 'general', quantity: 1, unit: '件', source: 'seized' }],
  });
  const row = await db.selectFrom('items').selectAll().where('id', '=', base!.id).executeTakeFirstOrThrow();
  const { id: _id, ...rest } = row;
  const caseIds = [c.id];
  for (let k = 0; k < 8; k++) {
    const kase = await t.call('ga_bar', 'case.create', { caseNo: `A371600202611${String(k + 2).padStart(4, '0')}`, name: `案件${k}` });
    caseIds.push(kase.id);
    if (k % 3 === 0) await db.updateTable('cases').set({ stage: 'closed' }).where('id', '=', kase.id).execute();
  }
  const now = t.clock.now.getTime();
  const rows = Array.from({ length: 400 }, (_, k) => {
    const category = pick(CATEGORIES);
    const flags = [...(category === 'perishable' || category === 'hazardous' ? [category] : []), ...(random() < 0.2 ? ['unrelated'] : []), ...(random() < 0.1 ? ['perishable'] : [])];
    // 查明 time: when the item was found unrelated (at or after registration).
    const unrelatedSince = flags.includes('unrelated') ? new Date(now - random() * 5 * DAY).toISOString() : null;
    return {
      ...rest, unrelated_since: unrelatedSince, code: `V-${k}`, case_id: pick(caseIds), status: pick(STATUSES), category, flags: JSON.stringify([...new Set(flags)]),
      seized_at: new Date(now - random() * 5 * DAY).toISOString(), created_at: new Date(now - random() * 5 * DAY).toISOString(),
      updated_at: new Date(now - random() * 5 * DAY).toISOString(), holding_agency_id: random() < 0.6 ? police.agency_id : pick(agencies),
    };
  });
  await db.insertInto('items').values(rows).execute();
  const all = (await db
    .selectFrom('items as i')
    .innerJoin('cases as c', 'c.id', 'i.case_id')
    .select(['i.id', 'i.status', 'i.category', 'i.flags', 'i.seized_at', 'i.created_at', 'i.unrelated_since', 'i.holding_agency_id', 'c.stage'])
    .execute()) as Row[];

  for (const [user, agencyId] of [['zx_bgy', null], ['ga_bar', police.agency_id]] as const) {
    const r = await t.call(user, 'alert.list', {});
    const want = expected(all, now, agencyId);
    for (const kind of ALERT_KINDS.filter((k) => k !== 'loan_overdue' && k !== 'stuck_request' && k !== 'external_term') as Array<keyof typeof want>) {
      const got = r.alerts.filter((a) => a.kind === kind).map((a) => a.itemId!).sort((a, b) => a - b);
      expect({ user, kind, ids: got, count: r.counts[kind] }).toEqual({ user, kind, ids: want[kind], count: want[kind].length });
    }
  }
  // The dataset does exercise every rule.
  const store = expected(all, now, null);
  for (const ids of Object.values(store)) expect(ids.length).toBeGreaterThan(5);
});
