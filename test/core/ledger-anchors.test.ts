/** Issue 12 part 6: item rows against the ledger, the append-only triggers, signed checkpoints, checking paper. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore, unprotectLedger, type TestCore } from '../support/test-core';
import { loadOrCreateAnchorKey } from '../../electron/core/ledger/anchor.key';
import { guardLedger, missingTriggers } from '../../electron/core/ledger/ledger.integrity';
import { hashEvent } from '../../electron/core/ledger/ledger.canonical';
import { verifyLedger } from '../../electron/core/ledger/ledger.verify';
import { checkpointQr } from '../../shared/api/anchor.schemas';

let t: TestCore;
beforeEach(async () => {
  t = await makeTestCore();
  // The signing key: a file outside the database, made on first use.
  t.core.config.anchorKey = loadOrCreateAnchorKey(join(mkdtempSync(join(tmpdir(), 'anchor-')), 'keys', 'ledger-anchor.key'));
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

/** The forger: rewrites event `seq` (its note) and re-hashes every later event and ledger_head, so the chain verifies. */
async function rewriteTail(seq: number) {
  const db = t.core.store.db;
  await unprotectLedger(t.core.store);
  const rows = await db.selectFrom('custody_events').selectAll().where('seq', '>=', seq).orderBy('seq').execute();
  let prev = rows[0]!.prev_hash;
  for (const [i, r] of rows.entries()) {
    const next = { ...r, note: i === 0 ? '改写过的记录' : r.note, prev_hash: prev };
    next.hash = hashEvent(next);
    await db.updateTable('custody_events').set({ note: next.note, prev_hash: next.prev_hash, hash: next.hash }).where('id', '=', r.id).execute();
    prev = next.hash;
  }
  await db.updateTable('ledger_head').set({ hash: prev }).where('id', '=', 1).execute();
}

describe('verify: the item rows against the ledger', () => {
  it('reports a holding_agency_id changed through raw SQL, with the event that last set it', async () => {
    const [a, b] = await register(2);
    const full = await t.call('jw_jd', 'ledger.verify', {});
    expect(full.ok).toBe(true);
    expect(full.integrity).toMatchObject({ items: 2, mismatches: [], missingTriggers: [] });

    const court = await t.core.store.db.selectFrom('agencies').select('id').where('code', '=', '371600FY').executeTakeFirstOrThrow();
    await sql`UPDATE items SET holding_agency_id = ${court.id} WHERE id = ${b!.id}`.execute(t.core.store.db);
    await sql`UPDATE items SET status = 'RETURNED' WHERE id = ${a!.id}`.execute(t.core.store.db);
    const r = await t.call('jw_jd', 'ledger.verify', {});
    // The chain itself is intact: only the replay finds it.
    expect(r.ok).toBe(true);
    const reg = await t.core.store.db.selectFrom('custody_events').select(['item_id', 'seq']).where('type', '=', 'REGISTERED').execute();
    const seqOf = (id: number) => reg.find((e) => e.item_id === id)!.seq;
    expect(r.integrity!.mismatches).toEqual([
      expect.objectContaining({ code: a!.code, field: 'status', row: 'RETURNED', ledger: 'REGISTERED', eventSeq: seqOf(a!.id) }),
      expect.objectContaining({ code: b!.code, field: 'holding_agency_id', row: court.id, ledger: b!.holdingAgencyId, eventSeq: seqOf(b!.id) }),
    ]);
    expect(r.integrity!.mismatches[1]!.message).toContain(`账本第 ${seqOf(b!.id)} 号事件设定为`);
  });

  it('reports a dropped append-only trigger; start-up restores it and records that it did', async () => {
    await register(1);
    await unprotectLedger(t.core.store);
    const missing = await missingTriggers(t.core.store.db, t.core.store.dialect);
    expect(missing.length).toBeGreaterThan(0);
    expect((await t.call('jw_jd', 'ledger.verify', {})).integrity!.missingTriggers).toEqual(missing);

    const logged: string[] = [];
    expect(await guardLedger(t.core.store.db, t.core.store.dialect, t.clock.now.toISOString(), (m) => logged.push(m))).toEqual(missing);
    expect(logged[0]).toContain('已恢复');
    expect(await missingTriggers(t.core.store.db, t.core.store.dialect)).toEqual([]);
    const log = await t.core.store.db.selectFrom('integrity_log').selectAll().execute();
    expect(log).toEqual([expect.objectContaining({ kind: 'trigger_restored', detail: expect.stringContaining(missing[0]!) })]);
    await expect(sql`UPDATE custody_events SET note = 'x' WHERE seq = 1`.execute(t.core.store.db)).rejects.toThrow(/append-only/);
    // Nothing missing: nothing restored, nothing logged.
    expect(await guardLedger(t.core.store.db, t.core.store.dialect, t.clock.now.toISOString(), () => undefined)).toEqual([]);
  });
});

