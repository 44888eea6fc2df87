/**
 * The writes a job asks for. Jobs read on their own connection; anything they write runs here, on the main
 * connection, in a short write transaction of its own (see runWrite), so no job ever holds the writer.
 */
import type { Ctx } from '../context';
import type { ItemStatus, EventType } from '../../../shared/domain/enums';
import { EVENT_TYPE_LABELS } from '../../../shared/domain/enums';
import { checkTransition } from '../../../shared/domain/item-state';
import { lockWriters } from '../db/dialect';
import { AppError, conflict } from '../errors';
import { applyItemEvent } from '../services/custody/custody';
import { recordIssue, type IssueRecord } from '../documents/issue-document';
import { LABEL_STOCK_NAMES, type LabelStock } from '../documents/label.pdf';
import { recordCheckpoint, type CheckResult } from '../ledger/ledger.check';
import { appendSecurityEvent } from '../services/security/security.log';
import { registerImport, type ImportRegistration } from '../services/import/import.handlers';

/** A write's own progress (an import's registration), reported on the job. */
export type WriteProgress = (done: number, total: number) => void;
import { recordBackup, type BackupRecord } from '../services/backup/backup.store';

/** Items checked up front, named in one refusal; one write transaction per chunk. */
export const LABEL_WRITE_CHUNK = 250;

export async function applyLabelEvents(ctx: Ctx, itemIds: number[], stock: LabelStock, reprint: boolean): Promise<void> {
  const rows = await ctx.db.selectFrom('items').selectAll().where('id', 'in', itemIds).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = itemIds.filter((id) => !byId.has(id));
  if (missing.length) throw new AppError('NOT_FOUND', `物品不存在（ID：${missing.join('、')}）`);
  const refused = labelRefusals(rows);
  if (refused.length) throw conflict(`有 ${refused.length} 件物品不能打印标签`, refused);
  const labelled = new Set(
    (await ctx.db.selectFrom('custody_events').select('item_id').where('item_id', 'in', itemIds).where('type', 'in', ['LABEL_PRINTED', 'LABEL_REPRINTED']).execute()).map((e) => e.item_id),
  );
  for (const id of itemIds) {
    const type: EventType = reprint || labelled.has(id) ? 'LABEL_REPRINTED' : 'LABEL_PRINTED';
    await applyItemEvent(ctx, byId.get(id)!, { type, note: `${EVENT_TYPE_LABELS[type]}（${LABEL_STOCK_NAMES[stock]}）`, payload: { stock } });
  }
}

/** "CODE（name）：why" for every item the state machine does not let print a label. */
export function labelRefusals(rows: Array<{ code: string; name: string; status: string }>): string[] {
  return rows
    .map((r) => ({ r, check: checkTransition(r.status as ItemStatus, 'LABEL_PRINTED') }))
    .filter((x) => !x.check.ok)
    .map(({ r, check }) => `${r.code}（${r.name}）：${check.ok ? '' : check.message}`);
}

export const JOB_WRITES = {
  'backup.record': (ctx: Ctx, r: BackupRecord) => recordBackup(ctx.db, r, ctx.now),
  'document.issue': (ctx: Ctx, r: IssueRecord) => recordIssue(ctx, r),
  'label.apply': async (ctx: Ctx, a: { itemIds: number[]; stock: LabelStock; reprint: boolean }) => {
    await applyLabelEvents(ctx, a.itemIds, a.stock, a.reprint);
    return null;
  },
  /** An import's whole registration in this one write transaction; progress counts on from `base` of `total`. */
  'import.register': (ctx: Ctx, a: { registration: ImportRegistration; base: number; total: number }, progress?: WriteProgress) =>
    registerImport(ctx, a.registration, (d) => progress?.(a.base + d, a.total)),
  'ledger.checkpoint': async (ctx: Ctx, r: CheckResult) => {
    const by = ctx.user.id > 0 ? { id: ctx.user.id, name: ctx.user.displayName } : null;
    await recordCheckpoint(ctx, r, by);
    const note = `${by ? '' : '系统定时校验，'}${r.mode === 'full' ? '全量' : '增量'}校验 ${r.checked} 条：${r.ok ? '通过' : `未通过（${r.firstBreak?.message ?? ''}）`}`;
    await appendSecurityEvent(ctx.db, { kind: 'ledger_check', at: ctx.now, actor: by, client: ctx.client ?? null, detail: { note, ok: r.ok } });
    return null;
  },
};
export type WriteOps = typeof JOB_WRITES;
export type WriteOp = keyof WriteOps;
export type WriteArgs<K extends WriteOp> = Parameters<WriteOps[K]>[1];
export type WriteOut<K extends WriteOp> = Awaited<ReturnType<WriteOps[K]>>;

/**
 * Runs one write op in its own short write transaction on `ctx.db` (the main store), or in the caller's
 * transaction when there already is one. `now` is taken when the write happens.
 */
export async function runWrite<K extends WriteOp>(ctx: Ctx, op: K, args: WriteArgs<K>, progress?: WriteProgress): Promise<WriteOut<K>> {
  const fn = JOB_WRITES[op] as (c: Ctx, a: WriteArgs<K>, p?: WriteProgress) => Promise<WriteOut<K>>;
  const now = ctx.config.clock().toISOString();
  if (ctx.db.isTransaction) return fn({ ...ctx, now }, args, progress);
  return ctx.db.transaction().execute(async (trx): Promise<WriteOut<K>> => {
    await lockWriters(ctx.dialect, trx);
    return fn({ ...ctx, db: trx, now }, args, progress);
  }) as Promise<WriteOut<K>>;
}
