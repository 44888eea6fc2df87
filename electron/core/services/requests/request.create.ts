/** request.create: checks every listed item (holding agency, one open request, status) before writing anything. */
import { requireReceiverApprover } from './request.approvers';
import { canSeeItem } from '../../access/visibility';
import type { Ctx } from '../../context';
import type { ItemRow } from '../../db/schema';
import type { RequestCreateInput, RequestDetails } from '../../../../shared/api/request.contract';
import type { EventType, ItemStatus } from '../../../../shared/domain/enums';
import { checkTransition } from '../../../../shared/domain/item-state';
import { REQUEST_KIND_LABELS, REQUEST_NO_PREFIX, type RequestKind } from '../../../../shared/domain/requests';
import { AppError, badInput, notFound } from '../../errors';
import { openRequestNos } from '../common/item.guards';
import { applyItemEvent } from '../custody/custody';
import { locationPaths } from '../admin/admin.handlers';
import { storageLocationById } from '../custody/putaway.service';
import { localYear, nextSequence, pad } from '../common/sequence';
import { itemLabel } from './request.repository';
import { takeParts } from '../lots/lot.partial';
import { checkDisposition } from '../dispositions/disposition.rules';

/** Event written per item when the request is created (allocation has none: it is recorded by MOVED on execution). */
export const CREATE_EVENT: Record<RequestKind, EventType | null> = {
  loan: 'LOAN_REQUESTED',
  transfer: 'CUSTODY_TRANSFER_REQUESTED',
  return: 'DISPOSITION_PROPOSED',
  disposition: 'DISPOSITION_PROPOSED',
  allocation: null,
};

/** Events the items must be able to take later; checked now so a request that cannot be executed is refused early. */
function requiredEvents(input: RequestCreateInput): EventType[] {
  switch (input.kind) {
    case 'loan':
      return ['LOAN_REQUESTED', 'CHECKED_OUT'];
    case 'transfer':
      return input.mode === 'physical' ? ['CUSTODY_TRANSFER_REQUESTED', 'PHYSICAL_TRANSFER_OUT'] : ['CUSTODY_TRANSFER_REQUESTED'];
    case 'return':
      return ['DISPOSITION_PROPOSED', 'RETURNED_TO_OWNER'];
    case 'disposition':
      return ['DISPOSITION_PROPOSED'];
    case 'allocation':
      return ['MOVED'];
  }
}

export async function nextRequestNo(ctx: Ctx, kind: RequestKind): Promise<string> {
  const prefix = REQUEST_NO_PREFIX[kind];
  const year = localYear(ctx.now);
  return `${prefix}-${year}-${pad(await nextSequence(ctx, `request:${prefix}:${year}`), 6)}`;
}

async function checkItems(ctx: Ctx, input: RequestCreateInput, items: ItemRow[]): Promise<void> {
  const targetStore =
    input.kind === 'allocation' ? ((await ctx.db.selectFrom('locations').select('store_id').where('id', '=', input.toLocationId).executeTakeFirst())?.store_id ?? null) : null;
  const agencies = new Map((await ctx.db.selectFrom('agencies').select(['id', 'name']).execute()).map((a) => [a.id, a.name]));
  const openNo = await openRequestNos(ctx, items.map((i) => i.id));
  const notHeld: string[] = [];
  const problems: string[] = [];
  for (const it of items) {
    if (it.holding_agency_id !== ctx.user.agencyId) {
      notHeld.push(`${itemLabel(it)}：保管责任单位为${agencies.get(it.holding_agency_id) ?? '其他单位'}，${ctx.user.agencyName}不能申请`);
      continue;
    }
    const no = openNo.get(it.id);
    if (no) {
      problems.push(`${itemLabel(it)}：已在未完结的申请单 ${no} 中，一件物品同时只能有一个未完结申请`);
      continue;
    }
    for (const ev of requiredEvents(input)) {
      const c = checkTransition(it.status as ItemStatus, ev);
      if (!c.ok) {
        problems.push(`${itemLabel(it)}：${c.message}`);
        break;
      }
    }
    if (input.kind === 'allocation' && it.location_id === input.toLocationId) problems.push(`${itemLabel(it)}：已在目标库位，无需调拨`);
    if (input.kind === 'allocation' && it.store_id !== null && targetStore !== null && it.store_id !== targetStore) {
      problems.push(`${itemLabel(it)}：目标库位属于另一个保管中心/分库，库间搬运请由保管员办理跨库调拨`);
    }
  }
  const all = [...notHeld, ...problems];
  if (all.length === 0) return;
  const codes = items.filter((i) => all.some((l) => l.startsWith(i.code))).map((i) => i.code);
  const what = REQUEST_KIND_LABELS[input.kind];
  throw new AppError(notHeld.length ? 'FORBIDDEN' : 'CONFLICT', `以下物品不能提交${what}申请：${codes.join('、')}`, all);
}

