/** The issue's figures measured in process through the one dispatch, each beside its raw baseline. */
import type { OpenedApp } from '../electron/core/bootstrap';
import { createCore, type Core } from '../electron/core/api/dispatch';
import { verifyLedger } from '../electron/core/ledger/ledger.verify';
import { BENCH_PASSWORD } from './dataset';
import { rawLedgerHash, rawPointSelect, rawRegisterInserts, type openRaw } from './raw';
import { now, pct, sample, type Row } from './stats';

export type Caller = (method: string, input: unknown) => Promise<unknown>;

export async function signIn(app: { core: Core }, username: string): Promise<Caller> {
  const login = await app.core.dispatch(null, 'auth.login', { username, password: BENCH_PASSWORD });
  if (!login.ok) throw new Error(login.error.message);
  const token = (login.data as { token: string }).token;
  return async (m, input) => {
    const r = await app.core.dispatch(token, m, input);
    if (!r.ok) throw new Error(`${m}：${r.error.message}${r.error.details?.length ? `（${r.error.details.join('；')}）` : ''}`);
    return r.data;
  };
}

/** Starts a job and polls it every 50 ms (as the UI does) until it is done; returns its id. */
export async function runJob(call: Caller, input: unknown): Promise<string> {
  let s = (await call('job.start', input)) as { jobId: string; state: string; error: { message: string } | null };
  while (s.state === 'queued' || s.state === 'running') {
    await new Promise((r) => setTimeout(r, 50));
    s = (await call('job.status', { jobId: s.jobId })) as typeof s;
  }
  if (s.state === 'failed') throw new Error(s.error?.message ?? '任务失败');
  return s.jobId;
}

/** Runs a figure; a refusal or error becomes the row's note instead of stopping the bench. */
async function guarded(rows: Row[], figure: string, fn: () => Promise<Omit<Row, 'figure'>>) {
  if (!wanted(figure)) return;
  try {
    rows.push({ figure, ...(await fn()) });
  } catch (e) {
    rows.push({ figure, measure: '', value: null, unit: 'ms', note: `未能测量：${e instanceof Error ? e.message : String(e)}` });
  }
}

const p95Row = (xs: number[], goalMs: number, raw?: Row['raw']): Omit<Row, 'figure'> => {
  const v = pct(xs, 95);
  return { measure: 'p95', value: v, unit: 'ms', raw, goal: { text: `≤ ${goalMs} ms`, met: v <= goalMs }, note: `${xs.length} 次，中位数 ${pct(xs, 50).toFixed(1)} ms` };
};

/** The store a custodian works in (the bench's scans, labels and lists are a 市中心库 custodian's). */
export async function storeOf(app: OpenedApp, username: string): Promise<number> {
  const u = await app.store.db.selectFrom('users').select('store_id').where('username', '=', username).executeTakeFirstOrThrow();
  if (u.store_id === null) throw new Error(`${username} 不是某个库的保管员`);
  return u.store_id;
}

/**
 * Ids of items `username` (a custodian) may handle, spread over the whole id range: kept in their store, or not yet
 * received anywhere. A scan of another store's item would only measure the refusal.
 */
export async function sampleOwnItems(app: OpenedApp, n: number, username = 'zx_bgy'): Promise<{ id: number; code: string }[]> {
  const store = await storeOf(app, username);
  const db = app.store.db;
  const mine = (await db.selectFrom('items').select((eb) => eb.fn.countAll<number>().as('n')).where('store_id', '=', store).executeTakeFirstOrThrow()).n;
  const step = Math.max(1, Math.floor(Number(mine) / n));
  // Every step-th item of the store, by id: one pass over the store's ids, small next to the bench itself.
  const ids = await db.selectFrom('items').select(['id', 'code']).where('store_id', '=', store).orderBy('id').execute();
  return ids.filter((_, k) => k % step === 0).slice(0, n);
}

/** Codes of a sample of the scanning custodian's own items (see sampleOwnItems). */
export async function sampleCodes(app: OpenedApp, n: number): Promise<string[]> {
  const rows = await sampleOwnItems(app, n);
  // Interleaved so consecutive scans land far apart in the file, as a real burst does.
  return rows.map((_, k) => rows[(k * 7919) % rows.length]!.code);
}

