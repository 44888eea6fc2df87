/** Recomputes the hash chain in keyset pages, so memory stays flat however long the ledger is. */
import type { Kysely } from 'kysely';
import type { Database, EventRow } from '../db/schema';
import { GENESIS_HASH, hashEvent } from './ledger.canonical';

export type BreakKind = 'altered' | 'missing' | 'inserted';
export type VerifyResult = {
  ok: boolean;
  /** Events verified by this run (an incremental run counts only those after its checkpoint). */
  checked: number;
  headSeq: number;
  headHash: string;
  /** Id of the last event verified (the head's event when ok): where the next incremental check starts. */
  lastEventId: number | null;
  firstBreak: { eventId: number | null; seq: number; kind: BreakKind; message: string } | null;
};

/** A verified point of the chain: event `eventId` has `seq` and `hash`. */
export type ChainPoint = { eventId: number; seq: number; hash: string };

const KIND_LABEL: Record<BreakKind, string> = { altered: '被篡改', missing: '缺失', inserted: '被插入' };

/**
 * Verifies the chain from the genesis, or (`from`) only the events after a verified checkpoint. Physical order (id)
 * is independent of the chained seq, so renumbered rows show up too. Run it on one snapshot (a read transaction).
 */
export async function verifyLedger(
  db: Kysely<Database>,
  opts: { pageSize?: number; onProgress?: (checked: number) => unknown; from?: ChainPoint | null } = {},
): Promise<VerifyResult> {
  const pageSize = opts.pageSize ?? 2000;
  const head = await db.selectFrom('ledger_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  const from = opts.from ?? null;
  let prevHash = from ? from.hash : GENESIS_HASH;
  let expectedSeq = from ? from.seq + 1 : 1;
  let checked = 0;
  let afterId = from ? from.eventId : 0;
  let lastEventId: number | null = from ? from.eventId : null;
  const fail = (e: EventRow | null, seq: number, kind: BreakKind, why: string): VerifyResult => ({
    ok: false,
    checked,
    headSeq: head.seq,
    headHash: head.hash,
    lastEventId,
    firstBreak: { eventId: e?.id ?? null, seq, kind, message: `第 ${seq} 号事件${KIND_LABEL[kind]}：${why}` },
  });

  if (from) {
    // The checkpoint's own event must still be what was verified; anything earlier is the full check's job.
    const cp = await db.selectFrom('custody_events').selectAll().where('id', '=', from.eventId).executeTakeFirst();
    if (!cp || cp.seq !== from.seq || cp.hash !== from.hash || hashEvent(cp) !== cp.hash) {
      return fail(cp ?? null, from.seq, 'altered', '与上次校验点记录的不符，请运行全量校验');
    }
  }

  for (;;) {
    const rows = await db.selectFrom('custody_events').selectAll().where('id', '>', afterId).orderBy('id').limit(pageSize).execute();
    for (let i = 0; i < rows.length; i++) {
      const e = rows[i]!;
      if (hashEvent(e) !== e.hash) return fail(e, expectedSeq, 'altered', '内容与其哈希不符');
      if (e.seq < expectedSeq || (e.seq === expectedSeq && e.prev_hash !== prevHash)) {
        return fail(e, expectedSeq, 'inserted', '不在原有链上');
      }
      if (e.seq > expectedSeq) return fail(e, expectedSeq, 'missing', `链在第 ${expectedSeq - 1} 号之后断开`);
      prevHash = e.hash;
      lastEventId = e.id;
      expectedSeq++;
      checked++;
    }
    if (rows.length > 0) afterId = rows[rows.length - 1]!.id;
    await opts.onProgress?.(checked);
    if (rows.length < pageSize) break;
  }
  const lastSeq = expectedSeq - 1;
  if (head.seq !== lastSeq || head.hash !== prevHash) {
    if (head.seq > lastSeq) return fail(null, lastSeq + 1, 'missing', `链头记录有 ${head.seq} 条，实有 ${lastSeq} 条`);
    if (lastSeq > head.seq) return fail(null, head.seq + 1, 'inserted', `链头之后多出 ${lastSeq - head.seq} 条`);
    return fail(null, head.seq, 'altered', '链头与最后一条事件不符');
  }
  return { ok: true, checked, headSeq: head.seq, headHash: head.hash, lastEventId, firstBreak: null };
}
