/**
 * Corrections of registered data and lost reports wait in item_proposals for an approver of the holding agency.
 * Own small table rather than a request kind: requests are scanned and executed by a custodian, carry two agencies
 * and lock items in request_items; a proposal has no execution step and carries per-field old and new values.
 */
import type { Ctx, SessionUser } from '../../context';
import type { ItemProposalRow } from '../../db/schema';
import type { MethodOutput, MethodParsedInput } from '../../../../shared/api/contract';
import type { ProposalDto } from '../../../../shared/api/correction.contract';
import { PROPOSAL_KIND_LABELS, type ProposalKind, type ProposalStatus } from '../../../../shared/domain/corrections';
import { ITEM_STATUS_LABELS, type ItemStatus } from '../../../../shared/domain/enums';
import { hasPermission } from '../../../../shared/domain/permissions';
import { assertItemVisible, maskIdNo, seesIdNumbers } from '../../access/visibility';
import { badInput, conflict, forbidden, notFound } from '../../errors';
import { assertNoOpenRequest } from '../common/item.guards';
import { applyItemEvent } from '../custody/custody';
import { findItemById, itemLabel } from '../custody/custody.lookup';
import { assertHandlesItem } from '../stores/store.rules';
import { applyCorrection, currentValue, describeChanges, diffChanges, type FieldChange } from './correction.apply';

/** Statuses in which an item can be reported lost: held by the store (not out on loan or transferred). */
const LOSABLE: readonly ItemStatus[] = ['IN_STORE', 'PENDING_DISPOSITION', 'EXTERNAL_CUSTODY'];

/** A custodian of the item's store, or a case officer of the holding agency. */
async function assertMayPropose(ctx: Ctx, item: Awaited<ReturnType<typeof findItemById>>, what: string): Promise<string> {
  await assertItemVisible(ctx, item.id);
  const agency = await ctx.db.selectFrom('agencies').select('name').where('id', '=', item.holding_agency_id).executeTakeFirstOrThrow();
  if (ctx.user.roles.includes('custodian')) await assertHandlesItem(ctx, item);
  else if (ctx.user.agencyId !== item.holding_agency_id) throw forbidden(`${itemLabel(item)} 现由${agency.name}负责，只有该单位的办案人员或保管员可以${what}`);
  const pending = await ctx.db.selectFrom('item_proposals').select(['id', 'kind']).where('item_id', '=', item.id).where('status', '=', 'pending').executeTakeFirst();
  if (pending) throw conflict(`${itemLabel(item)} 已有待审批的${PROPOSAL_KIND_LABELS[pending.kind as ProposalKind]}（编号 ${pending.id}），请等审批后再提出`);
  return agency.name;
}

