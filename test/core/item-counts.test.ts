/**
 * item_counts and location_counts (0022) stay equal to a grouping of the items table, computed here in JavaScript
 * from the rows, after every step of a varied workload through the API (and a raw SQL write); the dashboard and
 * location.list read them. Runs on SQLite and PostgreSQL.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/test-core';
import { agencyId, intoStore, policeCase, witness, type Item } from './request-fixtures';

let t: TestCore;
beforeAll(async () => {
  t = await makeTestCore();
});
afterAll(() => t.close());

const DAY = 86_400_000;
const sortKeys = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();

/** The counts as kept, and as grouped from the items' rows; zero rows left by moves are not counts. */
async function counts() {
  const db = t.core.store.db;
  const items = await db.selectFrom('items').select(['status', 'category', 'holding_agency_id', 'store_id', 'location_id', 'cash_amount', 'estimated_value']).execute();
  const byKey = new Map<string, { status: string; category: string; agency: number; store: number; n: number; fen: number }>();
  const byPlace = new Map<string, { location: number; status: string; n: number }>();
  for (const i of items) {
    const k = { status: i.status, category: i.category, agency: i.holding_agency_id, store: i.store_id ?? 0 };
    const g = byKey.get(JSON.stringify(k)) ?? { ...k, n: 0, fen: 0 };
    g.n += 1;
    g.fen += Math.round(Number(i.cash_amount ?? i.estimated_value ?? 0) * 100);
    byKey.set(JSON.stringify(k), g);
    if (i.location_id === null) continue;
    const p = byPlace.get(`${i.location_id}/${i.status}`) ?? { location: i.location_id, status: i.status, n: 0 };
    p.n += 1;
    byPlace.set(`${i.location_id}/${i.status}`, p);
  }
  const kept = await db.selectFrom('item_counts').selectAll().where((eb) => eb.or([eb('n', '<>', 0), eb('value_fen', '<>', 0)])).execute();
  const keptPlaces = await db.selectFrom('location_counts').selectAll().where('n', '<>', 0).execute();
  return {
    direct: { items: sortKeys([...byKey.values()]), places: sortKeys([...byPlace.values()]) },
    kept: {
      items: sortKeys(kept.map((r) => ({ status: r.status, category: r.category, agency: r.holding_agency_id, store: r.store_id, n: Number(r.n), fen: Number(r.value_fen) }))),
      places: sortKeys(keptPlaces.map((r) => ({ location: r.location_id, status: r.status, n: Number(r.n) }))),
    },
    total: items.length,
  };
}

async function expectInStep(step: string) {
  const c = await counts();
  expect(c.kept, step).toEqual(c.direct);
  return c;
}