/** `--only a,b`: run just the figures whose name contains one of these (all when absent). */
export const wanted = (figure: string) => {
  const i = process.argv.indexOf('--only');
  if (i < 0) return true;
  return process.argv[i + 1]!.split(',').some((w) => figure.includes(w));
};

export async function inProcessFigures(app: OpenedApp, raw: ReturnType<typeof openRaw>, items: number): Promise<{ rows: Row[]; caseId: number }> {
  const rows: Row[] = [];
  const custodian = await signIn(app, 'zx_bgy');
  const officer = await signIn(app, 'ga_bar');
  const codes = await sampleCodes(app, 1000);

  if (wanted('item.byCode')) {
    // item.byCode in process, beside a raw prepared point select of the same codes.
    const rawSel = rawPointSelect(raw, codes);
    const byCode = await sample((i) => custodian('item.byCode', { code: codes[i % codes.length] }), 1000, 50);
    const p95 = pct(byCode, 95);
    rows.push({
      figure: 'item.byCode 进程内',
      measure: 'p95',
      value: p95,
      unit: 'ms',
      raw: { label: '原始预编译点查同一行 p95', value: rawSel.p95 },
      goal: { text: '≤ 1 ms 且 ≤ 3× 原始点查', met: p95 <= 1 && p95 <= 3 * rawSel.p95 },
      note: '1000 次',
    });
    const locCount = Number((await app.store.db.selectFrom('locations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const p50 = pct(byCode, 50);
    rows.push({ figure: `item.byCode 在 ${locCount} 个库位下`, measure: 'p50', value: p50, unit: 'ms', raw: { label: '原始点查 p50', value: rawSel.p50 }, goal: { text: '不随库位数增长（≤ 1 ms）', met: p50 <= 1 } });
  }
  await guarded(rows, 'alert.list 时限预警', async () => p95Row(await sample(() => custodian('alert.list', {}), 5, 1), 50));
  await guarded(rows, 'item.list 第一页含总数', async () => p95Row(await sample(() => custodian('item.list', { limit: 50 }), 10, 1), 30));
  await guarded(rows, 'item.list 按状态筛选', async () => p95Row(await sample(() => custodian('item.list', { status: ['IN_STORE'], limit: 50 }), 10, 1), 30));
  await guarded(rows, 'item.list 深翻页（90% 处）', async () => p95Row(await sample(() => custodian('item.list', { before: Math.max(2, Math.floor(items * 0.1)), limit: 50 }), 5, 1), 30));
  await guarded(rows, 'location.list', async () => p95Row(await sample(() => custodian('location.list', {}), 20, 1), 30));
  const searches: [string, string][] = [['1 个字「机」', '机'], ['2 个字「手机」', '手机'], ['3 个字「苹果手」', '苹果手'], ['4 个字「苹果手机」', '苹果手机'], ['编码前缀', codes[0]!.slice(0, codes[0]!.length - 3)]];
  for (const [label, q] of searches) await guarded(rows, `搜索 ${label}`, async () => p95Row(await sample(() => custodian('item.list', { q, limit: 50 }), 10, 1), 20));

  // Registration: 10,000 items in one case (20 calls of 500), beside raw prepared inserts of the same rows.
  const rawRate = rawRegisterInserts(raw, 10_000);
  let caseId = 0;
  await guarded(rows, 'item.register 吞吐', async () => {
    const kase = (await officer('case.create', { caseNo: `BENCH${Date.now()}`, name: '性能测试专案', cause: '盗窃' })) as { id: number };
    caseId = kase.id;
    const batch = Array.from({ length: 500 }, (_, k) => ({ name: `测试物品${k}`, category: 'general', quantity: 1, unit: '件', source: 'seized', ownerName: '王某', flags: [] }));
    const t = now();
    for (let b = 0; b < 20; b++) await officer('item.register', { caseId, seizureDocNo: `测扣字〔2026〕${b}号`, seizedAt: new Date(Date.now() - 60_000).toISOString(), seizedBy: '李办案', items: batch });
    const rate = (10_000 / (now() - t)) * 1000;
    return { measure: '10,000 件', value: rate, unit: 'items/s', raw: { label: '原始预编译插入', value: rawRate }, goal: { text: '≥ 20000 件/s 且 ≥ 0.3× 原始', met: rate >= 20_000 && rate >= 0.3 * rawRate } };
  });
  // Informational: what the raw floor is made of, per 10,000 items (README 性能, issue 9 registration).
  if (wanted('item.register')) {
    const { rawRegisterBreakdown } = await import('./raw');
    for (const p of rawRegisterBreakdown(raw)) rows.push({ figure: `item.register 分解：${p.what}`, measure: '每 10,000 件', value: p.ms, unit: 'ms', note: p.note });
  }

  // Trails run as the UI runs them: a job in a worker thread, polled until done. Memory: the worker's peak heap and
  // buffers (sampled in the worker), and the whole process's peak RSS (sampled here every 20 ms).
  const trail = async (input: unknown, goalMs: number | null): Promise<Omit<Row, 'figure'>> => {
    const t0 = now();
    const base = process.memoryUsage().rss;
    let rss = base;
    const timer = setInterval(() => (rss = Math.max(rss, process.memoryUsage().rss)), 20);
    try {
      const jobId = await runJob(custodian, input);
      const ms = now() - t0;
      const peak = app.core.jobs.peakBytes(jobId);
      const mb = (b: number) => `${(b / 1048576).toFixed(0)} MB`;
      const note = `任务线程峰值（堆与缓冲区）${peak === null ? '—' : mb(peak)}；进程 RSS 峰值 ${mb(rss)}（开始时 ${mb(base)}）`;
      return { measure: '', value: ms, unit: 'ms', ...(goalMs ? { goal: { text: `≤ ${goalMs} ms`, met: ms <= goalMs } } : {}), note };
    } finally {
      clearInterval(timer);
    }
  };
  // Warm, as in a running host (run.ts prewarms the pool at start, as the hosts do): the median of 3 prints. The
  // cold first print (a fresh job manager: thread boot, module load, fonts) is measured apart and put in the note.
  await guarded(rows, '打印 3 条事件物品的流转记录（后台任务）', async () => {
    const itemId = (await sampleOwnItems(app, 1))[0]!.id;
    const runs = [];
    for (let k = 0; k < 3; k++) runs.push(await trail({ kind: 'item.trail', itemId }, 1000));
    const sorted = runs.map((r) => r.value!).sort((a, b) => a - b);
    const mid = runs.find((r) => r.value === sorted[1])!;
    const fresh = createCore(app.store, app.core.config, () => undefined);
    try {
      const coldCaller = await signIn({ core: fresh }, 'zx_bgy');
      const t0 = now();
      await runJob(coldCaller, { kind: 'item.trail', itemId });
      const cold = now() - t0;
      return { ...mid, measure: '热线程，3 次中位数', note: `3 次：${sorted.map((v) => v.toFixed(0)).join(' / ')} ms；冷启动首次打印（新的任务管理器：起线程、载入模块与字体）${cold.toFixed(0)} ms；${mid.note}` };
    } finally {
      await fresh.jobs.close();
    }
  });
  await guarded(rows, '案件流转记录 10,000 条事件（后台任务）', async () => {
    if (!caseId) throw new Error('登记未成功，无此案件');
    return trail({ kind: 'case.trail', caseId }, 5000);
  });
  const inspector = await signIn(app, 'jw_jd');
  // The period holding the ledger's first `n` events in time, as a period trail (inspector); above 200,000 it comes back in volumes (a zip).
  const periodTrail = async (n: number): Promise<Omit<Row, 'figure'>> => {
    // By time, not by seq: the generated dataset's event times do not rise with seq (a real ledger's do).
    const at = await app.store.db.selectFrom('custody_events').select('occurred_at').orderBy('occurred_at').offset(n).limit(1).executeTakeFirst();
    if (!at) throw new Error(`账本不足 ${n} 条事件`);
    const first = await app.store.db.selectFrom('custody_events').select('occurred_at').orderBy('occurred_at').limit(1).executeTakeFirstOrThrow();
    const t0 = now();
    const base = process.memoryUsage().rss;
    let rss = base;
    const timer = setInterval(() => (rss = Math.max(rss, process.memoryUsage().rss)), 20);
    try {
      const jobId = await runJob(inspector, { kind: 'scope.trail', scope: 'period', from: first.occurred_at, to: at.occurred_at });
      const ms = now() - t0;
      // A large trail comes back as a job file on disk (download), a small one whole (base64).
      const r = (await inspector('job.result', { jobId })) as { file: { base64: string; fileName: string } | null; download?: { fileName: string; bytes: number } };
      const out = r.download ? { fileName: r.download.fileName, bytes: r.download.bytes, where: '磁盘' } : { fileName: r.file!.fileName, bytes: (r.file!.base64.length * 3) / 4, where: 'base64' };
      const peak = app.core.jobs.peakBytes(jobId);
      const st = (await inspector('job.status', { jobId })) as { total: number };
      const mb = (b: number) => `${(b / 1048576).toFixed(0)} MB`;
      const kind = out.fileName.endsWith('.zip') ? `zip（${/共(\d+)册/.exec(out.fileName)?.[1] ?? '?'} 册）` : 'PDF';
      return { measure: `${st.total} 条`, value: ms, unit: 'ms', note: `${kind} ${mb(out.bytes)}（${out.where}）；任务线程峰值 ${peak === null ? '—' : mb(peak)}；进程 RSS 峰值 ${mb(rss)}（开始时 ${mb(base)}）` };
    } finally {
      clearInterval(timer);
    }
  };
  // Above the old 20,000-event cap: the first 100,000 events of the ledger, as a period trail (inspector).
  await guarded(rows, '期间流转记录约 100,000 条事件（后台任务）', () => periodTrail(100_000));
  // Just above one volume (200,000 events): two volumes in one zip.
  await guarded(rows, '期间流转记录分册：约 210,000 条事件（2 册，后台任务）', () => periodTrail(210_000));
  // Above the old one-job limit of 600,000 events (the zip came back as base64): four volumes, written to disk.
  await guarded(rows, '期间流转记录分册：约 610,000 条事件（4 册，任务文件）', async () => {
    const n = (await app.store.db.selectFrom('ledger_head').select('seq').executeTakeFirstOrThrow()).seq;
    if (n < 1_000_000) throw new Error(`账本只有 ${n} 条事件，此项在 100 万件规模测量`);
    return periodTrail(610_000);
  });
  // Sizing a scope before printing (「约 N 条事件，将分 k 册」) runs on the request path.
  await guarded(rows, '分册 trail.scopeSize 单位全部期间', async () => {
    const agency = await app.store.db.selectFrom('agencies').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow();
    return p95Row(await sample(() => inspector('trail.scopeSize', { scope: 'agency', agencyId: agency.id }), 3, 1), 1000);
  });
  await guarded(rows, '分册 trail.scopeSize 期间', async () => {
    const at = await app.store.db.selectFrom('custody_events').select('occurred_at').where('seq', '>=', 210_000).orderBy('seq').limit(1).executeTakeFirst();
    return p95Row(await sample(() => inspector('trail.scopeSize', { scope: 'period', from: '2000-01-01T00:00:00.000Z', to: at?.occurred_at }), 5, 1), 50);
  });
  await guarded(rows, '1000 张标签一个 PDF', async () => {
    // The custodian's own store's items: another store's would be refused (未找到或无权查看).
    const ids = (await sampleOwnItems(app, 1000)).map((r) => r.id);
    if (ids.length < 1000) throw new Error(`本库只有 ${ids.length} 件物品`);
    const t = await sample(() => custodian('label.items', { itemIds: ids }), 1, 0);
    return { measure: '', value: t[0]!, unit: 'ms', goal: { text: '≤ 3000 ms', met: t[0]! <= 3000 } };
  });
  // As the UI prints: a job, in a worker the host started (and warmed) at start-up.
  await guarded(rows, '1000 张标签一个 PDF（后台任务）', async () => {
    const ids = (await sampleOwnItems(app, 1000)).map((r) => r.id);
    await app.core.jobs.prewarm();
    const t0 = now();
    await runJob(custodian, { kind: 'label.items', itemIds: ids, stock: '60x40' });
    const ms = now() - t0;
    return { measure: '', value: ms, unit: 'ms', goal: { text: '≤ 3000 ms', met: ms <= 3000 } };
  });
  await guarded(rows, '全量账本校验', async () => {
    const h = rawLedgerHash(raw);
    const t = now();
    const v = await verifyLedger(app.store.db);
    const ms = now() - t;
    if (!v.ok) throw new Error('账本校验未通过');
    return { measure: `${v.checked} 条`, value: ms, unit: 'ms', raw: { label: `读取并 SHA-256 同样的规范字节（${h.events} 条）`, value: h.ms } };
  });
  return { rows, caseId };
}