async function insertProposal(ctx: Ctx, p: { itemId: number; kind: ProposalKind; agencyId: number; changes: FieldChange[]; reason: string }): Promise<number> {
  const row = await ctx.db
    .insertInto('item_proposals')
    .values({
      item_id: p.itemId,
      kind: p.kind,
      status: 'pending',
      agency_id: p.agencyId,
      changes: JSON.stringify(p.changes),
      reason: p.reason,
      proposed_by: ctx.user.id,
      proposed_at: ctx.now,
      decided_by: null,
      decided_at: null,
      decision_comment: null,
      event_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function proposeCorrection(ctx: Ctx, input: MethodParsedInput<'correction.propose'>): Promise<ProposalDto> {
  const item = await findItemById(ctx, input.itemId);
  await assertMayPropose(ctx, item, '申请更正');
  const changes = diffChanges(item, input.changes);
  if (changes.some((c) => c.field === 'ownerIdNo') && !seesIdNumbers(ctx.user, item.holding_agency_id)) {
    throw forbidden('您看不到所有人证件号码全文，不能更正证件号码，请由持有单位办案人员申请');
  }
  const id = await insertProposal(ctx, { itemId: item.id, kind: 'correction', agencyId: item.holding_agency_id, changes, reason: input.reason });
  return getProposal(ctx, id);
}

export async function reportLost(ctx: Ctx, input: MethodParsedInput<'lost.report'>): Promise<ProposalDto> {
  const item = await findItemById(ctx, input.itemId);
  await assertMayPropose(ctx, item, '报告遗失');
  if (!LOSABLE.includes(item.status as ItemStatus)) {
    const hint = item.status === 'ON_LOAN' ? '；调用在外的物品遗失请在归还时登记' : '';
    throw conflict(`${itemLabel(item)} 当前为「${ITEM_STATUS_LABELS[item.status as ItemStatus]}」，只有在库（含外部保管、待处置）的物品可以报告遗失${hint}`);
  }
  await assertNoOpenRequest(ctx, item, '报告遗失');
  const id = await insertProposal(ctx, { itemId: item.id, kind: 'lost', agencyId: item.holding_agency_id, changes: [], reason: input.reason });
  return getProposal(ctx, id);
}

/** An approver of the holding agency who did not propose it; null when allowed. */
function refuseDecide(p: ItemProposalRow, u: SessionUser, agencyName: string): string | null {
  if (!hasPermission(u.roles, 'request.decide')) return '您没有审批权限';
  if (u.agencyId !== p.agency_id) return `只有${agencyName}的审批人可以审批`;
  if (u.id === p.proposed_by) return '不能审批本人提出的更正或遗失报告';
  if (p.status !== 'pending') return '已审批，不能再审批';
  return null;
}

export async function decideProposal(ctx: Ctx, input: MethodParsedInput<'proposal.decide'>): Promise<ProposalDto> {
  const p = await ctx.db.selectFrom('item_proposals').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (!p) throw notFound(`更正或遗失报告（编号 ${input.id}）`);
  const agency = await ctx.db.selectFrom('agencies').select('name').where('id', '=', p.agency_id).executeTakeFirstOrThrow();
  const title = `${PROPOSAL_KIND_LABELS[p.kind as ProposalKind]}（编号 ${p.id}）`;
  const refusal = refuseDecide(p, ctx.user, agency.name);
  if (refusal) throw p.status !== 'pending' ? conflict(`${title}${refusal}`) : forbidden(`${title}：${refusal}`);
  if (!input.approve && !input.comment) throw badInput(`驳回${title}时必须填写意见`);
  const decided = { decided_by: ctx.user.id, decided_at: ctx.now, decision_comment: input.comment ?? null };
  if (!input.approve) {
    await ctx.db.updateTable('item_proposals').set({ ...decided, status: 'rejected' }).where('id', '=', p.id).execute();
    return getProposal(ctx, p.id);
  }
  const item = await findItemById(ctx, p.item_id);
  if (item.holding_agency_id !== p.agency_id) throw conflict(`${itemLabel(item)} 的负责单位已变更，${title}不能再批准，请驳回后由现负责单位重新提出`);
  let eventId: number;
  if (p.kind === 'correction') {
    const changes = JSON.parse(p.changes) as FieldChange[];
    const stale = changes.filter((c) => JSON.stringify(currentValue(item, c.field) ?? null) !== JSON.stringify(c.from ?? null));
    if (stale.length) throw conflict(`${itemLabel(item)} 的登记信息在申请后已有变化（${describeChanges(stale)}），请驳回后重新申请`);
    eventId = (await applyCorrection(ctx, item, changes, { reason: p.reason, proposalId: p.id, approvedByName: ctx.user.displayName })).event.id;
  } else {
    await assertNoOpenRequest(ctx, item, '批准遗失报告');
    const { event } = await applyItemEvent(
      ctx,
      item,
      { type: 'LOST_REPORTED', note: `报告遗失：${p.reason}（${ctx.user.displayName} 批准）`, payload: { proposalId: p.id, reason: p.reason, lastLocationId: item.location_id } },
      { locationId: null },
    );
    eventId = event.id;
  }
  await ctx.db.updateTable('item_proposals').set({ ...decided, status: 'approved', event_id: eventId }).where('id', '=', p.id).execute();
  return getProposal(ctx, p.id);
}

function baseQuery(ctx: Ctx) {
  return ctx.db
    .selectFrom('item_proposals as p')
    .innerJoin('items as i', 'i.id', 'p.item_id')
    .innerJoin('cases as c', 'c.id', 'i.case_id')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .innerJoin('users as u', 'u.id', 'p.proposed_by')
    .leftJoin('users as d', 'd.id', 'p.decided_by')
    .selectAll('p')
    .select(['i.code', 'i.name as item_name', 'c.case_no', 'a.name as agency_name', 'u.display_name as proposed_by_name', 'd.display_name as decided_by_name']);
}
type Joined = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

function toDto(ctx: Ctx, r: Joined): ProposalDto {
  const showId = seesIdNumbers(ctx.user, r.agency_id);
  const changes = (JSON.parse(r.changes) as FieldChange[]).map((c) =>
    c.field === 'ownerIdNo' && !showId ? { ...c, from: maskIdNo(c.from as string | null), to: maskIdNo(c.to as string | null) } : c,
  );
  return {
    id: r.id,
    kind: r.kind as ProposalKind,
    status: r.status as ProposalStatus,
    itemId: r.item_id,
    itemCode: r.code,
    itemName: r.item_name,
    caseNo: r.case_no,
    agencyName: r.agency_name,
    changes,
    reason: r.reason,
    proposedByName: r.proposed_by_name,
    proposedAt: r.proposed_at,
    decidedByName: r.decided_by_name ?? null,
    decidedAt: r.decided_at,
    decisionComment: r.decision_comment,
    eventId: r.event_id,
    canDecide: refuseDecide(r, ctx.user, r.agency_name) === null,
  };
}

export async function getProposal(ctx: Ctx, id: number): Promise<ProposalDto> {
  return toDto(ctx, await baseQuery(ctx).where('p.id', '=', id).executeTakeFirstOrThrow());
}

/** By item (anyone who sees it), waiting for me to decide, or else the ones I proposed. Newest first, except the to-decide list. */
export async function listProposals(ctx: Ctx, input: MethodParsedInput<'proposal.list'>): Promise<MethodOutput<'proposal.list'>> {
  let q = baseQuery(ctx);
  if (input.itemId !== undefined) {
    await assertItemVisible(ctx, input.itemId);
    q = q.where('p.item_id', '=', input.itemId);
  } else if (input.toDecide) {
    if (!hasPermission(ctx.user.roles, 'request.decide')) return { total: 0, rows: [] };
    q = q.where('p.agency_id', '=', ctx.user.agencyId).where('p.status', '=', 'pending').where('p.proposed_by', '<>', ctx.user.id);
  } else q = q.where('p.proposed_by', '=', ctx.user.id);
  const rows = await q.orderBy('p.id', input.toDecide ? 'asc' : 'desc').execute();
  return { total: rows.length, rows: rows.slice(input.offset, input.offset + input.limit).map((r) => toDto(ctx, r)) };
}

/** An item's newest proposals, for the item page (which has checked the item's visibility). */
export async function itemProposals(ctx: Ctx, itemId: number, limit: number): Promise<ProposalDto[]> {
  const rows = await baseQuery(ctx).where('p.item_id', '=', itemId).orderBy('p.id', 'desc').limit(limit).execute();
  return rows.map((r) => toDto(ctx, r));
}

/** Pending proposals the user may decide (for the inbox badge). */
export async function proposalsToDecide(ctx: Ctx): Promise<number> {
  if (!hasPermission(ctx.user.roles, 'request.decide')) return 0;
  const r = await ctx.db
    .selectFrom('item_proposals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('agency_id', '=', ctx.user.agencyId)
    .where('status', '=', 'pending')
    .where('proposed_by', '<>', ctx.user.id)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
