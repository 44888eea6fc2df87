/** Checkpoints: incremental checks start after the last verified one; a full check still finds older tampering. */
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore, unprotectLedger, type TestCore } from '../support/test-core';
import { migrate } from '../../electron/core/db/database';
import { openTestStore } from '../support/test-core';
import type { SessionUser } from '../../electron/core/context';
import { msUntilNext, scheduleNightlyCheck, type Timer } from '../../electron/core/jobs/nightly';

let t: TestCore;
beforeEach(async () => {
  t = await makeTestCore();
});
afterEach(() => t.close());

async function register(n: number) {
  const c = await t.call('ga_bar', 'case.create', { caseNo: `A3716002026${Math.floor(Math.random() * 1e6)}`, name: '张某盗窃案', cause: '盗窃' });
  return t.call('ga_bar', 'item.register', {
    caseId: c.id,
    seizureDocNo: '滨公（刑）扣字〔2026〕101号',
    seizedAt: '2026-11-19T20:30:00Z',
    seizedBy: '李办案',
    items: Array.from({ length: n }, (_, i) => ({ name: `手机${i + 1}`, category: 'electronics' as const, quantity: 1, unit: '部', source: 'seized' as const })),
  });
}

/** A check as the inspector 吴监督, through the job manager (in process: this store is in memory). */
const check = async (mode: 'full' | 'incremental') => {
  const inspector = (await t.call('jw_jd', 'auth.me', {})) as SessionUser;
  return (await t.core.jobs.run(inspector, { kind: 'ledger.check', mode })).check!;
};

describe('ledger checkpoints', () => {
  it('a tamper before the last checkpoint escapes the incremental check but not the full one', async () => {
    await register(5);
    expect(await check('full')).toMatchObject({ ok: true, mode: 'full', checked: 5 });
    await register(3);
    await unprotectLedger(t.core.store);
    await sql`UPDATE custody_events SET note = '改过' WHERE seq = 2`.execute(t.core.store.db);

    expect(await check('incremental')).toMatchObject({ ok: true, mode: 'incremental', fromSeq: 5, checked: 3 });
    const full = await check('full');
    expect(full).toMatchObject({ ok: false, mode: 'full', firstBreak: { seq: 2, kind: 'altered', message: '第 2 号事件被篡改：内容与其哈希不符' } });
    // The failed check is recorded too, and a trail cover shows it.
    const last = await t.core.store.db.selectFrom('ledger_checkpoints').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(last).toMatchObject({ ok: 0, seq: 2, mode: 'full', message: '第 2 号事件被篡改：内容与其哈希不符', checked_by_name: '吴监督' });
  });

  it('an incremental check finds tampering after the checkpoint, and a forged checkpoint event', async () => {
    await register(4);
    await check('full');
    await register(2);
    await unprotectLedger(t.core.store);
    await sql`UPDATE custody_events SET note = '改过' WHERE seq = 6`.execute(t.core.store.db);
    expect(await check('incremental')).toMatchObject({ ok: false, mode: 'incremental', firstBreak: { seq: 6, kind: 'altered' } });

    await sql`UPDATE custody_events SET note = NULL WHERE seq = 6`.execute(t.core.store.db);
    await sql`UPDATE custody_events SET note = '改过' WHERE seq = 4`.execute(t.core.store.db);
    const r = await check('incremental');
    expect(r).toMatchObject({ ok: false, firstBreak: { seq: 4, kind: 'altered', message: '第 4 号事件被篡改：与上次校验点记录的不符，请运行全量校验' } });
  });

  it('ledger.verify is a full check recorded as a checkpoint', async () => {
    await register(2);
    const v = await t.call('jw_jd', 'ledger.verify', {});
    expect(v).toMatchObject({ ok: true, checked: 2, headSeq: 2 });
    const cp = await t.core.store.db.selectFrom('ledger_checkpoints').selectAll().executeTakeFirstOrThrow();
    expect(cp).toMatchObject({ seq: 2, mode: 'full', ok: 1, checked_at: t.clock.now.toISOString() });
  });
});

describe('nightly check', () => {
  it('schedules the next 02:00 Shanghai time from the clock', () => {
    expect(msUntilNext(new Date('2026-11-20T02:00:00Z'), 2)).toBe(16 * 3600_000); // 10:00 → 02:00 next day
    expect(msUntilNext(new Date('2026-11-20T17:59:00Z'), 2)).toBe(60_000);
    expect(msUntilNext(new Date('2026-11-20T18:00:00Z'), 2)).toBe(24 * 3600_000);
  });

  it('runs a full check when its timer fires, records it as the system, and re-arms for the next night', async () => {
    await register(3);
    const armed: Array<{ fn: () => void; ms: number }> = [];
    const timer: Timer = (fn, ms) => {
      armed.push({ fn, ms });
      return { cancel: () => undefined };
    };
    const nightly = scheduleNightlyCheck(t.core, { timer, log: () => undefined });
    expect(armed.map((a) => a.ms)).toEqual([16 * 3600_000]);
    t.clock.set('2026-11-20T18:00:00Z');
    armed[0]!.fn();
    await nightly.lastRun();
    const cp = await t.core.store.db.selectFrom('ledger_checkpoints').selectAll().executeTakeFirstOrThrow();
    expect(cp).toMatchObject({ mode: 'full', ok: 1, seq: 3, checked_by: null, checked_by_name: '系统定时校验', checked_at: '2026-11-20T18:00:00.000Z' });
    expect(armed.map((a) => a.ms)).toEqual([16 * 3600_000, 24 * 3600_000]);
    nightly.stop();
  });
});

it('0007-ledger-checkpoints creates the checkpoint table on an existing store', async () => {
  const store = await openTestStore();
  try {
    await migrate(store, '0004-holders');
    expect(await migrate(store)).toContain('0007-ledger-checkpoints');
    await store.db
      .insertInto('ledger_checkpoints')
      .values({ seq: 0, event_id: null, hash: '', mode: 'full', ok: 1, checked: 0, message: null, checked_at: '2026-11-20T02:00:00Z', checked_by: null, checked_by_name: '系统定时校验' })
      .execute();
    expect(await store.db.selectFrom('ledger_checkpoints').select(['id', 'ok']).execute()).toEqual([{ id: 1, ok: 1 }]);
  } finally {
    await store.close();
  }
});