describe('signed checkpoints', () => {
  it('a tail rewritten with ledger_head recomputed passes the chain check but not an earlier checkpoint', async () => {
    await register(3);
    const signed = await t.call('jw_jd', 'ledger.anchor.sign', {});
    expect(signed.checkpoint).toMatchObject({ seq: 3, format: 'seized-ledger-checkpoint/1' });
    expect(signed.pdf.mime).toBe('application/pdf');
    expect(JSON.parse(Buffer.from(signed.file.base64, 'base64').toString('utf8'))).toEqual(signed.checkpoint);
    await register(2);
    expect(await t.call('jw_jd', 'ledger.anchor.check', { checkpoints: [signed.checkpoint] })).toEqual([
      expect.objectContaining({ extends: true, signatureOk: true, sameKey: true }),
    ]);
    // A forged checkpoint (another hash, same signature) fails its signature.
    const forged = { ...signed.checkpoint, hash: 'f'.repeat(64) };
    expect((await t.call('jw_jd', 'ledger.anchor.check', { checkpoints: [forged] }))[0]).toMatchObject({ signatureOk: false, extends: false });

    await rewriteTail(2);
    expect((await verifyLedger(t.core.store.db)).ok).toBe(true);
    const [r] = await t.call('jw_jd', 'ledger.anchor.check', { checkpoints: [signed.checkpoint] });
    expect(r).toMatchObject({ extends: false, signatureOk: true, message: expect.stringContaining('第 3 号事件与凭证记录的链头哈希不符') });
    // The checkpoint's QR, scanned, says the same.
    const scanned = await t.call('jw_jd', 'document.check', { text: checkpointQr(signed.checkpoint) });
    expect(scanned).toMatchObject({ kind: 'checkpoint', ok: false });
  });

  it('signing needs the key file', async () => {
    t.core.config.anchorKey = null;
    expect(await t.fail('jw_jd', 'ledger.anchor.sign', {})).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('--anchor-key') });
    expect(await t.call('jw_jd', 'ledger.anchor.list', {})).toEqual([]);
  });
});

describe('checking a printed document', () => {
  it('recomputes the covered events: 与账本一致, or names the changed event', async () => {
    const [item] = await register(2);
    const pdf = await t.call('jw_jd', 'document.itemTrail', { itemId: item!.id });
    const doc = await t.core.store.db.selectFrom('documents').selectAll().where('serial_no', '=', pdf.serialNo!).executeTakeFirstOrThrow();
    const qr = `LEDGER|${pdf.serialNo}|${doc.events_hash}|${doc.event_count}`;
    expect(qr.length).toBeGreaterThan(80);
    expect(await t.call('jw_jd', 'document.check', { text: qr })).toMatchObject({ kind: 'document', ok: true, message: expect.stringContaining('与账本一致'), eventCount: 1 });
    expect(await t.call('jw_jd', 'document.check', { text: pdf.serialNo! })).toMatchObject({ ok: true });
    const head = await t.call('jw_jd', 'ledger.head', {});
    expect(await t.call('jw_jd', 'document.check', { text: `LEDGERHEAD|${head.seq}|${head.hash}` })).toMatchObject({ kind: 'chain_head', ok: true });
    expect(await t.call('jw_jd', 'document.check', { text: 'LZJL-NOPE' })).toMatchObject({ ok: false, message: expect.stringContaining('未找到') });

    const itemSeq = (await t.core.store.db.selectFrom('custody_events').select('seq').where('item_id', '=', item!.id).executeTakeFirstOrThrow()).seq;
    await rewriteTail(itemSeq);
    const r = await t.call('jw_jd', 'document.check', { text: qr });
    expect(r).toMatchObject({ ok: false, changed: [expect.objectContaining({ seq: itemSeq })] });
    expect(r.message).toContain(`第 ${itemSeq} 号事件「登记」已被改写`);
    const h = await t.call('jw_jd', 'document.check', { text: `LEDGERHEAD|${head.seq}|${head.hash}` });
    expect(h).toMatchObject({ ok: false, changed: [expect.objectContaining({ seq: head.seq })] });
  });
});
