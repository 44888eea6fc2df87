/**
 * Issue 12: 逾期未还调用 kept as data. Loans that came back late (or were reported lost on return) count on the
 * day they fell due from report_daily (0023), loans still out from the open requests; the figure equals the direct
 * count from the ledger for every filter and period, and what the append path kept equals 0023's backfill.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/test-core';
import { agencyId, asUser, intoStore, policeCase, witness, type Item } from './request-fixtures';
import { overdueDirect, overdueLoans } from '../../electron/core/services/reports/report.overdue';
import { LOAN_OVERDUE } from '../../electron/core/ledger/event-aggregate';
import { up as up0023 } from '../../electron/core/db/migrations/0023-loan-overdue';
import type { ReportFilter } from '../../shared/api/report.contract';

const HOUR = 3_600_000;
const NOV = { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' };
let t: TestCore;
let it1: Record<'phone' | 'laptop' | 'cash' | 'camera' | 'tablet' | 'earphones' | 'speaker', Item>;

const at = (h: number) => new Date(Date.parse('2026-11-20T02:00:00.000Z') + h * HOUR).toISOString();
async function relogin() {
  for (const u of ['zx_bgy', 'ga_bar', 'ga_sp', 'jw_jd']) await t.login(u);
}
async function lend(item: Item, dueHours: number): Promise<number> {
  const loan = await t.call('ga_bar', 'request.create', { kind: 'loan', itemIds: [item.id], reason: '辨认', purpose: 'identification', dueAt: at(dueHours) });
  await t.call('ga_sp', 'request.decide', { id: loan.id, approve: true });
  await t.call('zx_bgy', 'request.execute', { id: loan.id, scannedCodes: [item.code], ...(item.category === 'cash' ? { witnesses: [witness('zx_bgy2')] } : {}) });
  return loan.id;
}
async function back(item: Item, condition: 'fine' | 'lost' = 'fine') {
  await t.call('zx_bgy', 'loan.checkIn', {
    scans: [{ code: item.code, condition, ...(condition === 'lost' ? { note: '归还时发现遗失' } : {}) }],
    ...(item.category === 'cash' ? { witness: witness('zx_bgy2') } : {}),
  });
}
async function until(h: number) {
  t.clock.set(new Date(at(h)));
  await relogin();
}

beforeAll(async () => {
  // 2026-11-20 10:00 Shanghai (hour 0).
  t = await makeTestCore({ start: at(0) });
  const a = await policeCase(t, ['手机', '电脑', '现金', '相机', '平板', '耳机']);
  const b = await policeCase(t, ['音箱']);
  await sql`UPDATE cases SET case_type = 'organized_crime' WHERE id = ${a.caseId}`.execute(t.core.store.db);
  await sql`UPDATE cases SET case_type = 'ordinary' WHERE id = ${b.caseId}`.execute(t.core.store.db);
  const [phone, laptop, cash, camera, tablet, earphones] = a.items as [Item, Item, Item, Item, Item, Item];
  it1 = { phone, laptop, cash, camera, tablet, earphones, speaker: b.items[0]! };
  await intoStore(t, [...a.items, ...b.items]);
  await lend(phone, 24); // due 11-21 10:00 Shanghai, back 6 h late
  await lend(laptop, 24); // back 4 h early
  await lend(cash, 48); // due 11-22 10:00 Shanghai, back 12 h late
  await lend(camera, 48); // reported lost on return, 2 h late
  await lend(tablet, 30 * 24); // still out, not yet due at the end
  const ext = await lend(earphones, 24); // extended to hour 72 before it fell due, back at hour 70: on time
  await lend(it1.speaker, 26); // due 11-21 12:00 Shanghai, still out at the end: overdue
  await until(20);
  await back(laptop);
  await t.call('ga_bar', 'loan.extend', { requestId: ext, newDueAt: at(72), reason: '鉴定未完成' });
  await t.call('ga_sp', 'loan.decideExtension', { requestId: ext, approve: true });
  await until(30);
  await back(phone);
  await until(50);
  await back(camera, 'lost');
  await until(60);
  await back(cash);
  await until(70);
  await back(earphones);
  await until(100); // 11-24 14:00 Shanghai
}, 60_000);
afterAll(() => t.close());

const fig = (f: ReportFilter) => asUser(t, 'jw_jd', async (ctx) => ({ kept: await overdueLoans(ctx, f), direct: await overdueDirect(ctx, f, f.from, f.to) }));

describe('逾期未还调用', () => {
  it('has the known answer: two late, one lost late, one still out; not the early, extended or not-yet-due ones', async () => {
    const r = await t.call('jw_jd', 'report.stats', NOV);
    expect(r.figures.find((x) => x.key === 'overdueLoans')).toMatchObject({ count: 4, value: 10000 });
    // The late ones were kept as data on the day they fell due; the one still out is not.
    const kept = await t.core.store.db.selectFrom('report_daily').select(['day', 'category', 'case_type', 'n', 'v']).where('type', '=', LOAN_OVERDUE).orderBy('day').orderBy('category').execute();
    expect(kept.map((k) => ({ ...k, n: Number(k.n), v: Number(k.v) }))).toEqual([
      { day: '2026-11-21', category: 'electronics', case_type: 'organized_crime', n: 1, v: 0 },
      { day: '2026-11-22', category: 'cash', case_type: 'organized_crime', n: 1, v: 10000 },
      { day: '2026-11-22', category: 'electronics', case_type: 'organized_crime', n: 1, v: 0 },
    ]);
    // A loan due later in the period is not overdue yet: the tablet is due on 12-20.
    expect((await t.call('jw_jd', 'report.stats', { from: NOV.to, to: '2027-01-01T00:00:00.000Z' })).figures.find((x) => x.key === 'overdueLoans')).toMatchObject({ count: 0 });
    expect((await t.call('jw_jd', 'report.dashboard', {})).overdueLoans).toBe(1); // out now and past due: the speaker
  });

  it('equals the direct count for every filter and period, aligned or ragged', async () => {
    const police = await agencyId(t, '371600');
    const store = (await t.core.store.db.selectFrom('items').select('store_id').where('id', '=', it1.phone.id).executeTakeFirstOrThrow()).store_id!;
    const filters: Array<Omit<ReportFilter, 'from' | 'to'>> = [{}, { agencyId: police }, { agencyId: 999 }, { category: 'cash' }, { category: 'electronics' }, { caseType: 'ordinary' }, { caseType: 'organized_crime' }, { storeId: store }];
    const periods: Array<[string, string]> = [
      [NOV.from, NOV.to],
      ['2026-11-20T16:00:00.000Z', '2026-11-21T16:00:00.000Z'], // the Shanghai day the phone and speaker fell due
      ['2026-11-21T03:00:00.000Z', '2026-11-22T16:00:00.000Z'], // ragged start after the phone's due time
      ['2026-11-20T20:00:00.000Z', '2026-11-22T03:00:00.000Z'], // ragged both sides, holding every due time but the tablet's
      ['2026-11-22T01:00:00.000Z', '2026-11-22T03:00:00.000Z'], // inside one day: the cash and camera's due time
      ['2026-11-21T15:00:00.000Z', '2026-11-21T17:00:00.000Z'], // across a midnight, nothing due
    ];
    let nonzero = 0;
    for (const [from, to] of periods) {
      for (const extra of filters) {
        const f = { from, to, ...extra };
        const { kept, direct } = await fig(f);
        expect(kept, JSON.stringify(f)).toEqual(direct);
        if (kept.count) nonzero++;
      }
    }
    expect(nonzero).toBeGreaterThan(15);
    expect((await fig({ from: '2026-11-21T03:00:00.000Z', to: '2026-11-22T16:00:00.000Z' })).kept).toEqual({ count: 3, value: 10000 }); // the phone fell due before
    expect((await fig({ ...NOV, caseType: 'ordinary' })).kept).toEqual({ count: 1, value: 0 });
  });

  it('a reader who sees only some items gets the direct count of what they see', async () => {
    const of = (u: string) => asUser(t, u, (ctx) => overdueLoans(ctx, NOV));
    expect(await of('ga_bar')).toEqual({ count: 4, value: 10000 }); // the police officer sees the police items
    expect(await of('jc_bar')).toEqual({ count: 0, value: 0 }); // the procuratorate sees none of them
  });

  it('what the append path kept equals the backfill of migration 0023', async () => {
    const db = t.core.store.db;
    const read = async () =>
      (await db.selectFrom('report_daily').selectAll().where('type', '=', LOAN_OVERDUE).orderBy('day').orderBy('agency_id').orderBy('store_id').orderBy('category').orderBy('case_type').execute()).map((r) => ({ ...r, n: Number(r.n), v: Number(r.v) }));
    const live = await read();
    expect(live).toHaveLength(3);
    await db.deleteFrom('report_daily').where('type', '=', LOAN_OVERDUE).execute();
    await sql`DROP INDEX requests_kind_status_due`.execute(db);
    await sql`DROP INDEX requests_kind_due`.execute(db);
    await up0023(db as never, t.core.store.dialect);
    expect(await read()).toEqual(live);
  });
});
