/**
 * Crash test (issue 14, part 7): the real HTTP server (electron/server/main.ts on SQLite) is killed with SIGKILL at
 * random moments while two clients register items, CRASH_RUNS times (default 20). Every write the server acknowledged
 * (HTTP 200) must still be there afterwards, and the ledger must verify. CRASH_SEED replays the kill moments.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { openSqlite, migrate } from '../../electron/core/db/database';
import { DB_FILE } from '../../electron/core/bootstrap';
import { hashPassword } from '../../electron/core/auth/password';
import { seedReferenceData } from '../../electron/core/seed/reference-data';
import { verifyLedger } from '../../electron/core/ledger/ledger.verify';
import { TEST_PASSWORD } from '../support/test-core';

const RUNS = Number(process.env.CRASH_RUNS ?? 20);
/** The server entry bundled once (as a packaged build would run it), so each restart is a plain `node` start. */
const BUNDLE = join(process.cwd(), 'out', 'crash-test', 'server.mjs');
const children = new Set<ChildProcess>();
const H = { 'Content-Type': 'application/json', 'X-Seized-Client': '1' };
const dataDir = mkdtempSync(join(tmpdir(), 'seized-crash-'));
beforeAll(async () => {
  await build({ entryPoints: ['electron/server/main.ts'], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: BUNDLE, logLevel: 'error' });
}, 120_000);
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

/** Starts the server on a free port and resolves once it answers. */
async function startServer(): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const child = spawn(process.execPath, [BUNDLE, '--data', dataDir, '--port', String(port), '--static', join(dataDir, 'no-ui')], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SEIZED_LOG_LEVEL: 'silent' },
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start in 60 s')), 60_000);
    child.stdout!.on('data', (b: Buffer) => {
      if (b.toString().includes('已启动')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited early (${code})`)));
  });
  return { child, port };
}

async function post(base: string, method: string, body: unknown, cookie?: string) {
  const res = await fetch(`${base}/api/${method}`, { method: 'POST', headers: cookie ? { ...H, Cookie: cookie } : H, body: JSON.stringify(body) });
  return { res, json: (await res.json()) as { ok: boolean; data: unknown } };
}

describe('crash test', () => {
  it(`loses no acknowledged write across ${RUNS} SIGKILLs under write load`, { timeout: 900_000 }, async () => {
    const seed = Number(process.env.CRASH_SEED ?? Date.now() % 2 ** 31);
    console.log(`crash seed=${seed} (replay: CRASH_SEED=${seed})`);
    const delays = fc.sample(fc.integer({ min: 50, max: 700 }), { seed, numRuns: RUNS });
    const setup = openSqlite(join(dataDir, DB_FILE));
    await migrate(setup);
    await seedReferenceData(setup.db, new Date().toISOString(), hashPassword(TEST_PASSWORD));
    await setup.close();

    const acked = new Set<string>();
    let caseId: number | null = null;
    let seq = 0;
    let killedMidWrite = 0;
    // The next server starts while the current one is under load (SQLite WAL lets two processes share the file),
    // so a run costs the load time rather than a cold start.
    let next = startServer();
    for (let run = 0; run < RUNS; run++) {
      const { child, port } = await next;
      if (run + 1 < RUNS) next = startServer();
      const base = `http://127.0.0.1:${port}`;
      const exited = new Promise((r) => child.on('exit', r));
      const login = await post(base, 'auth.login', { username: 'ga_bar', password: TEST_PASSWORD });
      const cookie = login.res.headers.get('set-cookie')!.split(';')[0]!;
      if (caseId === null) caseId = ((await post(base, 'case.create', { caseNo: 'A3716002026129999', name: '断电测试案', cause: '盗窃' }, cookie)).json.data as { id: number }).id;
      let killed = false;
      const writer = async () => {
        while (!killed) {
          const n = ++seq;
          const body = {
            caseId,
            seizureDocNo: `滨公（刑）扣字〔2026〕${n}号`,
            seizedAt: new Date().toISOString(),
            seizedBy: '李办案',
            items: [1, 2].map((k) => ({ name: `物品${n}-${k}`, category: 'general', quantity: 1, unit: '件', source: 'seized' })),
          };
          try {
            const r = await post(base, 'item.register', body, cookie);
            if (r.res.status === 200) for (const i of r.json.data as { code: string }[]) acked.add(i.code);
          } catch {
            if (killed) killedMidWrite++;
            return; // the server is gone: this write was never acknowledged
          }
        }
      };
      const writers = [writer(), writer()];
      await new Promise((r) => setTimeout(r, delays[run]));
      killed = true;
      child.kill('SIGKILL');
      await Promise.all([...writers, exited]);
    }
    console.log(`crash test: ${RUNS} kills, ${acked.size} acknowledged items, ${killedMidWrite} requests cut off by a kill`);

    const store = openSqlite(join(dataDir, DB_FILE));
    try {
      const codes = new Set((await store.db.selectFrom('items').select('code').execute()).map((r) => r.code));
      const lost = [...acked].filter((c) => !codes.has(c));
      expect(lost).toEqual([]);
      expect(acked.size).toBeGreaterThan(RUNS);
      const v = await verifyLedger(store.db);
      expect(v.ok).toBe(true);
    } finally {
      await store.close();
    }
  });
});
