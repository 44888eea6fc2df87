/**
 * The interactive lane (jobs/job.lane.ts) on a file-backed store with real worker threads. Large jobs are held at
 * the manager's beforeRun gate after they got their worker, so the order of events is decided by the test, never
 * by timing: with both pool workers taken by a full ledger check and an export, a small label print runs on the
 * extra worker and finishes while both are still running; small jobs go ahead of queued large ones, large ones
 * stay first in, first out, and no small job is refused.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/test-core';
import { createJobManager, type JobManager } from '../../electron/core/jobs/job.manager';
import { isSmallJob, SMALL_LABELS } from '../../electron/core/jobs/job.lane';
import { toSessionUser } from '../../electron/core/auth/session.service';
import type { SessionUser } from '../../electron/core/context';
import type { JobInput, JobKind } from '../../shared/api/job.contract';

let t: TestCore;
let dir: string;
let mgr: JobManager | null = null;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'job-lane-'));
  t = await makeTestCore({ sqliteFile: path.join(dir, 'seized.sqlite') });
});
afterEach(async () => {
  await mgr?.close();
  mgr = null;
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function userOf(username: string): Promise<SessionUser> {
  const db = t.core.store.db;
  return toSessionUser(db, await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow());
}

/** Registers n items in a new case (n ledger events); returns their ids. */
async function register(n: number): Promise<number[]> {
  const c = await t.call('ga_bar', 'case.create', { caseNo: 'A3716002026110088', name: '王某诈骗案', cause: '诈骗' });
  const ids: number[] = [];
  for (let i = 0; i < n; i += 500) {
    const items = await t.call('ga_bar', 'item.register', {
      caseId: c.id,
      seizureDocNo: `滨公（刑）扣字〔2026〕${200 + i}号`,
      seizedAt: '2026-11-19T20:30:00Z',
      seizedBy: '李办案',
      items: Array.from({ length: Math.min(500, n - i) }, (_, k) => ({ name: `手机${i + k + 1}`, category: 'electronics' as const, quantity: 1, unit: '部', source: 'seized' as const })),
    });
    ids.push(...items.map((x) => x.id));
  }
  return ids;
}

type Started = { jobId: string; kind: JobKind; lane: boolean };

/** A manager whose jobs wait at a gate (when `hold` says so) until the test opens it; records the order they got workers. */
function gatedManager(hold: (input: JobInput) => boolean) {
  const started: Started[] = [];
  const gates = new Map<string, () => void>();
  mgr = createJobManager(t.core.store, t.core.config, () => undefined, {
    beforeRun: (jobId, input, lane) => {
      started.push({ jobId, kind: input.kind, lane });
      if (!hold(input)) return;
      return new Promise<void>((r) => gates.set(jobId, r));
    },
  });
  const open = (s: Started | undefined) => {
    if (!s) throw new Error('job not started');
    gates.get(s.jobId)!();
  };
  return { m: mgr, started, open };
}

