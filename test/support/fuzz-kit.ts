/** Test-only helpers for the fuzz suites: a cheap database fingerprint, leak checks, the seed and the actors. */
import { sql } from 'kysely';
import type { Store } from '../../electron/core/db/database';
import { storedPoliceCase } from '../core/request-fixtures';
import type { TestCore } from './test-core';
import { stringsIn } from './hostile';

/**
 * Tables left out of the fingerprint: ledger_checkpoints is a cache that background ledger checks (jobs) write at
 * any moment; security/attempt tables record refusals on purpose (a refused login is logged, issue 14 part 2).
 */
const UNFINGERPRINTED = /^(ledger_checkpoints|kysely_.*|sqlite_.*|.*security.*|.*attempt.*|.*throttle.*)$/;

async function tableNames(store: Store): Promise<string[]> {
  const rows =
    store.dialect === 'postgres'
      ? await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`.execute(store.db)
      : await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(store.db);
  return rows.rows.map((r) => r.name).filter((n) => !UNFINGERPRINTED.test(n) && !n.startsWith('items_fts')).sort();
}

/** Row counts of every table plus the ledger head, in one query. */
export async function fingerprinter(store: Store): Promise<() => Promise<string>> {
  const names = await tableNames(store);
  const counts = names.map((n) => `(SELECT count(*) FROM ${n}) AS "${n}"`).join(', ');
  const query = sql.raw<Record<string, unknown>>(`SELECT ${counts}, (SELECT seq || ':' || hash FROM ledger_head) AS head`);
  return async () => JSON.stringify((await query.execute(store.db)).rows[0]);
}

/** Words that must never reach a user: stack frames, driver and library names, JS type names, SQL (the product name PostgreSQL may appear in an admin message). */
export const INTERNAL = /\bat\s+[\w.<>]+\s*\(|\.(ts|js|mjs|cjs):\d+|\b(Type|Reference|Range|Syntax)?Error\b|SQLITE|sqlite|postgres(?!ql)|kysely|zod|\bSELECT\b|\bINSERT\b|\bUPDATE\b|undefined|\bnull\b|\bNaN\b|\[object|stack|node_modules|Cannot read/i;

/** The message with every string the caller sent removed, so an echo of the caller's own text is not a leak. */
export function withoutEcho(message: string, input: unknown): string {
  let m = message;
  for (const s of stringsIn(input).filter((x) => x.length >= 2).sort((a, b) => b.length - a.length)) m = m.split(s).join('');
  for (const s of stringsIn(input).map((x) => x.trim()).filter((x) => x.length >= 2)) m = m.split(s).join('');
  return m;
}

export function fuzzSeed(name: string): number {
  const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
  console.log(`${name} seed=${seed} (replay: FUZZ_SEED=${seed})`);
  return seed;
}

/** Users of every role in several agencies; null is an anonymous caller. */
export const ACTORS = ['admin', 'zx_bgy', 'ga_bar', 'ga_sp', 'jc_bar', 'jc_sp', 'jw_jd', null] as const;

/** Some real records for the fuzzed ids to hit: a stored police case and a registered one. */
export async function seedFuzzData(t: TestCore): Promise<void> {
  await storedPoliceCase(t, ['手机', '现金一捆', '笔记本电脑']);
  await t.call('ga_bar', 'case.create', { caseNo: 'A3716002026119999', name: '待入库案', cause: '诈骗' });
}

/** After an accepted job.start, waits until that job has finished, so its writes never land inside a later call. */
export async function settleJob(dispatch: (method: string, input: unknown) => Promise<{ ok: boolean; data?: unknown }>, started: unknown): Promise<void> {
  const jobId = (started as { jobId?: string })?.jobId;
  if (!jobId) return;
  for (let i = 0; i < 100_000; i++) {
    const s = await dispatch('job.status', { jobId });
    const state = s.ok ? (s.data as { state: string }).state : 'failed';
    if (state === 'done' || state === 'failed') return;
    await new Promise((r) => setImmediate(r));
  }
}