it('keeps the counts equal to the items through registration, custody, loans, corrections, splits, transfers and raw writes', async () => {
  const zero = await expectInStep('reference data only');
  expect(zero.total).toBe(0);

  // Registration (one batch) and intake onto a shelf.
  const a = await policeCase(t, ['手机', '电脑', '现金']);
  const lotRows = await t.call('ga_bar', 'item.register', {
    caseId: a.caseId, seizureDocNo: '滨公（刑）扣字〔2026〕300号', seizedAt: new Date(t.clock.now.getTime() - 3600_000).toISOString(), seizedBy: '李办案',
    items: [
      { name: '华为手机', category: 'electronics', quantity: 10, unit: '部', estimatedValue: 2000.35, source: 'seized', ownerName: '张三' },
      { name: '金手镯', category: 'valuables', quantity: 1, unit: '只', estimatedValue: 512.7, source: 'seized' },
    ],
  });
  const [phone, laptop, cash] = a.items;
  const [lot, gold] = lotRows as Item[];
  await expectInStep('registered');
  await intoStore(t, [...a.items, lot!, gold!]);
  await expectInStep('received and shelved');

  // A move to another shelf.
  await t.call('zx_bgy', 'putaway.scan', { locationCode: 'WH-A-Z1-S02', itemCode: phone!.code });
  await expectInStep('moved');

  // Loan out and back.
  const loan = await t.call('ga_bar', 'request.create', { kind: 'loan', itemIds: [laptop!.id], reason: '辨认', purpose: 'identification', dueAt: new Date(t.clock.now.getTime() + DAY).toISOString() });
  await t.call('ga_sp', 'request.decide', { id: loan.id, approve: true });
  await expectInStep('loan approved');
  await t.call('zx_bgy', 'request.execute', { id: loan.id, scannedCodes: [laptop!.code] });
  await expectInStep('loaned out');
  await t.call('zx_bgy', 'loan.checkIn', { scans: [{ code: laptop!.code, condition: 'fine' }] });
  await expectInStep('loan back');

  // A category correction.
  const p = await t.call('ga_bar', 'correction.propose', { itemId: phone!.id, changes: { category: 'general' }, reason: '类别登记错误' });
  await t.call('ga_sp', 'proposal.decide', { id: p.id, approve: true });
  expect((await t.call('ga_bar', 'item.get', { id: phone!.id })).category).toBe('general');
  await expectInStep('category corrected');

  // A split of the lot: new items, the lot's value shared out.
  await t.call('ga_bar', 'item.split', { itemId: lot!.id, parts: [4, 3] });
  await expectInStep('lot split');

  // Return to the owner.
  const ret = await t.call('ga_bar', 'request.create', {
    kind: 'return', itemIds: [laptop!.id], reason: '与案件无关，发还', legalBasis: '滨公（刑）发还字〔2026〕7号', claimant: { name: '张三', idType: 'resident_id', idNo: '371602199001011234' },
  });
  await t.call('ga_sp', 'request.decide', { id: ret.id, approve: true });
  await t.call('zx_bgy', 'request.execute', { id: ret.id, scannedCodes: [laptop!.code] });
  await expectInStep('returned');

  // Destruction.
  const d = await t.call('ga_bar', 'request.create', { kind: 'disposition', itemIds: [phone!.id], reason: '依法销毁', legalBasis: '滨公（刑）销字〔2026〕2号', method: 'destroy' });
  await t.call('ga_sp', 'request.decide', { id: d.id, approve: true });
  await expectInStep('pending disposition');
  await t.call('zx_bgy', 'request.execute', { id: d.id, scannedCodes: [phone!.code], witnesses: [witness('zx_bgy2'), witness('ga_sp')], actualDate: t.clock.now.toISOString() });
  await expectInStep('destroyed');

  // A paper transfer of the cash and the gold to the procuratorate (holding agency changes, the items stay).
  const tr = await t.call('ga_bar', 'request.create', { kind: 'transfer', mode: 'paper', itemIds: [cash!.id, gold!.id], reason: '随案移交', legalBasis: '移送函', toAgencyId: await agencyId(t, '371600JC') });
  await t.call('ga_sp', 'request.decide', { id: tr.id, approve: true });
  await t.call('jc_sp', 'request.accept', { id: tr.id, accept: true });
  await expectInStep('paper transfer');

  // A store transfer of the lot's remainder: out of the centre, into the district store.
  const toBc = (await t.call('zx_bgy', 'store.list', {})).find((s: { code: string }) => s.code === 'ST-BC')!.id;
  const st = await t.call('zx_bgy', 'storeTransfer.dispatch', { toStoreId: toBc, itemCodes: [lot!.code], escort: { name: '押运员甲', idNo: 'ZX9' } });
  await expectInStep('store transfer out');
  await t.call('bc_bgy', 'storeTransfer.receive', { id: st.id, locationCode: 'BC-A-Z1-S01', itemCode: lot!.code });
  await expectInStep('store transfer in');

  // External custody (registered straight to EXTERNAL_CUSTODY).
  await t.call('ga_bar', 'external.register', {
    caseId: a.caseId, seizureDocNo: '滨公冻〔2026〕3号', seizedAt: '2026-11-19T02:00:00.000Z', seizedBy: '李办案',
    items: [{ kind: 'deposit', name: '王某账户存款', institution: '农业银行', accountNo: '6228480012345678', amount: 50000.01, noticeNo: 'N-1', startDate: '2026-11-01' }],
  });
  await expectInStep('external custody');

  // Writes outside the services are counted too (the triggers sit on the table).
  await sql`UPDATE items SET status = 'LOST', location_id = NULL, estimated_value = 7.77 WHERE id = ${gold!.id}`.execute(t.core.store.db);
  await sql`UPDATE items SET category = 'general' WHERE category = 'electronics'`.execute(t.core.store.db);
  const last = await expectInStep('raw SQL');
  expect(last.total).toBe(8); // 5 registered, 2 split off, 1 external
});

it('the dashboard and location.list answer from the counts', async () => {
  const db = t.core.store.db;
  const d = await t.call('jw_jd', 'report.dashboard', {});
  const rows = await db.selectFrom('items').select(['status', 'category', 'cash_amount', 'estimated_value']).execute();
  const by = (b: Array<{ key: string; count: number }>) => Object.fromEntries(b.map((x) => [x.key, x.count]));
  const group = (xs: string[]) => xs.reduce<Record<string, number>>((m, k) => ({ ...m, [k]: (m[k] ?? 0) + 1 }), {});
  const GONE = ['RETURNED', 'SOLD', 'DESTROYED', 'CONFISCATED', 'HANDED_OVER', 'LOST'];
  const held = rows.filter((r) => !GONE.includes(r.status));
  expect(by(d.byStatus)).toEqual(group(held.map((r) => r.status)));
  expect(by(d.byCategory)).toEqual(group(held.map((r) => r.category)));
  expect(d.cashValue).toBeCloseTo(held.filter((r) => r.category === 'cash').reduce((s, r) => s + Number(r.cash_amount ?? r.estimated_value ?? 0), 0), 2);
  expect(d.valuablesValue).toBeCloseTo(held.filter((r) => r.category === 'valuables').reduce((s, r) => s + Number(r.cash_amount ?? r.estimated_value ?? 0), 0), 2);

  const onShelf = await db.selectFrom('items').select(['location_id']).where('status', 'in', ['IN_STORE', 'PENDING_DISPOSITION']).where('location_id', 'is not', null).execute();
  const locs = await t.call('admin', 'location.list', {});
  const shelf = locs.find((l) => l.code === 'WH-A-Z1-S01')!;
  expect(shelf.itemCount).toBe(onShelf.filter((r) => r.location_id === shelf.id).length);
  const store = locs.find((l) => l.code === 'ST-BC')!;
  expect(store.itemCount).toBeGreaterThan(0);
  expect(locs.filter((l) => l.parentId === null).reduce((s, l) => s + l.itemCount, 0)).toBe(onShelf.length);
});
