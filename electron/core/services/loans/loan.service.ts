/** Loans after check-out: extensions (request → approval → LOAN_EXTENDED), check-in by scan with condition, overdue list. */
import type { Ctx } from '../../context';
import type { ItemRow } from '../../db/schema';
import type { MethodOutput, MethodParsedInput } from '../../../../shared/api/contract';
import type { RequestDetails } from '../../../../shared/api/request.contract';
import type { ItemFlag, ItemStatus } from '../../../../shared/domain/enums';
import { checkTransition } from '../../../../shared/domain/item-state';
import { RETURN_CONDITION_LABELS } from '../../../../shared/domain/requests';
import { badInput, conflict } from '../../errors';
import { applyItemEvent } from '../custody/custody';
import { getItemDtos } from '../items/item.repository';
import { enforce, refuseCheckIn, refuseDecideExtension, refuseExtend } from '../requests/request.policy';
import { closeRequest, freeItems, itemLabel, loadView, toSummary, toViews, updateRequest, type RequestView } from '../requests/request.repository';
import { seesAllRequests } from '../requests/request.read';
import { storageLocationById } from '../custody/putaway.service';
import { needsWitness } from '../custody/custody.lookup';
import { verifyWitness, type Witness } from '../custody/witness.service';
import { CommittedFailure } from '../../api/handler-types';

export async function requestExtension(ctx: Ctx, input: MethodParsedInput<'loan.extend'>): Promise<void> {
  const v = await loadView(ctx, input.requestId);
  enforce(refuseExtend(v, ctx.user));
  const due = new Date(input.newDueAt);
  if (due <= new Date(ctx.now)) throw badInput('新的归还期限必须晚于当前时间');
  if (v.row.due_at && due <= new Date(v.row.due_at)) throw badInput('新的归还期限必须晚于原归还期限');
  const pendingExtension = { newDueAt: due.toISOString(), reason: input.reason, requestedById: ctx.user.id, requestedByName: ctx.user.displayName, requestedAt: ctx.now };
  await updateRequest(ctx, v.row.id, {}, { ...v.details, pendingExtension });
}

export async function decideExtension(ctx: Ctx, input: MethodParsedInput<'loan.decideExtension'>): Promise<void> {
  const v = await loadView(ctx, input.requestId);
  enforce(refuseDecideExtension(v, ctx.user));
  const ext = v.details.pendingExtension!;
  if (!input.approve && !input.comment) throw badInput(`驳回申请单 ${v.row.request_no} 的延期申请时必须填写意见`);
  const record = {
    fromDueAt: v.row.due_at,
    newDueAt: ext.newDueAt,
    reason: ext.reason,
    requestedByName: ext.requestedByName,
    approved: input.approve,
    decidedByName: ctx.user.displayName,
    comment: input.comment ?? null,
    decidedAt: ctx.now,
  };
  const details: RequestDetails = { ...v.details, pendingExtension: null, extensions: [...(v.details.extensions ?? []), record] };
  if (!input.approve) return updateRequest(ctx, v.row.id, {}, details);
  const items = (await ctx.db
    .selectFrom('request_items as ri')
    .innerJoin('items as i', 'i.id', 'ri.item_id')
    .selectAll('i')
    .where('ri.request_id', '=', v.row.id)
    .where('ri.open', '=', 1)
    .execute()) as ItemRow[];
  for (const it of items) {
    await applyItemEvent(ctx, it, {
      type: 'LOAN_EXTENDED',
      requestId: v.row.id,
      counterpart: v.details.borrower ?? null,
      note: `调用 ${v.row.request_no} 延期至 ${ext.newDueAt}：${ext.reason}`,
      payload: { requestNo: v.row.request_no, fromDueAt: v.row.due_at, newDueAt: ext.newDueAt, requestedBy: ext.requestedByName },
    });
  }
  await updateRequest(ctx, v.row.id, { due_at: ext.newDueAt }, details);
}

type Scan = MethodParsedInput<'loan.checkIn'>['scans'][number];

