/** Ad-hoc measurements for issue 9 items 2–3 (lists, alerts, search by length, location.list); not part of CI. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '../electron/core/bootstrap';
import { hashPassword } from '../electron/core/auth/password';
import { seedReferenceData } from '../electron/core/seed/reference-data';
import { seedDemoItems } from '../electron/core/seed/demo-items';

const items = Number(process.argv[process.argv.indexOf('--items') + 1] || 100000);

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'seized-measure-'));
  const app = await openApp(dir, { createAdmin: false, log: () => {} });
  try {
    await seedReferenceData(app.store.db, new Date().toISOString(), hashPassword('Bench1234'));
    await seedDemoItems(app, items);
    const login = await app.core.dispatch(null, 'auth.login', { username: 'zx_bgy', password: 'Bench1234' });
    if (!login.ok) throw new Error(login.error.message);
    const token = (login.data as { token: string }).token;
    const call = async (m: string, input: unknown) => {
      const r = await app.core.dispatch(token, m, input);
      if (!r.ok) throw new Error(`${m}: ${r.error.message}`);
      return r.data as Record<string, unknown>;
    };
    const p = async (label: string, fn: (i: number) => Promise<unknown>, runs = 20) => {
      // Wall time, and this process's CPU time (what the call costs on an idle machine; others' load aside).
      const t: number[] = [];
      const c: number[] = [];
      for (let i = 0; i < runs; i++) {
        const s = process.hrtime.bigint();
        const u = process.cpuUsage();
        await fn(i);
        const d = process.cpuUsage(u);
        t.push(Number(process.hrtime.bigint() - s) / 1e6);
        c.push((d.user + d.system) / 1000);
      }
      const q = (xs: number[], x: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(x * xs.length))]!.toFixed(2);
      console.log(`${label.padEnd(40)} wall p50 ${q(t, 0.5)} p95 ${q(t, 0.95)} ms | cpu p50 ${q(c, 0.5)} p95 ${q(c, 0.95)} ms  (${runs} runs)`);
    };
    const deep = await (async () => {
      // the deep page: through cursors when the contract has them, else by offset
      const first = await call('item.list', { limit: 50 });
      return 'next' in first ? { after: Math.floor(items * 0.1) } : { offset: Math.floor(items * 0.9) };
    })();
    await p('item.list first page', () => call('item.list', { limit: 50 }));
    await p('item.list status=IN_STORE', () => call('item.list', { status: ['IN_STORE'], limit: 50 }));
    await p('item.list category=cash', () => call('item.list', { category: ['cash'], limit: 50 }));
    await p('item.list deep page', () => call('item.list', { ...deep, limit: 50 }));
    await p('alert.list', () => call('alert.list', {}), 10);
    await p('location.list', () => call('location.list', {}), 10);
    const q1 = ['手', '机', '刀', '车', '金', '表', '酒', '包'];
    const q2 = ['手机', '现金', '刀具', '电脑', '黄金', '手表', '白酒', '钱包'];
    const q3 = ['苹果手', '笔记本', '人民币', '电动车', '金项链', '管制刀', '摩托车', '茅台酒'];
    const q4 = ['苹果手机', '笔记本电', '电动自行', '黄金项链', '管制刀具', '华为手机', '现金人民', '名贵手表'];
    await p('search 1 char', (i) => call('item.list', { q: q1[i % q1.length], limit: 50 }));
    await p('search 2 chars', (i) => call('item.list', { q: q2[i % q2.length], limit: 50 }));
    await p('search 3 chars', (i) => call('item.list', { q: q3[i % q3.length], limit: 50 }));
    await p('search 4 chars', (i) => call('item.list', { q: q4[i % q4.length], limit: 50 }));
    const code = String((await call('item.get', { id: 1 })).code);
    await p('search code prefix', (i) => call('item.list', { q: code.slice(0, 6 + (i % 5)), limit: 50 }));
    await p('item.byCode', () => call('item.byCode', { code }), 200);
  } finally {
    await app.store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
void main();