async function kindDetails(ctx: Ctx, input: RequestCreateInput): Promise<{ details: RequestDetails; toAgencyId: number | null; dueAt: string | null; mode: string | null }> {
  switch (input.kind) {
    case 'loan': {
      const due = new Date(input.dueAt);
      if (due <= new Date(ctx.now)) throw badInput('归还期限必须晚于当前时间');
      const borrower = input.borrower ? { name: input.borrower.name, idNo: input.borrower.idNo ?? null } : { name: ctx.user.displayName, idNo: ctx.user.badgeNo };
      return { details: { purpose: input.purpose, borrower }, toAgencyId: null, dueAt: due.toISOString(), mode: null };
    }
    case 'transfer': {
      const to = await ctx.db.selectFrom('agencies').select(['id', 'name']).where('id', '=', input.toAgencyId).executeTakeFirst();
      if (!to) throw notFound('接收单位');
      if (to.id === ctx.user.agencyId) throw badInput(`接收单位不能是本单位（${ctx.user.agencyName}）`);
      await requireReceiverApprover(ctx, to);
      const details: RequestDetails = input.mode === 'physical' ? { receiveIntoCentre: input.receiveIntoCentre ?? true } : {};
      return { details, toAgencyId: to.id, dueAt: null, mode: input.mode };
    }
    case 'return': {
      const c = input.claimant;
      const claimant = { name: c.name, ...(c.idType ? { idType: c.idType } : {}), ...(c.idNo ? { idNo: c.idNo } : {}), ...(c.authorisationDocNo ? { authorisationDocNo: c.authorisationDocNo } : {}) };
      return { details: { claimant }, toAgencyId: null, dueAt: null, mode: null };
    }
    case 'disposition':
      return { details: { method: input.method }, toAgencyId: null, dueAt: null, mode: null };
    case 'allocation': {
      await storageLocationById(ctx, input.toLocationId);
      const loc = (await locationPaths(ctx)).get(input.toLocationId);
      if (!loc) throw notFound('目标库位');
      return { details: { toLocationId: loc.row.id, toLocationPath: loc.path }, toAgencyId: null, dueAt: null, mode: null };
    }
  }
}

/** Creates the request; returns its id. */
export async function createRequest(ctx: Ctx, input: RequestCreateInput): Promise<number> {
  const ids = await takeParts(ctx, input);
  const rows = await ctx.db.selectFrom('items').selectAll().where('id', 'in', ids).orderBy('id').execute();
  // Items the user may not see are reported exactly like missing ones.
  const items: ItemRow[] = [];
  for (const it of rows) if (await canSeeItem(ctx, it.id)) items.push(it);
  if (items.length !== ids.length) {
    const found = new Set(items.map((i) => i.id));
    throw new AppError('NOT_FOUND', `物品未找到或无权查看（编号 ${ids.filter((i) => !found.has(i)).join('、')}）`);
  }
  await checkItems(ctx, input, items);
  const caseIds = [...new Set(items.map((i) => i.case_id))];
  if (caseIds.length > 1 && input.kind !== 'allocation') throw badInput('一份申请只能包含同一案件的物品，请按案件分别提交');
  const k = await kindDetails(ctx, input);
  // 没收/变卖 need the judgment; 先行处置 needs flagged items (the method rules by stage and basis document).
  if (input.kind === 'disposition') Object.assign(k.details, await checkDisposition(ctx, input, items));

  const requestNo = await nextRequestNo(ctx, input.kind);
  const { id } = await ctx.db
    .insertInto('requests')
    .values({
      request_no: requestNo,
      kind: input.kind,
      status: 'pending',
      mode: k.mode,
      case_id: caseIds.length === 1 ? caseIds[0]! : null,
      from_agency_id: ctx.user.agencyId,
      to_agency_id: k.toAgencyId,
      reason: input.reason,
      legal_basis: input.legalBasis ?? null,
      due_at: k.dueAt,
      details: JSON.stringify(k.details),
      created_by: ctx.user.id,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.db.insertInto('request_items').values(items.map((i) => ({ request_id: id, item_id: i.id, open: 1 }))).execute();

  const type = CREATE_EVENT[input.kind];
  if (type) {
    for (const it of items) {
      await applyItemEvent(ctx, it, {
        type,
        requestId: id,
        legalDocNo: input.legalBasis ?? null,
        counterpart: k.details.borrower ?? null,
        ...(k.toAgencyId ? { agencyToId: k.toAgencyId } : {}),
        note: `${REQUEST_KIND_LABELS[input.kind]}申请 ${requestNo}：${input.reason}`,
        payload: { requestNo, kind: input.kind, ...(k.mode ? { mode: k.mode } : {}), ...(k.dueAt ? { dueAt: k.dueAt } : {}), ...(input.kind === 'disposition' ? { method: input.method, ...(k.details.early ? { early: true } : {}) } : {}) },
      });
    }
  }
  return id;
}
