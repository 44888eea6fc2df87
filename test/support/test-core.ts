/** A fresh in-memory core with the demo agencies, users and locations, for service tests. */
import { openSqlite, migrate } from '../../electron/core/db/database';
import { createCore, type Core } from '../../electron/core/api/dispatch';
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

export async function makeTestCore(opts: { dataDir?: string | null; start?: string } = {}): Promise<TestCore> {
  const store = openSqlite(':memory:');
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
  const core = createCore(store, { dataDir: opts.dataDir ?? null, clock: () => clock.now }, process.env.CORE_LOG ? console.error : () => {});
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
    close: () => store.close(),
  };
}
