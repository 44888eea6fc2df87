/**
 * Where a registration's time goes: `npx tsx bench/register-profile.ts [--items 50000] [--calls 20] [--drop trigger,…]`.
 * Registers `calls` × 500 items through the real dispatch on a copy of the bench dataset, with every SQL statement
 * timed by its kind (the SQLite work, triggers included), and prints the cost per 10,000 items: SQL by statement,
 * commit (fsync), and the JavaScript rest (Kysely compiling, hashing, DTOs, zod). `--drop` removes triggers in the
 * throwaway copy first, `--exec SQL` runs any other change there (e.g. DROP INDEX), to weigh what they cost.
 */
import { join } from 'node:path';
import { rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, Kysely, SqliteDialect, SqliteDriver, type DatabaseConnection, type SqliteDatabase } from 'kysely';
import { DB_FILE } from '../electron/core/bootstrap';
import { createCore } from '../electron/core/api/dispatch';
import type { Database } from '../electron/core/db/schema';
import type { Store } from '../electron/core/db/database';
import { BENCH_PASSWORD, openDataset } from './dataset';
import { now } from './stats';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1]! : dflt;
};

const post = (s: Session, method: string) => new Promise((ok, fail) => s.post(method, (err, r) => (err ? fail(err) : ok(r))));

/** SQL text → a short kind: the verb and the table. */
function kindOf(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  const m = /^(insert into|update|select .*? from|delete from|with .*? (?:insert into|select))\s*"?([a-z_]+)"?/i.exec(t);
  if (/^(begin|commit|rollback)/i.test(t)) return t.split(' ')[0]!.toLowerCase();
  if (!m) return t.slice(0, 40);
  const verb = m[1]!.toLowerCase().startsWith('select') ? 'select' : m[1]!.toLowerCase().replace(/ into| from/, '');
  return `${verb} ${m[2]}`;
}

/** Wall time and this process's CPU time (user + system) per kind: under load the CPU time is the steadier figure. */
const spent = new Map<string, { ms: number; cpu: number; n: number }>();
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
function timed(kind: string, fn: () => unknown) {
  const t = now();
  const c = cpuMs();
  try {
    return fn();
  } finally {
    const s = spent.get(kind) ?? { ms: 0, cpu: 0, n: 0 };
    s.ms += now() - t;
    s.cpu += cpuMs() - c;
    s.n++;
    spent.set(kind, s);
  }
}

function timingDatabase(raw: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => raw.close(),
    prepare: (text: string) => {
      let stmt = cache.get(text);
      if (!stmt || stmt.busy) cache.set(text, (stmt = raw.prepare(text)));
      const s = stmt;
      const kind = kindOf(text);
      return new Proxy(s, {
        get(target, p) {
          if (p === 'run' || p === 'all' || p === 'get') return (...a: unknown[]) => timed(kind, () => (target[p] as (...x: unknown[]) => unknown).apply(target, a));
          const v = Reflect.get(target, p, target) as unknown;
          return typeof v === 'function' ? (v as (...x: unknown[]) => unknown).bind(target) : v;
        },
      });
    },
  };
}

class Immediate extends SqliteDriver {
  override async beginTransaction(c: DatabaseConnection) {
    await c.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}
class ImmediateDialect extends SqliteDialect {
  constructor(private readonly cfg: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(cfg);
  }
  override createDriver() {
    return new Immediate(this.cfg);
  }
}

async function main() {
  const items = Number(arg('--items', '50000'));
  const calls = Number(arg('--calls', '20'));
  const drop = arg('--drop', '').split(',').filter(Boolean);
  const opened = await openDataset(items);
  await opened.app.store.close();
  const raw = new BetterSqlite3(join(opened.dir, DB_FILE));
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  raw.pragma('synchronous = FULL');
  for (const t of drop) raw.exec(`DROP TRIGGER ${t}`);
  // `--exec SQL`: any other change to the throwaway copy first (e.g. dropping indexes, to weigh them).
  if (process.argv.includes('--exec')) raw.exec(arg('--exec', ''));
  const db = new Kysely<Database>({ dialect: new ImmediateDialect({ database: timingDatabase(raw) }) });
  const store: Store = { db, dialect: 'sqlite', close: () => db.destroy(), backup: () => Promise.reject(new Error('no')) };
  const core = createCore(store, { dataDir: opened.dir, clock: () => new Date(), fontDir: null, anchorKey: null });
  try {
    const login = await core.dispatch(null, 'auth.login', { username: 'ga_bar', password: BENCH_PASSWORD });
    if (!login.ok) throw new Error(login.error.message);
    const token = (login.data as { token: string }).token;
    const call = async (m: string, input: unknown) => {
      const r = await core.dispatch(token, m, input);
      if (!r.ok) throw new Error(`${m}：${r.error.message}`);
      return r.data;
    };
    const kase = (await call('case.create', { caseNo: `PROF${Date.now()}`, name: '剖析专案', cause: '盗窃' })) as { id: number };
    const batch = Array.from({ length: 500 }, (_, k) => ({ name: `测试物品${k}`, category: 'general', quantity: 1, unit: '件', source: 'seized', ownerName: '王某', flags: [] }));
    const register = (b: number) => call('item.register', { caseId: kase.id, seizureDocNo: `测扣字〔2026〕${b}号`, seizedAt: new Date(Date.now() - 60_000).toISOString(), seizedBy: '李办案', items: batch });
    await register(-1);
    spent.clear();
    // `--cpu FILE`: a V8 CPU profile of the measured calls only (open in Chrome DevTools).
    const cpu = process.argv.includes('--cpu') ? new Session() : null;
    if (cpu) {
      cpu.connect();
      await post(cpu, 'Profiler.enable');
      await post(cpu, 'Profiler.start');
    }
    const t = now();
    const c0 = cpuMs();
    for (let b = 0; b < calls; b++) await register(b);
    const total = now() - t;
    const totalCpu = cpuMs() - c0;
    if (cpu) writeFileSync(arg('--cpu', 'register.cpuprofile'), JSON.stringify(((await post(cpu, 'Profiler.stop')) as { profile: unknown }).profile));
    const n = calls * 500;
    const per10k = (ms: number) => (ms * 10_000) / n;
    let sqlMs = 0;
    let sqlCpu = 0;
    const lines = [...spent.entries()].sort((a, b) => b[1].ms - a[1].ms);
    const fmt = (ms: number, cpu: number) => `${per10k(ms).toFixed(0).padStart(6)} ms  CPU ${per10k(cpu).toFixed(0).padStart(5)} ms`;
    console.log(`登记 ${n} 件（${calls} 次 × 500），${(n / total) * 1000 | 0} 件/s；每 10,000 件 ${fmt(total, totalCpu)}${drop.length ? `；已删触发器 ${drop.join(', ')}` : ''}`);
    for (const [k, s] of lines) {
      sqlMs += s.ms;
      sqlCpu += s.cpu;
      if (per10k(s.ms) >= 0.5) console.log(`  ${k.padEnd(30)} ${fmt(s.ms, s.cpu)}  （${s.n} 次）`);
    }
    console.log(`  ${'SQL 合计'.padEnd(28)} ${fmt(sqlMs, sqlCpu)}`);
    console.log(`  ${'JavaScript 其余'.padEnd(27)} ${fmt(total - sqlMs, totalCpu - sqlCpu)}`);
  } finally {
    await db.destroy();
    rmSync(opened.dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
