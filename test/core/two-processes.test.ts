/**
 * Two programs writing one data folder at once (a server and the CLI, issue 9): every call either succeeds, or
 * gets the busy message; never 「数据已被他人修改」 and never 「系统内部错误」.
 * The SQLite error classification is checked against every BUSY/LOCKED variant too.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '../../electron/core/bootstrap';
import { hashPassword } from '../../electron/core/auth/password';
import { seedReferenceData } from '../../electron/core/seed/reference-data';
import { verifyLedger } from '../../electron/core/ledger/ledger.verify';
import { classifyDbError } from '../../electron/core/api/dispatch';
import { MSG } from '../../shared/messages';
import { TEST_PG_URL } from '../support/test-core';

type Outcome = { method: string; ok: boolean; code?: string; message?: string };

function writer(dataDir: string, name: string, rounds: number): Promise<Outcome[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/core/support/writer-process.ts', dataDir, name, String(rounds)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!) as Outcome[]) : reject(new Error(`writer ${name} exited ${code}: ${err}`))));
  });
}

describe('writes across processes (SQLite)', () => {
  // A data folder is always SQLite: the PostgreSQL run of the suite has nothing to add here.
  it.skipIf(TEST_PG_URL)('two processes register at once: every call succeeds or is told the database is busy, and the ledger verifies', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'seized-2proc-'));
    const setup = await openApp(dataDir, { createAdmin: false, log: () => {} });
    await seedReferenceData(setup.store.db, new Date().toISOString(), hashPassword('Demo1234'));
    await setup.store.close();

    const rounds = 30;
    const [a, b] = await Promise.all([writer(dataDir, 'P', rounds), writer(dataDir, 'Q', rounds)]);
    const all = [...a, ...b];
    const failures = all.filter((o) => !o.ok);
    // Waiting on the lock (busy_timeout after BEGIN IMMEDIATE) lets every call through on this load.
    for (const f of failures) expect({ code: f.code, message: f.message }).toEqual({ code: 'BUSY', message: MSG.busyRetry });
    expect(all.filter((o) => o.ok && o.method === 'item.register').length).toBe(2 * rounds - failures.length);
    expect(failures.length).toBe(0);

    const check = await openApp(dataDir, { createAdmin: false, log: () => {} });
    try {
      const n = await check.store.db.selectFrom('items').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(2 * rounds * 50);
      expect((await verifyLedger(check.store.db)).ok).toBe(true);
    } finally {
      await check.store.close();
    }
  }, 120_000);

  it('maps every busy and locked variant to busy, uniqueness to conflict, anything else to neither', () => {
    for (const code of ['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_BUSY_RECOVERY', 'SQLITE_BUSY_TIMEOUT', 'SQLITE_LOCKED', 'SQLITE_LOCKED_SHAREDCACHE', '40001', '40P01', '55P03']) {
      expect(classifyDbError(Object.assign(new Error('x'), { code }))).toBe('busy');
    }
    for (const code of ['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY', '23505']) expect(classifyDbError(Object.assign(new Error('x'), { code }))).toBe('conflict');
    for (const e of [new Error('x'), Object.assign(new Error('x'), { code: 'SQLITE_IOERR' }), null, undefined]) expect(classifyDbError(e)).toBeNull();
  });
});
