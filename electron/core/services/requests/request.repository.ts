/** Reading and writing request rows; request items and their `open` flag. */
import type { Updateable } from 'kysely';
import type { Ctx, SessionUser } from '../../context';
import type { ItemRow, RequestRow, RequestTable } from '../../db/schema';
import { requestDetails, type RequestDetails, type RequestSummaryDto } from '../../../../shared/api/request.contract';
import { REQUEST_STATUS_LABELS, type RequestKind, type RequestStatus, type TransferMode } from '../../../../shared/domain/requests';
import { canSeeRequest, notVisible, requestInUsersStore } from '../../access/visibility';

/** A request row with the names its messages and DTOs need. */
export type RequestView = {
  row: RequestRow;
  details: RequestDetails;
  fromName: string;
  toName: string | null;
  toKind: string | null;
  creatorName: string;
  caseNo: string | null;
  caseName: string | null;
  itemCount: number;
  openItemCount: number;
  /** Display names of the users the row refers to. */
  userNames: Map<number, string>;
};

export const parseDetails = (json: string): RequestDetails => requestDetails.parse(JSON.parse(json || '{}'));

export async function loadRequestRow(ctx: Pick<Ctx, 'db'>, id: number): Promise<RequestRow> {
  const row = await ctx.db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notVisible('申请单');
  return row;
}