describe('interactive lane', () => {
  it('classifies one item trail and up to 50 labels as small, everything else as large', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
    expect(isSmallJob({ kind: 'item.trail', itemId: 1 })).toBe(true);
    expect(isSmallJob({ kind: 'label.items', itemIds: ids(SMALL_LABELS), stock: '60x40' })).toBe(true);
    expect(isSmallJob({ kind: 'label.items', itemIds: ids(SMALL_LABELS + 1), stock: '60x40' })).toBe(false);
    expect(isSmallJob({ kind: 'label.locations', locationIds: ids(5), stock: 'a4' })).toBe(true);
    expect(isSmallJob({ kind: 'case.trail', caseId: 1 })).toBe(false);
    expect(isSmallJob({ kind: 'ledger.check', mode: 'full' })).toBe(false);
    expect(isSmallJob({ kind: 'item.export', filter: {} })).toBe(false);
  });

  it('a 5-label print finishes on the extra worker while a full ledger check and an export hold both pool workers', { timeout: 180_000 }, async () => {
    const ids = await register(600);
    const { m, started, open } = gatedManager((input) => !isSmallJob(input));
    const inspector = await userOf('jw_jd');
    const custodian = await userOf('zx_bgy');
    const order: string[] = [];
    const check = m.run(inspector, { kind: 'ledger.check', mode: 'full' }).finally(() => order.push('check'));
    const exp = m.run(inspector, { kind: 'item.export', filter: {} }).finally(() => order.push('export'));
    expect(started).toMatchObject([
      { kind: 'ledger.check', lane: false },
      { kind: 'item.export', lane: false },
    ]);
    // Both pool workers are taken: the small job gets the lane at once instead of queueing.
    const labels = m.run(custodian, { kind: 'label.items', itemIds: ids.slice(0, 5), stock: '60x40' }).finally(() => order.push('labels'));
    expect(started[2]).toMatchObject({ kind: 'label.items', lane: true });
    const file = (await labels).file!;
    expect(Buffer.from(file.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    // Finished while both large jobs are still running (held at their gate).
    expect(order).toEqual(['labels']);
    expect(m.status(inspector, started[0]!.jobId).state).toBe('running');
    expect(m.status(inspector, started[1]!.jobId).state).toBe('running');
    expect(m.threads()).toEqual({ pool: 2, lane: true });

    open(started[0]);
    open(started[1]);
    const [c, e] = await Promise.all([check, exp]);
    expect(c.check).toMatchObject({ ok: true, mode: 'full' });
    expect(c.check!.checked).toBeGreaterThanOrEqual(600);
    expect(e.file?.fileName).toMatch(/\.xlsx$/);
    expect(order[0]).toBe('labels');
    // The lane's worker stays for the next small job; never more than the pool and one extra thread.
    expect(m.threads()).toEqual({ pool: 2, lane: true });
  });

  it('small jobs go ahead of queued large ones, large ones stay FIFO, and no small job is refused', { timeout: 180_000 }, async () => {
    const ids = await register(20);
    const { m, started, open } = gatedManager(() => true);
    const inspector = await userOf('jw_jd');
    const custodian = await userOf('zx_bgy');
    const byKind = (k: JobKind, lane?: boolean) => started.filter((s) => s.kind === k && (lane === undefined || s.lane === lane));
    const label = (n: number) => m.run(custodian, { kind: 'label.items', itemIds: [ids[n]!], stock: '40x30' });

    const a = m.run(inspector, { kind: 'item.export', filter: {} });
    const b = m.run(inspector, { kind: 'ledger.check', mode: 'full' });
    const s1 = label(0); // the lane
    // Queued behind busy workers: two large ones first, then small ones.
    const l3 = m.run(inspector, { kind: 'case.export', filter: {} });
    const l4 = m.run(inspector, { kind: 'event.export', filter: {} });
    const small = [label(1), label(2), m.run(custodian, { kind: 'item.trail', itemId: ids[3]! })];
    expect(started.map((s) => [s.kind, s.lane])).toEqual([
      ['item.export', false],
      ['ledger.check', false],
      ['label.items', true],
    ]);
    expect(m.threads()).toEqual({ pool: 2, lane: true });

    // A pool worker frees up: it takes the first small job, not the large ones that came earlier.
    open(started[1]);
    expect((await b).check?.ok).toBe(true);
    expect(started[3]).toMatchObject({ kind: 'label.items', lane: false });
    // The lane frees up: the next small job.
    open(started[2]);
    await s1;
    expect(started[4]).toMatchObject({ kind: 'label.items', lane: true });
    open(started[3]);
    await small[0];
    expect(started[5]).toMatchObject({ kind: 'item.trail', lane: false });
    open(started[4]);
    open(started[5]);
    const files = await Promise.all(small);
    expect(files.every((r) => r.file?.mime === 'application/pdf')).toBe(true);
    // Only now the large ones, in the order they came.
    expect(byKind('case.export')).toHaveLength(1);
    expect(byKind('event.export')).toHaveLength(0);
    open(started[0]);
    await a;
    open(byKind('case.export')[0]);
    open(byKind('event.export')[0]);
    await Promise.all([l3, l4]);
    const large = started.filter((s) => !s.lane && s.kind !== 'label.items' && s.kind !== 'item.trail').map((s) => s.kind);
    expect(large).toEqual(['item.export', 'ledger.check', 'case.export', 'event.export']);
    // Large jobs never ran on the lane; the threads stayed bounded.
    expect(started.filter((s) => s.lane).every((s) => s.kind === 'label.items' || s.kind === 'item.trail')).toBe(true);
    expect(m.threads()).toEqual({ pool: 2, lane: true });
  });

  it('close() lets each worker finish its warm-up and end itself (terminating mid-draw can crash Node in zlib)', { timeout: 120_000 }, async () => {
    const ids = await register(3);
    const user = await userOf('zx_bgy');
    for (let round = 0; round < 3; round++) {
      mgr = createJobManager(t.core.store, t.core.config, () => undefined);
      // After its first job the worker starts warming up (drawing labels and a trail): close() arrives during it.
      const r = await mgr.run(user, { kind: 'label.items', itemIds: ids, stock: '60x40' });
      expect(r.file?.mime).toBe('application/pdf');
      expect(await mgr.close()).toEqual({ stopped: 1, terminated: 0 });
      mgr = null;
    }
  });
});
