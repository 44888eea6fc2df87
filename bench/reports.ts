/**
 * Report queries at the bench's size (issue 12): report.stats over a year and report.dashboard through dispatch, the
 * period figures from report_daily beside the direct count from the ledger (the way report.stats counted before
 * 0019), and the direct count as a raw prepared statement (no app code).
 * Alone: `npx tsx bench/reports.ts [items] [--events-per-item 5]` (5: 1M items → about 5M events).
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { OpenedApp } from '../electron/core/bootstrap';
import { signIn } from './figures';
import { now, pct, sample, type Row } from './stats';

const YEAR = 365 * 86_400_000;

export async function reportFigures(app: OpenedApp, raw: BetterSqlite3.Database): Promise<Row[]> {
  const rows: Row[] = [];
  const inspector = await signIn(app, 'jw_jd');
  const to = new Date(Date.parse(new Date().toISOString().slice(0, 10)) + 86_400_000 - 8 * 3600_000).toISOString(); // next Shanghai midnight
  const from = new Date(Date.parse(to) - YEAR).toISOString();
  const period = { from, to };
  const types = ['RECEIVED', 'REFUSED', 'CHECKED_OUT', 'CHECKED_IN', 'CUSTODY_TRANSFER_ACCEPTED', 'PHYSICAL_TRANSFER_OUT', 'RETURNED_TO_OWNER', 'SOLD', 'DESTROYED', 'CONFISCATED', 'HANDED_OVER'];
  const direct = raw.prepare(
    `SELECT e.type, COUNT(*) n, SUM(COALESCE(i.cash_amount, i.estimated_value, 0)) v FROM custody_events e JOIN items i ON i.id = e.item_id
     WHERE e.type IN (${types.map(() => '?').join(',')}) AND e.occurred_at >= ? AND e.occurred_at < ? GROUP BY e.type`,
  );
  const daily = raw.prepare(`SELECT type, SUM(n) n, SUM(v) v FROM report_daily WHERE day >= ? AND day < ? AND type IN (${types.map(() => '?').join(',')}) GROUP BY type`);
  const day = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
  const rawDirect = await sample(() => direct.all(...types, from, to), 3, 1);
  const rawDaily = await sample(() => daily.all(day(from), day(to), ...types), 10, 2);
  // The two must agree on the dataset too.
  const a = Object.fromEntries((direct.all(...types, from, to) as Array<{ type: string; n: number }>).map((r) => [r.type, r.n]));
  const b = Object.fromEntries((daily.all(day(from), day(to), ...types) as Array<{ type: string; n: number }>).map((r) => [r.type, r.n]));
  const same = JSON.stringify(a) === JSON.stringify(b);
  rows.push({
    figure: '期内各项（一年）：report_daily',
    measure: 'p50',
    value: pct(rawDaily, 50),
    unit: 'ms',
    raw: { label: '直接按账本事件计数（原始预编译）p50', value: pct(rawDirect, 50) },
    note: same ? `两种算法结果一致：${JSON.stringify(b)}` : `结果不一致！汇总 ${JSON.stringify(b)}，直接 ${JSON.stringify(a)}`,
  });
  const stats = await sample(() => inspector('report.stats', period), 3, 1);
  const size = raw.prepare('SELECT (SELECT seq FROM ledger_head WHERE id = 1) e, (SELECT MAX(id) FROM items) i').get() as { e: number; i: number };
  const at = `${size.i} 件物品、${size.e} 条事件`;
  rows.push(overdueRow(raw, period, (await inspector('report.stats', period)) as { figures: Array<{ key: string; count: number }> }));
  rows.push({ figure: 'report.stats 一年（全部各项与处置到位率）', measure: 'p50', value: pct(stats, 50), unit: 'ms', raw: { label: '仅期内各项的直接计数（原始）', value: pct(rawDirect, 50) }, goal: { text: '≤ 1000 ms', met: pct(stats, 50) <= 1000 }, note: `${stats.length} 次，${at}` });
  rows.push(...keptCounts(raw));
  const dash = await sample(() => inspector('report.dashboard', {}), 3, 1);
  rows.push({ figure: 'report.dashboard 首页图表', measure: 'p50', value: pct(dash, 50), unit: 'ms', goal: { text: '≤ 1000 ms', met: pct(dash, 50) <= 1000 }, note: `${dash.length} 次` });
  return rows;
}

/**
 * 逾期未还调用 over the year: report.stats now reads it from report_daily's LOAN_OVERDUE rows (0023) and the open
 * loans; before, it walked the period's check-outs and looked for each one's check-in (the raw statement here).
 */
function overdueRow(raw: BetterSqlite3.Database, p: { from: string; to: string }, stats: { figures: Array<{ key: string; count: number }> }): Row {
  const walk = raw.prepare(
    `SELECT COUNT(*) n FROM custody_events e JOIN items i ON i.id = e.item_id JOIN requests r ON r.id = e.request_id
     WHERE e.type = 'CHECKED_OUT' AND e.occurred_at < ? AND r.due_at >= ? AND r.due_at < ? AND r.due_at < ?
       AND NOT EXISTS (SELECT 1 FROM custody_events x WHERE x.item_id = e.item_id AND x.seq > e.seq AND x.request_id = r.id AND x.type IN ('CHECKED_IN','LOST_REPORTED') AND x.occurred_at <= r.due_at)`,
  );
  const nowIso = new Date().toISOString();
  const args = [p.to, p.from, p.to, nowIso];
  const t0 = now();
  const direct = (walk.get(...args) as { n: number }).n;
  const ms = now() - t0;
  const kept = stats.figures.find((f) => f.key === 'overdueLoans')?.count;
  return {
    figure: '逾期未还调用（一年）旧算法：遍历期内调用出库逐件查归还（原始）',
    measure: 'once',
    value: ms,
    unit: 'ms',
    note: kept === direct ? `report.stats 现读 report_daily 与在外调用：${kept} 件，与旧算法一致` : `结果不一致！report.stats ${kept}，旧算法 ${direct}`,
  };
}

