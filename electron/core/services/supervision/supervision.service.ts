/**
 * 监督意见 / 纠正违法通知: an inspector records one against an item, request, case or agency; an approver of the
 * addressed agency answers (整改情况); the inspector closes it or returns it for further correction. Each step is
 * a ledger event (SUPERVISION_*) carrying the item, case and request it concerns, so it shows in their trails.
 */
import type { Ctx } from '../../context';
import type { SupervisionRecordRow } from '../../db/schema';
import type { SupervisionDto } from '../../../../shared/api/supervision.contract';
import { SUPERVISION_KIND_LABELS, SUPERVISION_STATUS_LABELS, type SupervisionStatus } from '../../../../shared/api/supervision.contract';
import type { EventType } from '../../../../shared/domain/enums';
import { appendEvent } from '../../ledger/ledger.append';
import { badInput, conflict, forbidden } from '../../errors';
import { notVisible, seesAllCustody } from '../../access/visibility';
import { localYear, nextSequence, pad } from '../common/sequence';
import { fmtLocal } from '../custody/custody.lookup';

type CreateInput = { kind: 'opinion' | 'correction_notice'; targetType: 'item' | 'request' | 'case' | 'agency'; target: string; finding: string; legalBasis: string; deadline: string };
type Target = { itemId: number | null; caseId: number | null; requestId: number | null; agencyId: number; label: string };

async function resolveTarget(ctx: Ctx, type: CreateInput['targetType'], ref: string): Promise<Target> {
  const none = (what: string) => badInput(`${what}「${ref}」不存在，请核对编号`);
  if (type === 'item') {
    const i = await ctx.db.selectFrom('items').select(['id', 'case_id', 'holding_agency_id', 'code', 'name']).where('code', '=', ref).executeTakeFirst();
    if (!i) throw none('物品编码');
    return { itemId: i.id, caseId: i.case_id, requestId: null, agencyId: i.holding_agency_id, label: `${i.code}（${i.name}）` };
  }
  if (type === 'request') {
    const r = await ctx.db.selectFrom('requests').select(['id', 'case_id', 'from_agency_id', 'request_no']).where('request_no', '=', ref).executeTakeFirst();
    if (!r) throw none('申请编号');
    return { itemId: null, caseId: r.case_id, requestId: r.id, agencyId: r.from_agency_id, label: r.request_no };
  }
  if (type === 'case') {
    const c = await ctx.db.selectFrom('cases').select(['id', 'host_agency_id', 'case_no', 'name']).where('case_no', '=', ref).executeTakeFirst();
    if (!c) throw none('案件编号');
    return { itemId: null, caseId: c.id, requestId: null, agencyId: c.host_agency_id, label: `${c.case_no}（${c.name}）` };
  }
  const a = await ctx.db.selectFrom('agencies').select(['id', 'name']).where((eb) => eb.or([eb('code', '=', ref), eb('name', '=', ref)])).executeTakeFirst();
  if (!a) throw none('单位');
  return { itemId: null, caseId: null, requestId: null, agencyId: a.id, label: a.name };
}

