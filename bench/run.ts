/**
 * `npm run bench [-- --items N]`: speed and memory on a realistic store (default 100k items), then the first screen
 * in headless Chromium served by the HTTP host from out/renderer (run `npm run build` first).
 * `npm run bench -- --url http://host:port --user U --password P`: only the first screen, of a server already running.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { openApp } from '../electron/core/bootstrap';
import { hashPassword } from '../electron/core/auth/password';
import { seedReferenceData } from '../electron/core/seed/reference-data';
import { seedDemoItems } from '../electron/core/seed/demo-items';
import { verifyLedger } from '../electron/core/ledger/ledger.verify';
import { createHttpHost } from '../electron/server/http-host';
import { benchFirstScreen } from './first-screen';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const argText = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

async function time<T>(label: string, fn: () => Promise<T>, runs = 1): Promise<T> {
  let out!: T;
  const started = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) out = await fn();
  const ms = Number(process.hrtime.bigint() - started) / 1e6 / runs;
  console.log(`${label.padEnd(44)} ${ms < 10 ? ms.toFixed(2) : ms.toFixed(0)} ms${runs > 1 ? `（${runs} 次平均）` : ''}`);
  return out;
}

async function firstScreen(app: Awaited<ReturnType<typeof openApp>>) {
  const staticDir = resolve('out/renderer');
  if (!existsSync(join(staticDir, 'index.html'))) {
    console.log('首屏测量：跳过（未找到 out/renderer，请先运行 npm run build）');
    return;
  }
  const server = await createHttpHost(app.core, { staticDir });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    await benchFirstScreen({ url, username: 'zx_bgy', password: 'Bench1234', staticDir });
  } finally {
    server.close();
  }
}

async function main() {
  const external = argText('--url');
  if (external) {
    const staticDir = argText('--static');
    await benchFirstScreen({ url: external, username: argText('--user') ?? 'zx_bgy', password: argText('--password') ?? 'Demo1234', staticDir: staticDir && resolve(staticDir) });
    return;
  }
  const items = arg('--items', 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'seized-bench-'));
  const app = await openApp(dir, { createAdmin: false, log: () => {} });
  try {
    await seedReferenceData(app.store.db, new Date().toISOString(), hashPassword('Bench1234'));
    const seeded = await time(`生成 ${items} 件物品（登记+入库+上架）`, () => seedDemoItems(app, items));
    console.log(`  流转事件：${seeded.events} 条`);
    const login = await app.core.dispatch(null, 'auth.login', { username: 'zx_bgy', password: 'Bench1234' });
    if (!login.ok) throw new Error(login.error.message);
    const token = (login.data as { token: string }).token;
    const call = async (m: string, input: unknown) => {
      const r = await app.core.dispatch(token, m, input);
      if (!r.ok) throw new Error(`${m}: ${r.error.message}`);
      return r.data;
    };
    await time('dispatch auth.me', () => call('auth.me', {}), 200);
    await time('item.get', () => call('item.get', { id: Math.ceil(items / 2) }), 200);
    await time('item.list 第一页（50 条）', () => call('item.list', { limit: 50 }), 20);
    await time('item.list 按状态筛选 在库', () => call('item.list', { status: ['IN_STORE'], limit: 50 }), 20);
    await time('item.list 搜索 2 个汉字「手机」', () => call('item.list', { q: '手机', limit: 50 }), 20);
    await time('item.list 搜索 4 个汉字「苹果手机」（trigram）', () => call('item.list', { q: '苹果手机', limit: 50 }), 20);
    await time('item.list 深翻页 offset 90%', () => call('item.list', { offset: Math.floor(items * 0.9), limit: 50 }), 5);
    await time('alert.list 时限预警', () => call('alert.list', {}), 5);
    await time('inbox.counts 待办数', () => call('inbox.counts', {}), 20);
    await time('label.items 50 张标签 PDF（60×40）', () => call('label.items', { itemIds: Array.from({ length: 50 }, (_, i) => i + 1) }), 3);
    await time('document.itemTrail 流转记录 PDF（含全量校验）', () => call('document.itemTrail', { itemId: 7 }), 1);
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const v = await time('verifyLedger 全量校验', () =>
      verifyLedger(app.store.db, { onProgress: () => (peak = Math.max(peak, process.memoryUsage().rss)) }),
    );
    console.log(`  结果：${v.ok ? '通过' : '失败'}，${v.checked} 条；内存 RSS ${mb(rssBefore)} → 峰值 ${mb(peak)}（增长 ${mb(peak - rssBefore)}）`);
    if (!v.ok) process.exitCode = 1;
    await firstScreen(app);
  } finally {
    await app.store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