/**
 * The dashboard's stock figures and location.list's counts from the kept counts (0022) beside the grouping over
 * items they replace (both raw prepared statements), and a check that the two agree on the dataset.
 */
function keptCounts(raw: BetterSqlite3.Database): Row[] {
  const has = raw.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'item_counts'`).get();
  const GONE = `('RETURNED','SOLD','DESTROYED','CONFISCATED','HANDED_OVER','LOST')`;
  const direct = [
    raw.prepare('SELECT status k, COUNT(*) n FROM items GROUP BY status ORDER BY 1'),
    raw.prepare(`SELECT category k, COUNT(*) n FROM items WHERE status NOT IN ${GONE} GROUP BY category ORDER BY 1`),
    raw.prepare(`SELECT holding_agency_id k, COUNT(*) n FROM items WHERE status NOT IN ${GONE} GROUP BY holding_agency_id ORDER BY 1`),
    raw.prepare(`SELECT category k, ROUND(SUM(COALESCE(cash_amount, estimated_value, 0)), 2) n FROM items WHERE status NOT IN ${GONE} AND category IN ('cash','valuables') GROUP BY category ORDER BY 1`),
  ];
  const places = raw.prepare(`SELECT location_id k, COUNT(*) n FROM items WHERE location_id IS NOT NULL AND status IN ('IN_STORE','PENDING_DISPOSITION') GROUP BY location_id ORDER BY 1`);
  const run = (qs: BetterSqlite3.Statement[]) => qs.map((q) => q.all());
  const rawDirect = pct(sampleSync(() => run(direct), 3), 50);
  const rawPlaces = pct(sampleSync(() => places.all(), 3), 50);
  if (!has) return [{ figure: '首页图表在管分组（4 项）', measure: 'p50', value: rawDirect, unit: 'ms', note: '无 item_counts（迁移 0022 之前）：直接按物品表分组' }];
  const kept = [
    raw.prepare('SELECT status k, SUM(n) n FROM item_counts GROUP BY status HAVING SUM(n) > 0 ORDER BY 1'),
    raw.prepare(`SELECT category k, SUM(n) n FROM item_counts WHERE status NOT IN ${GONE} GROUP BY category HAVING SUM(n) > 0 ORDER BY 1`),
    raw.prepare(`SELECT holding_agency_id k, SUM(n) n FROM item_counts WHERE status NOT IN ${GONE} GROUP BY holding_agency_id HAVING SUM(n) > 0 ORDER BY 1`),
    raw.prepare(`SELECT category k, ROUND(SUM(value_fen) / 100.0, 2) n FROM item_counts WHERE status NOT IN ${GONE} AND category IN ('cash','valuables') GROUP BY category ORDER BY 1`),
  ];
  const keptPlaces = raw.prepare(`SELECT location_id k, SUM(n) n FROM location_counts WHERE status IN ('IN_STORE','PENDING_DISPOSITION') GROUP BY location_id HAVING SUM(n) <> 0 ORDER BY 1`);
  const same = JSON.stringify(run(kept)) === JSON.stringify(run(direct));
  const samePlaces = JSON.stringify(keptPlaces.all()) === JSON.stringify(places.all());
  return [
    { figure: '首页图表在管分组（4 项）：item_counts', measure: 'p50', value: pct(sampleSync(() => run(kept), 10), 50), unit: 'ms', raw: { label: '直接按物品表分组（原始预编译）p50', value: rawDirect }, note: same ? '两种算法结果一致' : '结果不一致！' },
    { figure: 'location.list 计数：location_counts', measure: 'p50', value: pct(sampleSync(() => keptPlaces.all(), 10), 50), unit: 'ms', raw: { label: '直接按库位分组（原始预编译）p50', value: rawPlaces }, note: samePlaces ? '两种算法结果一致' : '结果不一致！' },
  ];
}

function sampleSync(fn: () => unknown, runs: number): number[] {
  fn();
  return Array.from({ length: runs }, () => {
    const t0 = now();
    fn();
    return now() - t0;
  });
}

if (process.argv[1]?.endsWith('reports.ts')) {
  const { join } = await import('node:path');
  const { rmSync } = await import('node:fs');
  const { DB_FILE } = await import('../electron/core/bootstrap');
  const { eventsPerItemArg, openDataset } = await import('./dataset');
  const { openRaw } = await import('./raw');
  const { printRow } = await import('./stats');
  const items = process.argv[2] && !process.argv[2].startsWith('--') ? Number(process.argv[2]) : 100_000;
  const { app, dir } = await openDataset(items, console.log, eventsPerItemArg());
  const raw = openRaw(join(dir, DB_FILE));
  try {
    for (const r of await reportFigures(app, raw)) printRow(r);
  } finally {
    raw.close();
    await app.store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