async function toDtos(ctx: Ctx, rows: SupervisionRecordRow[]): Promise<SupervisionDto[]> {
  if (rows.length === 0) return [];
  const userIds = [...new Set(rows.flatMap((r) => [r.created_by, r.answered_by ?? 0]))];
  const users = new Map((await ctx.db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', userIds).execute()).map((u) => [u.id, u.display_name]));
  const agencies = new Map((await ctx.db.selectFrom('agencies').select(['id', 'name']).where('id', 'in', [...new Set(rows.map((r) => r.agency_id))]).execute()).map((a) => [a.id, a.name]));
  const payloads = new Map(
    (await ctx.db.selectFrom('custody_events').select(['payload']).where('type', '=', 'SUPERVISION_ISSUED').where('legal_doc_no', 'in', rows.map((r) => r.record_no)).execute()).map((e) => {
      const p = JSON.parse(e.payload) as { recordNo: string; targetLabel: string };
      return [p.recordNo, p.targetLabel];
    }),
  );
  return rows.map((r) => ({
    id: r.id,
    recordNo: r.record_no,
    kind: r.kind as SupervisionDto['kind'],
    targetType: r.target_type as SupervisionDto['targetType'],
    targetLabel: payloads.get(r.record_no) ?? '',
    itemId: r.item_id,
    caseId: r.case_id,
    requestId: r.request_id,
    agencyId: r.agency_id,
    agencyName: agencies.get(r.agency_id) ?? '',
    finding: r.finding,
    legalBasis: r.legal_basis,
    deadline: r.deadline,
    overdue: r.status === 'OPEN' && r.deadline < ctx.now,
    status: r.status as SupervisionStatus,
    answer: r.answer,
    answeredByName: r.answered_by ? (users.get(r.answered_by) ?? null) : null,
    answeredAt: r.answered_at,
    closeNote: r.close_note,
    createdByName: users.get(r.created_by) ?? '',
    createdAt: r.created_at,
    closedAt: r.closed_at,
  }));
}

/** Inspectors see every record; a case unit's users see those addressed to their agency; anyone else, none. */
async function loadVisible(ctx: Ctx, id: number): Promise<SupervisionRecordRow> {
  const r = await ctx.db.selectFrom('supervision_records').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r || !(seesAllCustody(ctx.user) || r.agency_id === ctx.user.agencyId)) throw notVisible('监督意见');
  return r;
}

async function record(ctx: Ctx, r: SupervisionRecordRow, type: EventType, note: string, extra: Record<string, unknown> = {}) {
  await appendEvent(ctx, {
    type,
    itemId: r.item_id,
    caseId: r.case_id,
    requestId: r.request_id,
    agencyToId: r.agency_id,
    legalDocNo: r.record_no,
    note,
    payload: { recordNo: r.record_no, kind: r.kind, targetType: r.target_type, ...extra },
  });
}

export async function createSupervision(ctx: Ctx, input: CreateInput): Promise<SupervisionDto> {
  if (input.deadline <= ctx.now) throw badInput('整改期限须晚于现在');
  const t = await resolveTarget(ctx, input.targetType, input.target);
  const year = localYear(ctx.now);
  const recordNo = `JD-${year}-${pad(await nextSequence(ctx, `supervision:${year}`), 6)}`;
  const row = await ctx.db
    .insertInto('supervision_records')
    .values({
      record_no: recordNo, kind: input.kind, target_type: input.targetType, item_id: t.itemId, case_id: t.caseId, request_id: t.requestId, agency_id: t.agencyId,
      finding: input.finding, legal_basis: input.legalBasis, deadline: input.deadline, status: 'OPEN', answer: null, answered_by: null, answered_at: null,
      close_note: null, closed_by: null, closed_at: null, created_by: ctx.user.id, created_at: ctx.now, updated_at: ctx.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await record(ctx, row, 'SUPERVISION_ISSUED', `${SUPERVISION_KIND_LABELS[input.kind]} ${recordNo}（${t.label}）：${input.finding}`, {
    targetLabel: t.label, legalBasis: input.legalBasis, deadline: input.deadline,
  });
  return (await toDtos(ctx, [row]))[0]!;
}

export async function listSupervision(ctx: Ctx, openOnly: boolean): Promise<SupervisionDto[]> {
  let q = ctx.db.selectFrom('supervision_records').selectAll();
  if (!seesAllCustody(ctx.user)) q = q.where('agency_id', '=', ctx.user.roles.some((r) => r === 'approver' || r === 'case_officer') ? ctx.user.agencyId : -1);
  if (openOnly) q = q.where('status', '<>', 'CLOSED');
  return toDtos(ctx, await q.orderBy('id', 'desc').limit(500).execute());
}

export async function answerSupervision(ctx: Ctx, id: number, answer: string): Promise<SupervisionDto> {
  const r = await loadVisible(ctx, id);
  if (r.agency_id !== ctx.user.agencyId) throw forbidden('只有被监督单位的审批人可以回复整改情况');
  if (r.status !== 'OPEN') throw conflict(`${r.record_no} 当前为「${SUPERVISION_STATUS_LABELS[r.status as SupervisionStatus]}」，不能回复`);
  await ctx.db.updateTable('supervision_records').set({ status: 'ANSWERED', answer, answered_by: ctx.user.id, answered_at: ctx.now, updated_at: ctx.now }).where('id', '=', id).execute();
  await record(ctx, r, 'SUPERVISION_ANSWERED', `整改回复 ${r.record_no}（${ctx.user.agencyName}）：${answer}${r.deadline < ctx.now ? `（超过整改期限 ${fmtLocal(r.deadline)}）` : ''}`);
  return (await toDtos(ctx, [await loadVisible(ctx, id)]))[0]!;
}

export async function reviewSupervision(ctx: Ctx, id: number, close: boolean, note: string): Promise<SupervisionDto> {
  const r = await loadVisible(ctx, id);
  if (r.status !== 'ANSWERED') throw conflict(`${r.record_no} 尚未回复整改情况${r.status === 'CLOSED' ? '（已办结）' : ''}，不能${close ? '办结' : '退回'}`);
  await ctx.db
    .updateTable('supervision_records')
    .set(close ? { status: 'CLOSED', close_note: note, closed_by: ctx.user.id, closed_at: ctx.now, updated_at: ctx.now } : { status: 'OPEN', close_note: note, updated_at: ctx.now })
    .where('id', '=', id)
    .execute();
  await record(ctx, r, close ? 'SUPERVISION_CLOSED' : 'SUPERVISION_RETURNED', `${close ? '办结' : '退回重新整改'} ${r.record_no}：${note}`);
  return (await toDtos(ctx, [await loadVisible(ctx, id)]))[0]!;
}
