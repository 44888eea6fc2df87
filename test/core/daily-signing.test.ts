/**
 * The daily signing (issue 12 part 6) driven by an injected clock and timer: the nightly full check and the daily
 * Ed25519 checkpoint happen once per night — not twice when the timer fires a little early, not skipped when it
 * fires late — and each checkpoint verifies against the ledger.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/test-core';
import { loadOrCreateAnchorKey } from '../../electron/core/ledger/anchor.key';
import { checkCheckpoint, signDailyCheckpoint } from '../../electron/core/ledger/anchor.service';
import { scheduleNightlyCheck, type Timer } from '../../electron/core/jobs/nightly';
import type { CheckpointFile } from '../../shared/api/anchor.schemas';

const HOUR = 3600_000;
let t: TestCore;
beforeEach(async () => {
  t = await makeTestCore({ start: '2026-11-20T02:00:00.000Z' }); // 10:00 Shanghai
  t.core.config.anchorKey = loadOrCreateAnchorKey(join(mkdtempSync(join(tmpdir(), 'daily-')), 'keys', 'ledger-anchor.key'));
});
afterEach(() => t.close());

async function registerOne(k: number) {
  await t.login('ga_bar'); // a day later the session has ended
  const c = await t.call('ga_bar', 'case.create', { caseNo: `A37160020261120${k}`, name: `案${k}`, cause: '盗窃' });
  await t.call('ga_bar', 'item.register', {
    caseId: c.id, seizureDocNo: `滨公（刑）扣字〔2026〕${k}号`, seizedAt: t.clock.now.toISOString(), seizedBy: '李办案',
    items: [{ name: '手机', category: 'electronics', quantity: 1, unit: '部', source: 'seized' }],
  });
}

it('checks and signs once per night, early or late timers alike, and every checkpoint verifies', async () => {
  const armed: Array<{ fn: () => void; at: number }> = [];
  const timer: Timer = (fn, ms) => {
    armed.push({ fn, at: t.clock.now.getTime() + ms });
    return { cancel: () => undefined };
  };
  const signed: CheckpointFile[] = [];
  const nightly = scheduleNightlyCheck(t.core, { timer, log: () => undefined, anchor: async () => signed.push(await signDailyCheckpoint(t.core)) });
  // Night 1 fires on time, night 2 half a second early, night 3 forty minutes late (a busy or sleeping machine).
  const drift = [0, -500, 40 * 60_000];
  for (const [night, d] of drift.entries()) {
    await registerOne(night);
    const next = armed[armed.length - 1]!;
    expect(armed).toHaveLength(night + 1); // nothing armed twice
    expect(new Date(next.at).toISOString()).toBe(new Date(Date.parse('2026-11-20T18:00:00.000Z') + night * 24 * HOUR).toISOString()); // 02:00 Shanghai
    t.clock.set(new Date(next.at + d));
    next.fn();
    await nightly.lastRun();
  }
  nightly.stop();
  // The timer armed after night 2 (fired early) points at night 3, not at 02:00 of the same night.
  expect(armed).toHaveLength(4);
  expect(new Date(armed[3]!.at).toISOString()).toBe('2026-11-23T18:00:00.000Z');

  const db = t.core.store.db;
  const checks = await db.selectFrom('ledger_checkpoints').select(['mode', 'ok', 'seq', 'checked_at', 'checked_by']).where('mode', '=', 'full').orderBy('id').execute();
  expect(checks.map((c) => [c.ok, c.checked_by])).toEqual([[1, null], [1, null], [1, null]]);
  const anchors = await db.selectFrom('ledger_anchors').select(['seq', 'reason', 'signed_at']).orderBy('id').execute();
  expect(anchors.map((a) => a.reason)).toEqual(['daily', 'daily', 'daily']);
  // One per Shanghai calendar day.
  const days = anchors.map((a) => new Date(Date.parse(a.signed_at) + 8 * HOUR).toISOString().slice(0, 10));
  expect(days).toEqual(['2026-11-21', '2026-11-22', '2026-11-23']);
  // Each signs the head of that night: the ledger grew in between.
  expect(new Set(anchors.map((a) => a.seq)).size).toBe(3);
  expect(signed.map((s) => s.seq)).toEqual(anchors.map((a) => a.seq));
  for (const s of signed) {
    const r = await checkCheckpoint(db, t.core.config.anchorKey ?? null, s);
    expect(r).toMatchObject({ extends: true, signatureOk: true, sameKey: true });
  }
  // A forged signature does not verify.
  const forged = { ...signed[0]!, signature: signed[1]!.signature };
  expect((await checkCheckpoint(db, t.core.config.anchorKey ?? null, forged)).signatureOk).toBe(false);
});

it('a failed full check signs nothing that night and the next night still runs', async () => {
  const armed: Array<{ fn: () => void; at: number }> = [];
  const timer: Timer = (fn, ms) => {
    armed.push({ fn, at: t.clock.now.getTime() + ms });
    return { cancel: () => undefined };
  };
  await registerOne(1);
  const { unprotectLedger } = await import('../support/test-core');
  await unprotectLedger(t.core.store);
  await t.core.store.db.updateTable('custody_events').set({ note: '改过' }).where('seq', '=', 1).execute();
  const nightly = scheduleNightlyCheck(t.core, { timer, log: () => undefined, anchor: () => signDailyCheckpoint(t.core) });
  t.clock.set(new Date(armed[0]!.at));
  armed[0]!.fn();
  await nightly.lastRun();
  nightly.stop();
  expect(await t.core.store.db.selectFrom('ledger_anchors').selectAll().execute()).toEqual([]);
  expect(armed).toHaveLength(2);
  expect(armed[1]!.at - armed[0]!.at).toBe(24 * HOUR);
});
