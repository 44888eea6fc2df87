/**
 * 异常清单: items that need an inspector's look, each linking to the item. Every list reads from an index
 * (events_type_time, item_flags, items_status, requests by kind) and shows at most ROW_LIMIT rows with the full count.
 */
import { sql, type ExpressionBuilder, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Ctx } from '../../context';
import type { Database } from '../../db/schema';
import { hoursBetween } from '../../db/dialect';
import { itemScope } from '../../access/visibility';
import type { ExceptionKind, ExceptionRow } from '../../../../shared/api/report.contract';
import { EVENT_TYPE_LABELS, ITEM_STATUS_LABELS, type EventType, type ItemStatus } from '../../../../shared/domain/enums';
import { fmtLocal } from '../custody/custody.lookup';
import { storeWarnings } from '../stocktake/stocktake.warnings';

export const ROW_LIMIT = 500;
const DAY = 86400_000;
type Db = Database & { i: Database['items']; e: Database['custody_events']; c: Database['cases']; a: Database['agencies']; r: Database['requests'] };
type Input = { kind: ExceptionKind; from?: string; to?: string; retentionDays: number; minLoans: number };
type Base = { id: number; code: string; name: string; case_no: string; agency: string };

/** items i + case + holding agency, within the reader's visibility. */
function itemsBase(ctx: Ctx) {
  const db = ctx.db as unknown as Kysely<Db>;
  let q = db.selectFrom('items as i').innerJoin('cases as c', 'c.id', 'i.case_id').innerJoin('agencies as a', 'a.id', 'i.holding_agency_id');
  const scope = itemScope(ctx.user);
  if (scope) q = q.where((eb) => scope(eb as unknown as ExpressionBuilder<Database & { i: Database['items'] }, 'i'>));
  return q;
}
const baseCols = ['i.id as id', 'i.code as code', 'i.name as name', 'c.case_no as case_no', 'a.name as agency'] as const;

async function listed<R extends Base>(ctx: Ctx, q: SelectQueryBuilder<Db, never, R>, order: (r: R) => string, detail: (r: R) => string, since: (r: R) => string | null) {
  const n = await ctx.db.selectFrom(q.as('sub') as never).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = (await q.limit(ROW_LIMIT).execute()).sort((a, b) => order(a).localeCompare(order(b)));
  const out: ExceptionRow[] = rows.map((r) => ({ itemId: r.id, code: r.code, name: r.name, caseNo: r.case_no, agencyName: r.agency, detail: detail(r), since: since(r) }));
  return { total: Number((n as { n: unknown }).n), rows: out };
}

