/** A fresh in-memory core with the demo agencies, users and locations, for service tests. */
import pg from 'pg';
import { sql } from 'kysely';
import { openPostgres, openSqlite, migrate, type Store } from '../../electron/core/db/database';
import { createCore, type Core } from '../../electron/core/api/dispatch';
import type { CoreConfig } from '../../electron/core/context';
import { hashPassword } from '../../electron/core/auth/password';
import { seedReferenceData } from '../../electron/core/seed/reference-data';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/errors';

export const TEST_PASSWORD = 'Passw0rd!';
let cachedHash: string | null = null;

export type TestCore = {
  core: Core;
  /** Mutable clock: tests move time with `clock.set(...)` or `clock.advance(ms)`. */
  clock: { now: Date; set(d: Date | string): void; advance(ms: number): void };
  login(username: string): Promise<string>;
  /** Calls as `username` and returns data, or throws an Error whose `.apiError` is the failure. */
  call<M extends MethodName>(username: string, method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** Calls and returns the failure (fails the test if the call succeeded). */
  fail<M extends MethodName>(username: string, method: M, input: MethodInput<M>): Promise<ApiError>;
  eventCount(): Promise<number>;
  close(): Promise<void>;
};

/** PostgreSQL under `npm run test:pg` (SEIZED_TEST_ENGINE=postgres + TEST_DATABASE_URL): a fresh schema per core, dropped on close. */
export const TEST_PG_URL = (process.env.SEIZED_TEST_ENGINE === 'postgres' && process.env.TEST_DATABASE_URL) || null;
let schemaSeq = 0;

export async function openTestStore(opts: { poolSize?: number; sqliteFile?: string } = {}): Promise<Store> {
  if (!TEST_PG_URL) return openSqlite(opts.sqliteFile ?? ':memory:');
  const schema = `t_${process.pid}_${++schemaSeq}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  try {
    // Extensions are per database: keep pg_trgm in public so dropping a test schema never takes it along.
    await admin.query('CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public').catch(() => undefined);
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  const store = openPostgres(TEST_PG_URL, { schema, max: opts.poolSize ?? 4 });
  return {
    ...store,
    close: async () => {
      await store.close();
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`).finally(() => c.end());
    },
  };
}

export async function makeTestCore(
  opts: { dataDir?: string | null; start?: string; poolSize?: number; /** A file (not :memory:) so jobs run in worker threads. */ sqliteFile?: string; config?: Partial<CoreConfig> } = {},
): Promise<TestCore> {
  const store = await openTestStore({ poolSize: opts.poolSize, sqliteFile: opts.sqliteFile });
  await migrate(store);
  const clock = {
    now: new Date(opts.start ?? '2026-11-20T02:00:00.000Z'),
    set(d: Date | string) {
      clock.now = new Date(d);
    },
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  cachedHash ??= hashPassword(TEST_PASSWORD);
  await seedReferenceData(store.db, clock.now.toISOString(), cachedHash);
  const core = createCore(store, { dataDir: opts.dataDir ?? null, clock: () => clock.now, ...opts.config }, process.env.CORE_LOG ? console.error : () => {});
  const tokens = new Map<string, string>();
  async function login(username: string): Promise<string> {
    const r = await core.dispatch(null, 'auth.login', { username, password: TEST_PASSWORD });
    if (!r.ok) throw new Error(`login ${username}: ${r.error.message}`);
    const token = (r.data as { token: string }).token;
    tokens.set(username, token);
    return token;
  }
  async function tokenOf(username: string) {
    return tokens.get(username) ?? (await login(username));
  }
  return {
    core,
    clock,
    login,
    async call(username, method, input) {
      const r = await core.dispatch(await tokenOf(username), method, input);
      if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.message} ${(r.error.details ?? []).join('; ')}`), { apiError: r.error });
      return r.data as never;
    },
    async fail(username, method, input) {
      const r = await core.dispatch(await tokenOf(username), method, input);
      if (r.ok) throw new Error(`${method} was expected to fail but succeeded`);
      return r.error;
    },
    async eventCount() {
      const r = await store.db.selectFrom('custody_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },
    close: async () => {
      await core.jobs.close();
      await store.close();
    },
  };
}

/** Test-only: lifts the append-only triggers so a test can play the forger (engine-specific, like the triggers). */
export async function unprotectLedger(store: Store): Promise<void> {
  if (store.dialect === 'postgres') {
    await sql`DROP TRIGGER custody_events_append_only ON custody_events`.execute(store.db);
    return;
  }
  await sql`DROP TRIGGER custody_events_no_update`.execute(store.db);
  await sql`DROP TRIGGER custody_events_no_delete`.execute(store.db);
}

/**
 * Test-only: makes registration fail after its item row was inserted, with an unexpected database error (not a
 * constraint conflict): SQLite loses its search table, PostgreSQL refuses every ledger append.
 */
export async function breakRegistration(store: Store): Promise<void> {
  if (store.dialect === 'postgres') await sql`ALTER TABLE custody_events ADD CONSTRAINT test_broken CHECK (seq < 0) NOT VALID`.execute(store.db);
  else await sql`DROP TABLE items_fts`.execute(store.db);
}
