/**
 * Ledger checks with checkpoints. A full check verifies the whole chain; an incremental one only the events after
 * the latest verified checkpoint. Each check reads one snapshot; its checkpoint is written afterwards in a short
 * write transaction by the caller (a job's writes run on the main connection).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { DialectName } from '../db/dialect';
import type { Ctx } from '../context';
import { verifyLedger, type ChainPoint, type VerifyResult } from './ledger.verify';

export type CheckMode = 'full' | 'incremental';
export type CheckResult = VerifyResult & { mode: CheckMode; fromSeq: number };
export type LatestCheck = { seq: number; hash: string; mode: CheckMode; ok: boolean; checked: number; message: string | null; checkedAt: string; checkedBy: string };

/** The latest checkpoint that verified the chain up to it. */
export async function lastVerifiedPoint(db: Kysely<Database>): Promise<ChainPoint | null> {
  const row = await db
    .selectFrom('ledger_checkpoints')
    .select(['event_id', 'seq', 'hash'])
    .where('ok', '=', 1)
    .where('event_id', 'is not', null)
    .orderBy('seq', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && row.event_id !== null ? { eventId: row.event_id, seq: row.seq, hash: row.hash } : null;
}

/** Runs a check on one snapshot of `db` (REPEATABLE READ READ ONLY on PostgreSQL; a read transaction on SQLite). */
export async function checkLedger(
  db: Kysely<Database>,
  dialect: DialectName,
  opts: { mode: CheckMode; onProgress?: (checked: number, total: number) => void | Promise<void> },
): Promise<CheckResult> {
  const tx = db.isTransaction ? null : db.transaction();
  const run = async (trx: Kysely<Database>): Promise<CheckResult> => {
    const from = opts.mode === 'incremental' ? await lastVerifiedPoint(trx) : null;
    const head = await trx.selectFrom('ledger_head').select('seq').where('id', '=', 1).executeTakeFirstOrThrow();
    const total = Math.max(0, head.seq - (from?.seq ?? 0));
    const r = await verifyLedger(trx, { from, onProgress: (n) => opts.onProgress?.(n, total) });
    return { ...r, mode: from ? 'incremental' : 'full', fromSeq: from?.seq ?? 0 };
  };
  if (!tx) return run(db);
  return dialect === 'postgres' ? tx.setIsolationLevel('repeatable read').setAccessMode('read only').execute(run) : tx.execute(run);
}

/** Records a completed check (in the caller's write transaction). `by` null: the server's nightly check. */
export async function recordCheckpoint(ctx: Pick<Ctx, 'db' | 'now'>, r: CheckResult, by: { id: number; name: string } | null): Promise<void> {
  const seq = r.ok ? r.headSeq : (r.firstBreak?.seq ?? r.headSeq);
  await ctx.db
    .insertInto('ledger_checkpoints')
    .values({
      seq,
      event_id: r.ok ? r.lastEventId : null,
      hash: r.ok ? r.headHash : '',
      mode: r.mode,
      ok: r.ok ? 1 : 0,
      checked: r.checked,
      message: r.firstBreak?.message ?? null,
      checked_at: ctx.now,
      checked_by: by?.id ?? null,
      checked_by_name: by?.name ?? '系统定时校验',
    })
    .execute();
}

/** The latest completed check, as a trail cover shows it. */
export async function latestCheck(db: Kysely<Database>): Promise<LatestCheck | null> {
  const r = await db.selectFrom('ledger_checkpoints').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (!r) return null;
  return { seq: r.seq, hash: r.hash, mode: r.mode as CheckMode, ok: r.ok === 1, checked: r.checked, message: r.message, checkedAt: r.checked_at, checkedBy: r.checked_by_name };
}
