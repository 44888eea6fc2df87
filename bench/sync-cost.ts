/**
 * `npm run bench:sync`: what synchronous=FULL (the store's setting) costs against NORMAL, per committed custody write.
 * The same journey on a fresh file store for each mode: register an item (REGISTERED event) one call at a time through
 * dispatch, each call its own committed transaction, as a desk does. Prints p50/p95 per commit and writes
 * bench-sync.json. Run it on the machine that will hold the data: the figure is mostly the disk's fsync time.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openSqlite } from '../electron/core/db/database';
import { createCore } from '../electron/core/api/dispatch';
import { hashPassword } from '../electron/core/auth/password';
import { seedReferenceData } from '../electron/core/seed/reference-data';
import { now, pct } from './stats';

const N = Number(process.argv[process.argv.indexOf('--writes') + 1]) || 300;
const PASSWORD = 'Bench-Pass-1';

async function run(mode: 'FULL' | 'NORMAL') {
  const dir = mkdtempSync(join(tmpdir(), `seized-sync-${mode}-`));
  const store = openSqlite(join(dir, 'store.db'), { synchronous: mode });
  try {
    await migrate(store);
    await seedReferenceData(store.db, new Date().toISOString(), hashPassword(PASSWORD));
    const core = createCore(store, { dataDir: dir, clock: () => new Date() }, () => {});
    const login = await core.dispatch(null, 'auth.login', { username: 'ga_bar', password: PASSWORD });
    if (!login.ok) throw new Error(login.error.message);
    const token = (login.data as { token: string }).token;
    const c = await core.dispatch(token, 'case.create', { caseNo: `A${mode}0001`, name: '基准案件' });
    if (!c.ok) throw new Error(c.error.message);
    const caseId = (c.data as { id: number }).id;
    const times: number[] = [];
    for (let i = 0; i < N + 10; i++) {
      const t = now();
      const r = await core.dispatch(token, 'item.register', {
        caseId, seizureDocNo: `D-${i}`, seizedAt: new Date().toISOString(), seizedBy: '基准',
        items: [{ name: `物品${i}`, category: 'general', quantity: 1, unit: '件', source: 'seized' }],
      });
      if (!r.ok) throw new Error(r.error.message);
      if (i >= 10) times.push(now() - t); // the first ten warm the caches
    }
    await core.jobs.close();
    return { mode, writes: N, p50: pct(times, 50), p95: pct(times, 95), mean: times.reduce((a, b) => a + b, 0) / times.length };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const normal = await run('NORMAL');
const full = await run('FULL');
const rows = [normal, full].map((r) => ({ ...r, p50: +r.p50.toFixed(2), p95: +r.p95.toFixed(2), mean: +r.mean.toFixed(2) }));
console.table(rows);
const extra = full.mean - normal.mean;
console.log(`synchronous=FULL 每次提交多 ${extra.toFixed(2)} ms（均值 ${normal.mean.toFixed(2)} → ${full.mean.toFixed(2)} ms，×${(full.mean / normal.mean).toFixed(2)}）`);
writeFileSync('bench-sync.json', JSON.stringify({ at: new Date().toISOString(), rows, extraMsPerCommit: +extra.toFixed(2) }, null, 2));
