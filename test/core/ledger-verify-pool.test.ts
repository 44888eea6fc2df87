/**
 * ledger.verify on a store with a reader runs its full check in a worker thread (its own read connection), not on the
 * request path; an in-memory store runs the same check in process. Both answer alike.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/test-core';
import { storedPoliceCase } from './request-fixtures';

let t: TestCore | null = null;
let dir = '';
afterEach(async () => {
  await t?.close();
  t = null;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

it('runs in the job pool when there is one, and in process otherwise, with the same answer', { timeout: 120_000 }, async () => {
  const answers = [];
  for (const file of [true, false]) {
    dir = file ? fs.mkdtempSync(path.join(os.tmpdir(), 'verify-pool-')) : '';
    t = await makeTestCore(file ? { sqliteFile: path.join(dir, 'seized.sqlite') } : {});
    await storedPoliceCase(t, ['手机', '电脑']);
    const before = t.core.jobs.threads().pool;
    const v = await t.call('jw_jd', 'ledger.verify', {});
    expect(v.ok).toBe(true);
    // A pooled manager started a worker for the check; in process, none.
    expect(t.core.jobs.threads().pool - before).toBe(t.core.jobs.pooled ? 1 : 0);
    if (file) expect(t.core.jobs.pooled).toBe(true);
    answers.push({ ok: v.ok, events: v.integrity?.events, items: v.integrity?.items });
    await t.close();
    t = null;
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    dir = '';
  }
  expect(answers[0]).toEqual(answers[1]);
});