export async function checkIn(ctx: Ctx, input: MethodParsedInput<'loan.checkIn'>): Promise<MethodOutput<'loan.checkIn'> | CommittedFailure> {
  const codes = input.scans.map((s) => s.code);
  const items = new Map((await ctx.db.selectFrom('items').selectAll().where('code', 'in', codes).execute()).map((i) => [i.code, i]));
  const links = await ctx.db
    .selectFrom('request_items as ri')
    .innerJoin('requests as r', 'r.id', 'ri.request_id')
    .select(['ri.item_id', 'r.id', 'r.request_no'])
    .where('ri.open', '=', 1)
    .where('r.kind', '=', 'loan')
    .where('r.status', '=', 'in_progress')
    .where('ri.item_id', 'in', [...items.values()].map((i) => i.id).concat([0]))
    .execute();
  const loanOf = new Map(links.map((l) => [l.item_id, l]));
  const problems: string[] = [];
  const seen = new Set<string>();
  const ok: Array<{ scan: Scan; item: ItemRow; requestId: number }> = [];
  for (const s of input.scans) {
    const it = items.get(s.code);
    if (!it) problems.push(`未知编码：「${s.code}」不是已登记的物品`);
    else if (seen.has(s.code)) problems.push(`重复扫描：${itemLabel(it)}`);
    else {
      const loan = loanOf.get(it.id);
      const check = checkTransition(it.status as ItemStatus, 'CHECKED_IN');
      if (!loan) problems.push(`${itemLabel(it)}：不在调用出库中，无需归还`);
      else if (input.requestId && loan.id !== input.requestId) problems.push(`${itemLabel(it)}：属于调用申请 ${loan.request_no}，不在本申请单中`);
      else if (!check.ok) problems.push(`${itemLabel(it)}：${check.message}`);
      else if (s.condition !== 'fine' && !s.note) problems.push(`${itemLabel(it)}：归还状况为「${RETURN_CONDITION_LABELS[s.condition]}」，须填写差异说明`);
      else ok.push({ scan: s, item: it, requestId: loan.id });
    }
    seen.add(s.code);
  }
  if (problems.length) throw conflict(`归还核对未通过，未办理归还（${problems.length} 处问题）`, problems);
  if (input.locationId) await storageLocationById(ctx, input.locationId);
  const views = new Map<number, RequestView>();
  for (const id of new Set(ok.map((o) => o.requestId))) {
    const v = await loadView(ctx, id);
    enforce(refuseCheckIn(v, ctx.user));
    views.set(id, v);
  }
  // Two-person rule: cash and valuables come back before a witness; the password is checked before any write.
  let witness: Witness | null = null;
  const valued = ok.filter((o) => needsWitness(o.item));
  if (input.witness) {
    const w = await verifyWitness(ctx, input.witness);
    if (w instanceof CommittedFailure) return w;
    witness = w;
  } else if (valued.length) {
    throw badInput(`${valued.map((o) => itemLabel(o.item)).join('、')} 是现金或贵重物品，归还入库须由另一名工作人员输入本人账号和密码见证`);
  }

  for (const { scan, item, requestId } of ok) {
    const v = views.get(requestId)!;
    const base = {
      requestId,
      counterpart: v.details.borrower ?? null,
      conditionNote: scan.note ?? RETURN_CONDITION_LABELS[scan.condition],
      witnesses: witness ? [witness.person] : [],
    };
    const payload = { requestNo: v.row.request_no, condition: scan.condition, ...(witness ? { witnessUserId: witness.userId } : {}) };
    if (scan.condition === 'lost') {
      await applyItemEvent(ctx, item, { ...base, type: 'LOST_REPORTED', note: `调用 ${v.row.request_no} 归还时报告遗失：${scan.note}`, payload }, { locationId: null });
    } else {
      const locationId = input.locationId ?? v.details.origLocations?.[String(item.id)] ?? null;
      const back = await applyItemEvent(ctx, item, { ...base, type: 'CHECKED_IN', note: `调用 ${v.row.request_no} 归还`, payload }, { locationId, outWith: null });
      if (scan.condition !== 'fine') {
        const flags = JSON.parse(back.item.flags) as ItemFlag[];
        const change = scan.condition === 'damaged' && !flags.includes('damaged') ? { flags: [...flags, 'damaged'] } : {};
        await applyItemEvent(
          ctx,
          back.item,
          { ...base, type: 'DISCREPANCY', note: `调用 ${v.row.request_no} 归还${RETURN_CONDITION_LABELS[scan.condition]}：${scan.note}`, payload },
          change,
        );
      }
    }
    v.details.returns = { ...(v.details.returns ?? {}), [String(item.id)]: { condition: scan.condition, note: scan.note ?? null, at: ctx.now, byName: ctx.user.displayName } };
    await freeItems(ctx, requestId, [item.id]);
  }
  const out = [];
  for (const v of views.values()) {
    const open = await ctx.db.selectFrom('request_items').select('item_id').where('request_id', '=', v.row.id).where('open', '=', 1).execute();
    if (open.length === 0) await closeRequest(ctx, v.row.id, 'completed', {}, v.details);
    else await updateRequest(ctx, v.row.id, {}, v.details);
    out.push(v.row.id);
  }
  const rows = await ctx.db.selectFrom('requests').selectAll().where('id', 'in', out).execute();
  return { requests: (await toViews(ctx, rows)).map(toSummary), items: await getItemDtos(ctx, ok.map((o) => o.item.id)) };
}

export async function overdueLoans(ctx: Ctx, page: { offset: number; limit: number }): Promise<MethodOutput<'loan.overdue'>> {
  let q = ctx.db.selectFrom('requests').where('kind', '=', 'loan').where('status', '=', 'in_progress').where('due_at', '<', ctx.now);
  if (!seesAllRequests(ctx.user)) q = q.where('from_agency_id', '=', ctx.user.agencyId);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('due_at').orderBy('id').offset(page.offset).limit(page.limit).execute();
  const views = await toViews(ctx, rows);
  const now = new Date(ctx.now).getTime();
  const out = [];
  for (const v of views) {
    const items = await ctx.db
      .selectFrom('request_items as ri')
      .innerJoin('items as i', 'i.id', 'ri.item_id')
      .select(['i.id', 'i.code', 'i.name'])
      .where('ri.request_id', '=', v.row.id)
      .where('ri.open', '=', 1)
      .orderBy('i.id')
      .execute();
    out.push({
      requestId: v.row.id,
      requestNo: v.row.request_no,
      caseNo: v.caseNo,
      fromAgencyName: v.fromName,
      borrower: v.details.borrower?.name ?? v.creatorName,
      dueAt: v.row.due_at!,
      daysOverdue: Math.ceil((now - new Date(v.row.due_at!).getTime()) / 86_400_000),
      items,
    });
  }
  return { total: Number(total.n), rows: out };
}