export async function exceptionList(ctx: Ctx, input: Input): Promise<{ kind: ExceptionKind; total: number; rows: ExceptionRow[] }> {
  const to = input.to ?? ctx.now;
  const from = input.from ?? new Date(Date.parse(to) - 365 * DAY).toISOString();
  const base = itemsBase(ctx);
  const asQ = <R>(q: unknown) => q as SelectQueryBuilder<Db, never, R>;
  let r: { total: number; rows: ExceptionRow[] };
  switch (input.kind) {
    case 'lateIntake': {
      // Received more than 24 hours after seizure, in the period.
      const q = base.innerJoin('custody_events as e', 'e.item_id', 'i.id').where('e.type', '=', 'RECEIVED').where('e.occurred_at', '>=', from).where('e.occurred_at', '<', to)
        .where(hoursBetween(ctx.dialect, 'e.occurred_at', 'i.seized_at'), '>', 24).select([...baseCols, 'i.seized_at', 'e.occurred_at']).orderBy('e.occurred_at', 'desc');
      r = await listed(ctx, asQ<Base & { seized_at: string; occurred_at: string }>(q), (x) => x.code, (x) => `扣押 ${fmtLocal(x.seized_at)}，入库 ${fmtLocal(x.occurred_at)}`, (x) => x.occurred_at);
      break;
    }
    case 'overdueLoan': {
      const q = base.innerJoin('request_items as ri', 'ri.item_id', 'i.id').innerJoin('requests as r', 'r.id', 'ri.request_id')
        .where('r.kind', '=', 'loan').where('r.status', '=', 'in_progress').where('i.status', '=', 'ON_LOAN').where('r.due_at', '<', ctx.now)
        .select([...baseCols, 'r.request_no', 'r.due_at', 'i.out_with']).orderBy('r.due_at');
      r = await listed(ctx, asQ<Base & { request_no: string; due_at: string; out_with: string | null }>(q), (x) => x.due_at, (x) => `${x.request_no}${x.out_with ? `（${x.out_with}）` : ''} 应于 ${fmtLocal(x.due_at)} 归还`, (x) => x.due_at);
      break;
    }
    case 'repeatedLoan': {
      const q = base.innerJoin('custody_events as e', 'e.item_id', 'i.id').where('e.type', '=', 'CHECKED_OUT').where('e.occurred_at', '>=', from).where('e.occurred_at', '<', to)
        .select([...baseCols, (eb) => eb.fn.countAll<number>().as('loans'), (eb) => eb.fn.max('e.occurred_at').as('last')])
        .groupBy(['i.id', 'i.code', 'i.name', 'c.case_no', 'a.name']).having((eb) => eb.fn.countAll(), '>=', input.minLoans);
      r = await listed(ctx, asQ<Base & { loans: number; last: string }>(q), (x) => x.code, (x) => `期内调用 ${Number(x.loans)} 次，最近一次 ${fmtLocal(x.last)}`, (x) => x.last);
      break;
    }
    case 'loanDiscrepancy': {
      const q = base.innerJoin('custody_events as e', 'e.item_id', 'i.id').innerJoin('requests as r', 'r.id', 'e.request_id')
        .where('e.type', '=', 'DISCREPANCY').where('e.occurred_at', '>=', from).where('e.occurred_at', '<', to).where('r.kind', '=', 'loan')
        .select([...baseCols, 'e.note', 'e.occurred_at']).orderBy('e.occurred_at', 'desc');
      r = await listed(ctx, asQ<Base & { note: string | null; occurred_at: string }>(q), (x) => x.occurred_at, (x) => x.note ?? '归还有差异', (x) => x.occurred_at);
      break;
    }
    case 'unsealed': {
      // Flagged 'unsealed' (item_flags) and not sealed again; since: the last UNSEALED event.
      const q = base.innerJoin('item_flags as f', 'f.item_id', 'i.id').where('f.flag', '=', 'unsealed').where('i.status', 'not in', ['RETURNED', 'SOLD', 'DESTROYED', 'CONFISCATED', 'HANDED_OVER'])
        .select([...baseCols, 'i.status', 'i.seal_no', sql<string | null>`(SELECT MAX(u.occurred_at) FROM custody_events u WHERE u.item_id = i.id AND u.type = 'UNSEALED')`.as('at')]);
      r = await listed(ctx, asQ<Base & { status: string; seal_no: string | null; at: string | null }>(q), (x) => x.at ?? '', (x) => `${x.at ? `${fmtLocal(x.at)} 启封` : '已启封'}${x.seal_no ? `（原封签号「${x.seal_no}」）` : ''}，至今未重新封存；当前状态：${ITEM_STATUS_LABELS[x.status as ItemStatus]}`, (x) => x.at);
      break;
    }
    case 'noRulingNo': {
      const q = base.innerJoin('custody_events as e', 'e.item_id', 'i.id').where('e.type', 'in', ['RETURNED_TO_OWNER', 'SOLD', 'DESTROYED', 'CONFISCATED', 'HANDED_OVER'])
        .where('e.occurred_at', '>=', from).where('e.occurred_at', '<', to).where((eb) => eb.or([eb('e.legal_doc_no', 'is', null), eb('e.legal_doc_no', 'not like', '%号%')]))
        .select([...baseCols, 'e.type', 'e.occurred_at', 'e.legal_doc_no']).orderBy('e.occurred_at', 'desc');
      r = await listed(ctx, asQ<Base & { type: string; occurred_at: string; legal_doc_no: string | null }>(q), (x) => x.occurred_at, (x) => `${fmtLocal(x.occurred_at)} 处置（${EVENT_TYPE_LABELS[x.type as EventType]}），依据「${x.legal_doc_no ?? '无'}」不含判决书/裁定书文号`, (x) => x.occurred_at);
      break;
    }
    case 'retention': {
      // Held, and no event on the item or its case since the threshold.
      const cutoff = new Date(Date.parse(ctx.now) - input.retentionDays * DAY).toISOString();
      const q = base.where('i.status', 'in', ['IN_STORE', 'PENDING_DISPOSITION', 'EXTERNAL_CUSTODY']).where('i.created_at', '<', cutoff)
        .where(sql<boolean>`NOT EXISTS (SELECT 1 FROM custody_events m WHERE m.item_id = i.id AND m.occurred_at >= ${cutoff} AND m.type NOT IN ('COUNTED', 'RECEIPT_PRINTED'))`)
        .where(sql<boolean>`NOT EXISTS (SELECT 1 FROM custody_events m WHERE m.case_id = i.case_id AND m.occurred_at >= ${cutoff} AND m.type NOT IN ('COUNTED', 'RECEIPT_PRINTED'))`)
        .select([...baseCols, sql<string | null>`(SELECT MAX(m.occurred_at) FROM custody_events m WHERE m.item_id = i.id AND m.type NOT IN ('COUNTED', 'RECEIPT_PRINTED'))`.as('last')]);
      r = await listed(ctx, asQ<Base & { last: string | null }>(q), (x) => x.last ?? '', (x) => `超过 ${input.retentionDays} 天无流转${x.last ? `，最近一次流转 ${fmtLocal(x.last)}` : ''}`, (x) => x.last);
      break;
    }
    case 'notCounted': {
      const rows = (await storeWarnings(ctx)).filter((w) => w.kind === 'NOT_COUNTED');
      r = { total: rows.length, rows: rows.map((w) => ({ itemId: null, code: `STORE-${w.storeId}`, name: w.storeName, caseNo: null, agencyName: null, detail: w.message, since: null })) };
      break;
    }
  }
  return { kind: input.kind, ...r };
}
