/** The console's user commands clear the login throttle and go to the security log like the admin's screens. */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { runCommand } from '../../electron/cli/commands';
import { makeTestCore, TEST_PASSWORD, type TestCore } from '../support/test-core';

let t: TestCore;
beforeEach(async () => {
  t = await makeTestCore();
  vi.spyOn(console, 'log').mockImplementation(() => {});
});
afterEach(async () => {
  vi.restoreAllMocks();
  await t.close();
});

it('user unlock and reset-password clear the locks and are logged', async () => {
  const app = { core: t.core, store: t.core.store, dataDir: '', databaseUrl: null, firstAdmin: null };
  for (let i = 0; i < 5; i++) await t.core.dispatch(null, 'auth.login', { username: 'fy_bar', password: 'Wrong-pass-1' });
  expect((await t.core.dispatch(null, 'auth.login', { username: 'fy_bar', password: TEST_PASSWORD })).ok).toBe(false);
  expect(await runCommand('user', ['unlock', '--username', 'fy_bar'], app)).toBe(0);
  expect((await t.core.dispatch(null, 'auth.login', { username: 'fy_bar', password: TEST_PASSWORD })).ok).toBe(true);
  expect(await runCommand('user', ['reset-password', '--username', 'fy_bar'], app)).toBe(0);
  const rows = await t.core.store.db.selectFrom('security_events').select(['kind', 'client', 'subject_name']).where('client', '=', 'cli').orderBy('seq').execute();
  expect(rows).toEqual([
    { kind: 'user_unlocked', client: 'cli', subject_name: 'fy_bar' },
    { kind: 'password_reset', client: 'cli', subject_name: 'fy_bar' },
  ]);
});
