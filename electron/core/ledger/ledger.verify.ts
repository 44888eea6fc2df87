/** Recomputes the hash chain in keyset pages, so memory stays flat however long the ledger is. */
import type { Kysely } from 'kysely';
import type { Database, EventRow } from '../db/schema';
import { GENESIS_HASH, hashEvent } from './ledger.canonical';

export type BreakKind = 'altered' | 'missing' | 'inserted';
export type VerifyResult = {
  ok: boolean;
  checked: number;
  headSeq: number;
  headHash: string;
  firstBreak: { eventId: number | null; seq: number; kind: BreakKind; message: string } | null;
};

const KIND_LABEL: Record<BreakKind, string> = { altered: '被篡改', missing: '缺失', inserted: '被插入' };

export async function verifyLedger(
  db: Kysely<Database>,
  opts: { pageSize?: number; onProgress?: (checked: number) => void } = {},
): Promise<VerifyResult> {
  const pageSize = opts.pageSize ?? 2000;
  const head = await db.selectFrom('ledger_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  let afterId = 0;
  const fail = (e: EventRow | null, seq: number, kind: BreakKind, why: string): VerifyResult => ({
    ok: false,
    checked,
    headSeq: head.seq,
    headHash: head.hash,
    firstBreak: { eventId: e?.id ?? null, seq, kind, message: `第 ${seq} 号事件${KIND_LABEL[kind]}：${why}` },
  });

  for (;;) {
    // Physical order (id) is independent of the chained seq, so renumbered rows show up too.
    const rows = await db.selectFrom('custody_events').selectAll().where('id', '>', afterId).orderBy('id').limit(pageSize).execute();
    for (let i = 0; i < rows.length; i++) {
      const e = rows[i]!;
      if (hashEvent(e) !== e.hash) return fail(e, expectedSeq, 'altered', '内容与其哈希不符');
      if (e.seq < expectedSeq || (e.seq === expectedSeq && e.prev_hash !== prevHash)) {
        return fail(e, expectedSeq, 'inserted', '不在原有链上');
      }
      if (e.seq > expectedSeq) return fail(e, expectedSeq, 'missing', `链在第 ${expectedSeq - 1} 号之后断开`);
      prevHash = e.hash;
      expectedSeq++;
      checked++;
    }
    if (rows.length > 0) afterId = rows[rows.length - 1]!.id;
    opts.onProgress?.(checked);
    if (rows.length < pageSize) break;
  }
  if (head.seq !== checked || head.hash !== prevHash) {
    if (head.seq > checked) return fail(null, checked + 1, 'missing', `链头记录有 ${head.seq} 条，实有 ${checked} 条`);
    if (checked > head.seq) return fail(null, head.seq + 1, 'inserted', `链头之后多出 ${checked - head.seq} 条`);
    return fail(null, head.seq, 'altered', '链头与最后一条事件不符');
  }
  return { ok: true, checked, headSeq: head.seq, headHash: head.hash, firstBreak: null };
}
