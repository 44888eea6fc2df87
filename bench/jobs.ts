/**
 * `npx tsx bench/jobs.ts [--items N] [--mode sync|jobs]`: long work beside the request path. Times the trail print,
 * labels, the ledger check and an export, and the latency of scans (scan.resolve + item.byCode through dispatch)
 * issued while a full ledger check and a 10,000-row export run. `--mode sync` measures the synchronous methods only
 * (the print methods among them wait for a job in the pool too), `jobs` (default) measures both.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '../electron/core/bootstrap';
import { hashPassword } from '../electron/core/auth/password';
import { seedReferenceData } from '../electron/core/seed/reference-data';
import { seedDemoItems } from '../electron/core/seed/demo-items';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1]! : dflt;
};
const items = Number(arg('--items', '100000'));
const mode = arg('--mode', 'jobs');
const ms = (t0: number) => performance.now() - t0;
const fmt = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'seized-jobs-bench-'));
  const app = await openApp(dir, { createAdmin: false, log: () => {} });
  try {
    await seedReferenceData(app.store.db, new Date().toISOString(), hashPassword('Bench1234'));
    const t0 = performance.now();
    const seeded = await seedDemoItems(app, items);
    console.log(`生成 ${items} 件物品、${seeded.events} 条事件：${fmt(ms(t0))} ms`);
    const tokens = new Map<string, string>();
    const call = async (user: string, m: string, input: unknown) => {
      if (!tokens.has(user)) {
        const r = await app.core.dispatch(null, 'auth.login', { username: user, password: 'Bench1234' });
        if (!r.ok) throw new Error(r.error.message);
        tokens.set(user, (r.data as { token: string }).token);
      }
      const r = await app.core.dispatch(tokens.get(user)!, m, input);
      if (!r.ok) throw new Error(`${m}: ${r.error.message}`);
      return r.data as never;
    };
    const job = async (user: string, input: unknown) => {
      let s = (await call(user, 'job.start', input)) as { jobId: string; state: string };
      while (s.state === 'queued' || s.state === 'running') {
        await new Promise((r) => setTimeout(r, 20));
        s = await call(user, 'job.status', { jobId: s.jobId });
      }
      return call(user, 'job.result', { jobId: s.jobId });
    };
    const timed = async (label: string, fn: () => Promise<unknown>) => {
      const t = performance.now();
      await fn();
      console.log(`${label.padEnd(40)} ${fmt(ms(t))} ms`);
    };
    const codes = (await app.store.db.selectFrom('items').select('code').orderBy('id').limit(2000).execute()).map((r) => r.code);
    /** Scans every 10 ms while `work` runs: latency of scan.resolve + item.byCode through dispatch. */
    const scansDuring = async (label: string, work: () => Promise<unknown>) => {
      const lat: number[] = [];
      let done = false;
      const t = performance.now();
      const w = work().finally(() => (done = true));
      let i = 0;
      while (!done || lat.length < 20) {
        const code = codes[i++ % codes.length]!;
        const s = performance.now();
        await call('zx_bgy', 'scan.resolve', { code });
        await call('zx_bgy', 'item.byCode', { code });
        lat.push(ms(s));
        await new Promise((r) => setTimeout(r, 10));
        if (done && lat.length >= 20) break;
      }
      await w;
      console.log(`${label.padEnd(40)} 任务 ${fmt(ms(t))} ms；扫码 ${lat.length} 次 p50 ${fmt(pct(lat, 50))} ms，p95 ${fmt(pct(lat, 95))} ms，最长 ${fmt(Math.max(...lat))} ms`);
    };
    const ids = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

    await timed('document.itemTrail（同步方法）', () => call('jw_jd', 'document.itemTrail', { itemId: 7 }));
    await timed('label.items 500 张（同步方法）', () => call('zx_bgy', 'label.items', { itemIds: ids(500) }));
    await timed('ledger.verify 全量（同步方法）', () => call('jw_jd', 'ledger.verify', {}));
    await timed('item.export 10,000 行（同步方法）', () => call('jw_jd', 'item.export', { status: ['REGISTERED'] }));
    if (mode === 'sync') {
      await scansDuring('扫码 × 同步全量校验', () => call('jw_jd', 'ledger.verify', {}));
      await scansDuring('扫码 × 同步导出 10,000 行', () => call('jw_jd', 'item.export', { status: ['REGISTERED'] }));
      return;
    }
    await timed('job item.trail（首个任务，含启动线程）', () => job('jw_jd', { kind: 'item.trail', itemId: 8 }));
    await timed('job item.trail', () => job('jw_jd', { kind: 'item.trail', itemId: 9 }));
    await timed('job label.items 1,000 张', () => job('zx_bgy', { kind: 'label.items', itemIds: ids(1000).map((i) => i + 1000), stock: '60x40' }));
    await timed('job ledger.check 全量', () => job('jw_jd', { kind: 'ledger.check', mode: 'full' }));
    await call('zx_bgy', 'label.items', { itemIds: ids(100).map((i) => i + 3000) });
    await timed('job ledger.check 增量（新增 100 条后）', () => job('jw_jd', { kind: 'ledger.check', mode: 'incremental' }));
    await scansDuring('扫码 × 全量校验任务', () => job('jw_jd', { kind: 'ledger.check', mode: 'full' }));
    await scansDuring('扫码 × 导出 10,000 行任务', () => job('jw_jd', { kind: 'item.export', filter: { status: ['REGISTERED'] } }));
    await scansDuring('扫码 × 全量校验 + 导出任务同时', () =>
      Promise.all([job('jw_jd', { kind: 'ledger.check', mode: 'full' }), job('jw_jd', { kind: 'item.export', filter: { status: ['REGISTERED'] } })]),
    );
  } finally {
    await (app.core as { jobs?: { close(): Promise<unknown> } }).jobs?.close();
    await app.store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
