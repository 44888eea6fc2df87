/**
 * Issue 12: 处置到位率 per case, agency and case type over cases at 执行 or 结案, and the report_daily aggregate:
 * the period figures it answers equal the direct count from the ledger (any filter, aligned or ragged periods), and
 * what the append path kept equals what migration 0019 backfills.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/test-core';
import { agencyId, intoStore, policeCase, type Item } from './request-fixtures';
import { asUser } from './request-fixtures';
import { periodDirect, periodFigures, stockAtEnd } from '../../electron/core/services/reports/report.period';
import { stockDirect } from '../../electron/core/services/reports/report.stats';
import { AGGREGATED_TYPES, LATE_INTAKE } from '../../electron/core/ledger/event-aggregate';
import { up as up0019 } from '../../electron/core/db/migrations/0019-report-daily';
import type { ReportFilter } from '../../shared/api/report.contract';

const HOUR = 3_600_000;
let t: TestCore;
let cases: Record<'x' | 'y' | 'z' | 'w', { caseId: number; items: Item[] }>;

async function giveBack(items: Item[]) {
  const ret = await t.call('ga_bar', 'request.create', {
    kind: 'return', itemIds: items.map((i) => i.id), reason: '与案件无关，发还', legalBasis: '滨公（刑）发还字〔2026〕7号', claimant: { name: '张三', idType: 'resident_id', idNo: '371602199001011234' },
  });
  await t.call('ga_sp', 'request.decide', { id: ret.id, approve: true });
  await t.call('zx_bgy', 'request.execute', { id: ret.id, scannedCodes: items.map((i) => i.code) });
}
async function lend(item: Item) {
  const loan = await t.call('ga_bar', 'request.create', { kind: 'loan', itemIds: [item.id], reason: '辨认', purpose: 'identification', dueAt: new Date(t.clock.now.getTime() + 24 * HOUR).toISOString() });
  await t.call('ga_sp', 'request.decide', { id: loan.id, approve: true });
  await t.call('zx_bgy', 'request.execute', { id: loan.id, scannedCodes: [item.code] });
}
const setCase = (id: number, stage: string, type: string | null) => sql`UPDATE cases SET stage = ${stage}, case_type = ${type} WHERE id = ${id}`.execute(t.core.store.db);

beforeAll(async () => {
  // 2026-11-20 10:00 Shanghai. Events spread over several days and across Shanghai midnights.
  t = await makeTestCore({ start: '2026-11-20T02:00:00.000Z' });
  const x = await policeCase(t, ['手机', '电脑', '现金']);
  const y = await policeCase(t, ['金表', '相机']);
  const z = await policeCase(t, ['平板', '耳机']);
  const w = await policeCase(t, ['音箱', '硬盘']);
  const v = await policeCase(t, ['迟到的箱子']); // received 38 hours after seizure: a late intake
  cases = { x, y, z, w };
  // Case types are set before any counted event (the aggregate records the type at event time).
  await setCase(x.caseId, 'investigation', 'organized_crime');
  await setCase(y.caseId, 'investigation', 'organized_crime');
  await setCase(z.caseId, 'investigation', 'ordinary');
  await setCase(w.caseId, 'investigation', 'organized_crime');
  await intoStore(t, [...x.items, ...y.items]);
  t.clock.advance(15 * HOUR); // 01:00 Shanghai, the next day
  await t.login('zx_bgy');
  await t.login('ga_bar');
  await t.login('ga_sp');
  await intoStore(t, [...z.items, ...w.items]);
  await giveBack([x.items[0]!]);
  await giveBack(y.items);
  await giveBack([w.items[0]!]);
  t.clock.advance(22 * HOUR); // 23:00 Shanghai
  for (const u of ['zx_bgy', 'ga_bar', 'ga_sp']) await t.login(u);
  await intoStore(t, v.items);
  await lend(z.items[0]!);
  t.clock.advance(2 * HOUR); // 01:00 Shanghai, another day
  for (const u of ['zx_bgy', 'ga_bar', 'ga_sp']) await t.login(u);
  await t.call('zx_bgy', 'intake.refuse', { code: (await policeCase(t, ['旧背包'])).items[0]!.code, reason: '未随附扣押清单' });
  // Stages last: only X (执行), Y (结案) and Z (执行) count for 处置到位率; W stays in 侦查.
  await setCase(x.caseId, 'execution', 'organized_crime');
  await setCase(y.caseId, 'closed', 'organized_crime');
  await setCase(z.caseId, 'execution', 'ordinary');
  await t.login('jw_jd');
}, 60_000);
afterAll(() => t.close());

const pick = (rows: Array<{ label: string; total: number; done: number; rate: number | null }>) => rows.map((r) => [r.label.split(' ')[0], r.total, r.done, r.rate]);

describe('处置到位率', () => {
  it('per case, per agency and per case type, counting only cases at 执行 or 结案', async () => {
    const r = await t.call('jw_jd', 'report.stats', { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' });
    const no = async (c: { caseId: number }) => (await t.core.store.db.selectFrom('cases').select('case_no').where('id', '=', c.caseId).executeTakeFirstOrThrow()).case_no;
    expect(pick(r.rateByCase)).toEqual([
      [await no(cases.x), 3, 1, 33.33],
      [await no(cases.y), 2, 2, 100],
      [await no(cases.z), 2, 0, 0],
    ]);
    expect(pick(r.rateByAgency)).toEqual([['滨州市公安局', 7, 3, 42.86]]);
    expect(r.rateByCaseType.map((x) => [x.key, x.label, x.total, x.done, x.rate])).toEqual([
      ['ordinary', '普通刑事案件', 2, 0, 0],
      ['organized_crime', '涉黑涉恶案件', 5, 3, 60],
    ]);
    const only = await t.call('jw_jd', 'report.stats', { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z', caseType: 'organized_crime' });
    expect(pick(only.rateByCase)).toHaveLength(2);
    expect(only.filterText).toContain('案件类型：涉黑涉恶案件');
  });

  it('the dashboard shows the headline 涉黑涉恶案件财产处置到位率', async () => {
    const d = await t.call('jw_jd', 'report.dashboard', {});
    expect(d.headlineRate).toMatchObject({ key: 'organized_crime', label: '涉黑涉恶案件', total: 5, done: 3, rate: 60 });
  });

  it('case.disposalRate: the case page figure, any stage, for those who see the case', async () => {
    expect(await t.call('ga_bar', 'case.disposalRate', { caseId: cases.x.caseId })).toEqual({ caseId: cases.x.caseId, stage: 'execution', counted: true, total: 3, done: 1, rate: 33.33 });
    expect(await t.call('jw_jd', 'case.disposalRate', { caseId: cases.w.caseId })).toMatchObject({ stage: 'investigation', counted: false, total: 2, done: 1, rate: 50 });
    await t.login('jc_bar');
    expect((await t.fail('jc_bar', 'case.disposalRate', { caseId: cases.x.caseId })).code).toBe('NOT_FOUND');
  });

  it('Excel and PDF carry the rates by case type', async () => {
    const f = { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' };
    const x = await t.call('jw_jd', 'report.export', f);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.base64, 'base64') as never);
    const rows = wb.getWorksheet('处置到位率（案件类型）')!.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1, 5));
    expect(rows).toEqual([['普通刑事案件', 2, 0, 0], ['涉黑涉恶案件', 5, 3, 0.6]]);
  });
});

describe('report_daily', () => {
  const types = [...AGGREGATED_TYPES, LATE_INTAKE];
  const police = () => agencyId(t, '371600');
  const filters = async (): Promise<Array<Omit<ReportFilter, 'from' | 'to'>>> => [
    {}, { agencyId: await police() }, { agencyId: 999 }, { category: 'electronics' }, { category: 'cash' }, { caseType: 'organized_crime' }, { caseType: 'ordinary' },
    { storeId: (await t.core.store.db.selectFrom('items').select('store_id').where('store_id', 'is not', null).executeTakeFirstOrThrow()).store_id! },
  ];
  const periods: Array<[string, string]> = [
    ['2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z'], // whole days (and more)
    ['2026-11-19T16:00:00.000Z', '2026-11-22T16:00:00.000Z'], // Shanghai midnights exactly
    ['2026-11-20T03:00:00.000Z', '2026-11-21T16:30:00.000Z'], // ragged on both sides
    ['2026-11-20T16:30:00.000Z', '2026-11-21T15:30:00.000Z'], // within one Shanghai day
    ['2026-11-21T15:00:00.000Z', '2026-11-21T17:00:00.000Z'], // across one midnight
    ['2026-11-19T16:00:00.000Z', '2026-11-21T17:30:00.000Z'], // whole days, then a ragged end holding an event
    ['2026-11-20T01:00:00.000Z', '2026-11-22T16:00:00.000Z'], // a ragged start holding events, then whole days
  ];

  it('answers every filter and period exactly as the direct count from the ledger', async () => {
    let nonzero = 0;
    for (const [from, to] of periods) {
      for (const extra of await filters()) {
        const f = { from, to, ...extra };
        const [agg, direct] = await asUser(t, 'jw_jd', async (ctx) => [await periodFigures(ctx, f, types), await periodDirect(ctx, f, types, from, to)]);
        const norm = (m: Map<string, { count: number; value: number }>) => Object.fromEntries([...m].filter(([, v]) => v.count).sort());
        expect(norm(agg), JSON.stringify(f)).toEqual(norm(direct));
        nonzero += agg.size;
      }
    }
    expect(nonzero).toBeGreaterThan(20); // the fixture does exercise it
  });

  it('the stock at each Shanghai midnight from the STOCK rows equals the direct count', async () => {
    const midnights = ['2026-11-19T16:00:00.000Z', '2026-11-20T16:00:00.000Z', '2026-11-21T16:00:00.000Z', '2026-11-22T16:00:00.000Z', '2026-11-30T16:00:00.000Z'];
    const seen: number[] = [];
    for (const to of midnights) {
      for (const extra of await filters()) {
        const f = { from: '2026-11-01T00:00:00.000Z', to, ...extra };
        const [agg, direct] = await asUser(t, 'jw_jd', async (ctx) => [await stockAtEnd(ctx, f), await stockDirect(ctx, f)]);
        expect(agg, JSON.stringify(f)).toEqual(direct);
        if (!Object.keys(extra).length) seen.push(direct.count);
      }
    }
    // By 00:00 on the 21st (Shanghai): X and Y received (5). By the 22nd: +4 (Z, W), −4 returned, −1 lent out.
    expect(seen).toEqual([0, 5, 5, 5, 5]); // …and the late box (+1) on the 21st
    // Not on a midnight: the caller counts directly.
    expect(await asUser(t, 'jw_jd', (ctx) => stockAtEnd(ctx, { from: '2026-11-01T00:00:00.000Z', to: '2026-11-21T17:30:00.000Z' }))).toBeNull();
  });

  it('has the known answers for the whole fixture', async () => {
    const r = await asUser(t, 'jw_jd', (ctx) => periodFigures(ctx, { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' }, types));
    expect(Object.fromEntries([...r].sort())).toEqual({
      CHECKED_OUT: { count: 1, value: 0 },
      LATE_INTAKE: { count: 1, value: 0 },
      RECEIVED: { count: 10, value: 10000 },
      REFUSED: { count: 1, value: 0 },
      RETURNED_TO_OWNER: { count: 4, value: 0 },
    });
  });

  it('what the append path kept equals the backfill of migration 0019', async () => {
    const db = t.core.store.db;
    const read = () => db.selectFrom('report_daily').selectAll().orderBy(['day', 'type', 'agency_id', 'store_id', 'category', 'case_type']).execute();
    const live = await read();
    expect(live.length).toBeGreaterThan(4);
    await sql`DROP TABLE report_daily`.execute(db);
    await up0019(db as never, t.core.store.dialect);
    expect((await read()).map((r) => ({ ...r, n: Number(r.n), v: Number(r.v) }))).toEqual(live.map((r) => ({ ...r, n: Number(r.n), v: Number(r.v) })));
  });
});