export async function toViews(ctx: Pick<Ctx, 'db'>, rows: RequestRow[]): Promise<RequestView[]> {
  if (rows.length === 0) return [];
  const agencies = new Map((await ctx.db.selectFrom('agencies').select(['id', 'name', 'kind']).execute()).map((a) => [a.id, a]));
  const userIds = [...new Set(rows.flatMap((r) => [r.created_by, r.decided_by, r.executed_by, r.accepted_by]).filter((x): x is number => x !== null))];
  const users = new Map((await ctx.db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', userIds).execute()).map((u) => [u.id, u.display_name]));
  const caseIds = [...new Set(rows.map((r) => r.case_id).filter((x): x is number => x !== null))];
  const cases = caseIds.length
    ? new Map((await ctx.db.selectFrom('cases').select(['id', 'case_no', 'name']).where('id', 'in', caseIds).execute()).map((c) => [c.id, c]))
    : new Map<number, { case_no: string; name: string }>();
  const counts = await ctx.db
    .selectFrom('request_items')
    .select(['request_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('open').as('open_n')])
    .where('request_id', 'in', rows.map((r) => r.id))
    .groupBy('request_id')
    .execute();
  const countOf = new Map(counts.map((c) => [c.request_id, { n: Number(c.n), open: Number(c.open_n ?? 0) }]));
  return rows.map((row) => {
    const to = row.to_agency_id ? agencies.get(row.to_agency_id) : undefined;
    const c = row.case_id ? cases.get(row.case_id) : undefined;
    return {
      row,
      details: parseDetails(row.details),
      fromName: agencies.get(row.from_agency_id)?.name ?? '',
      toName: to?.name ?? null,
      toKind: to?.kind ?? null,
      creatorName: users.get(row.created_by) ?? '',
      caseNo: c?.case_no ?? null,
      caseName: c?.name ?? null,
      itemCount: countOf.get(row.id)?.n ?? 0,
      openItemCount: countOf.get(row.id)?.open ?? 0,
      userNames: users,
    };
  });
}

/** One request as a view; with a user, a request they may not see answers like a missing one (reads and writes alike). */
export async function loadView(ctx: Pick<Ctx, 'db'> & { user?: SessionUser }, id: number): Promise<RequestView> {
  const row = await loadRequestRow(ctx, id);
  if (ctx.user && !canSeeRequest(ctx.user, row)) throw notVisible('申请单');
  if (ctx.user && !(await requestInUsersStore({ db: ctx.db, user: ctx.user }, id))) throw notVisible('申请单');
  return (await toViews(ctx, [row]))[0]!;
}

/** Who the request waits for, in Chinese. */
export function waitingFor(v: RequestView): string {
  const r = v.row;
  const status = r.status as RequestStatus;
  if (status === 'pending') return `待${v.fromName}审批`;
  if (status === 'approved') {
    if (r.kind === 'transfer' && r.mode === 'paper') return `待${v.toName}接收确认`;
    return '待保管员扫描执行';
  }
  if (status === 'in_progress') {
    if (r.kind === 'loan') return v.details.pendingExtension ? `调用在外，延期申请待${v.fromName}审批` : '调用在外，待归还入库';
    if (!v.details.receiverDecision) return `待${v.toName}接收确认`;
    if (v.details.receiverDecision === 'rejected') return '接收单位已拒收，待保管员扫描退回入库';
    return '待保管员扫描入库';
  }
  return REQUEST_STATUS_LABELS[status];
}

export function toSummary(v: RequestView): RequestSummaryDto {
  const r = v.row;
  const nameOf = (id: number | null) => (id === null ? null : (v.userNames.get(id) ?? null));
  return {
    id: r.id,
    requestNo: r.request_no,
    kind: r.kind as RequestKind,
    status: r.status as RequestStatus,
    mode: (r.mode as TransferMode | null) ?? null,
    caseId: r.case_id,
    caseNo: v.caseNo,
    caseName: v.caseName,
    fromAgencyId: r.from_agency_id,
    fromAgencyName: v.fromName,
    toAgencyId: r.to_agency_id,
    toAgencyName: v.toName,
    reason: r.reason,
    legalBasis: r.legal_basis,
    dueAt: r.due_at,
    itemCount: v.itemCount,
    openItemCount: v.openItemCount,
    createdById: r.created_by,
    createdByName: v.creatorName,
    createdAt: r.created_at,
    decidedByName: nameOf(r.decided_by),
    decidedAt: r.decided_at,
    decisionComment: r.decision_comment,
    executedByName: nameOf(r.executed_by),
    executedAt: r.executed_at,
    acceptedByName: nameOf(r.accepted_by),
    acceptedAt: r.accepted_at,
    closedAt: r.closed_at,
    waitingFor: waitingFor(v),
    details: v.details,
  };
}

export async function updateRequest(ctx: Ctx, id: number, set: Updateable<RequestTable>, details?: RequestDetails): Promise<void> {
  await ctx.db
    .updateTable('requests')
    .set({ ...set, ...(details ? { details: JSON.stringify(details) } : {}), updated_at: ctx.now })
    .where('id', '=', id)
    .execute();
}

/** Items of a request (optionally only those still open), in request order. */
export async function requestItemRows(ctx: Pick<Ctx, 'db'>, requestId: number, onlyOpen = false): Promise<ItemRow[]> {
  let q = ctx.db.selectFrom('request_items as ri').innerJoin('items as i', 'i.id', 'ri.item_id').selectAll('i').where('ri.request_id', '=', requestId);
  if (onlyOpen) q = q.where('ri.open', '=', 1);
  return q.orderBy('i.id').execute();
}

export async function freeItems(ctx: Ctx, requestId: number, itemIds?: number[]): Promise<void> {
  let q = ctx.db.updateTable('request_items').set({ open: 0 }).where('request_id', '=', requestId);
  if (itemIds) {
    if (itemIds.length === 0) return;
    q = q.where('item_id', 'in', itemIds);
  }
  await q.execute();
}

/** Closes a request (completed, rejected, cancelled) and frees its items for other requests. */
export async function closeRequest(ctx: Ctx, id: number, status: 'completed' | 'rejected' | 'cancelled', set: Updateable<RequestTable> = {}, details?: RequestDetails) {
  await updateRequest(ctx, id, { ...set, status, closed_at: ctx.now }, details);
  await freeItems(ctx, id);
}

export const itemLabel = (i: Pick<ItemRow, 'code' | 'name'>) => `${i.code}（${i.name}）`;
