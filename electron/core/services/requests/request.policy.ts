/**
 * Who may do what to a request, and when. Each check returns null (allowed) or the refusal;
 * the services throw it, and request.get turns the same checks into the user's next actions.
 */
import type { SessionUser } from '../../context';
import { hasPermission } from '../../../../shared/domain/permissions';
import { REQUEST_KIND_LABELS, REQUEST_STATUS_LABELS, type RequestAction, type RequestKind, type RequestStatus } from '../../../../shared/domain/requests';
import { AppError } from '../../errors';
import type { RequestView } from './request.repository';

export type Refusal = { code: 'FORBIDDEN' | 'CONFLICT'; message: string } | null;

const forbid = (message: string): Refusal => ({ code: 'FORBIDDEN', message });
const conflictR = (message: string): Refusal => ({ code: 'CONFLICT', message });
const title = (v: RequestView) => `${REQUEST_KIND_LABELS[v.row.kind as RequestKind]}申请 ${v.row.request_no}`;
const statusIs = (v: RequestView) => `当前为「${REQUEST_STATUS_LABELS[v.row.status as RequestStatus]}」`;

export function enforce(r: Refusal): void {
  if (r) throw new AppError(r.code, r.message);
}

/** An approver of the sending agency who did not create the request. */
export function refuseDecide(v: RequestView, u: SessionUser): Refusal {
  if (!hasPermission(u.roles, 'request.decide')) return forbid(`您没有审批权限，不能审批${title(v)}`);
  if (u.agencyId !== v.row.from_agency_id) return forbid(`${title(v)}只能由${v.fromName}的审批人审批`);
  if (u.id === v.row.created_by) return forbid(`不能审批本人提交的${title(v)}`);
  if (v.row.status !== 'pending') return conflictR(`${title(v)}${statusIs(v)}，不能再审批`);
  return null;
}

/** Before execution: the creator, or an approver of the sending agency. */
export function refuseCancel(v: RequestView, u: SessionUser): Refusal {
  const approverOfSender = hasPermission(u.roles, 'request.decide') && u.agencyId === v.row.from_agency_id;
  if (u.id !== v.row.created_by && !approverOfSender) return forbid(`只有申请人或${v.fromName}的审批人可以撤销${title(v)}`);
  if (v.row.status !== 'pending' && v.row.status !== 'approved') return conflictR(`${title(v)}${statusIs(v)}，已执行或已关闭的申请不能撤销`);
  return null;
}

export function refuseExecute(v: RequestView, u: SessionUser): Refusal {
  if (!hasPermission(u.roles, 'custody.handle')) return forbid(`只有保管员可以执行${title(v)}`);
  if (v.row.kind === 'transfer' && v.row.mode === 'paper') return conflictR(`${title(v)}为权属移交（实物不动），无需出库扫描，由${v.toName}在线接收确认`);
  if (v.row.status !== 'approved') return conflictR(`${title(v)}${statusIs(v)}，只有已批准的申请才能执行`);
  return null;
}

/** The receiving agency accepts or rejects: paper after approval, physical after scan-out. */
export function refuseAccept(v: RequestView, u: SessionUser): Refusal {
  if (v.row.kind !== 'transfer') return conflictR(`${title(v)}不是移送申请，无需接收确认`);
  if (!hasPermission(u.roles, 'transfer.accept')) return forbid(`您没有接收确认权限，不能接收${title(v)}`);
  if (u.agencyId !== v.row.to_agency_id) return forbid(`${title(v)}只能由接收单位${v.toName}确认接收`);
  const ready = v.row.mode === 'paper' ? v.row.status === 'approved' : v.row.status === 'in_progress' && !v.details.receiverDecision;
  if (!ready) {
    if (v.row.mode === 'physical' && v.row.status === 'approved') return conflictR(`${title(v)}尚未由保管员扫描出库，不能接收确认`);
    return conflictR(`${title(v)}${statusIs(v)}，不在待接收状态`);
  }
  return null;
}

/** Physical transfer after the receiver's decision: scan into the central store (accepted) or back in (rejected). */
export function refuseReceiveIn(v: RequestView, u: SessionUser): Refusal {
  if (!hasPermission(u.roles, 'custody.handle')) return forbid(`只有保管员可以扫描入库`);
  if (v.row.kind !== 'transfer' || v.row.mode !== 'physical') return conflictR(`${title(v)}不是实物移送，不能扫描入库`);
  if (v.row.status !== 'in_progress' || !v.details.receiverDecision) return conflictR(`${title(v)}${statusIs(v)}，须先出库并由接收单位确认或拒收后才能扫描入库`);
  if (v.details.receiverDecision === 'accepted' && v.details.receiveIntoCentre === false) return conflictR(`${title(v)}的物品已移交${v.toName}自行保管，不入本中心库`);
  return null;
}

export function refuseCheckIn(v: RequestView, u: SessionUser): Refusal {
  if (!hasPermission(u.roles, 'custody.handle')) return forbid(`只有保管员可以办理归还入库`);
  if (v.row.kind !== 'loan') return conflictR(`${title(v)}不是调用申请`);
  if (v.row.status !== 'in_progress') return conflictR(`${title(v)}${statusIs(v)}，没有调用在外的物品`);
  return null;
}

export function refuseExtend(v: RequestView, u: SessionUser): Refusal {
  if (v.row.kind !== 'loan') return conflictR(`${title(v)}不是调用申请，不能延期`);
  if (!hasPermission(u.roles, 'request.create') || u.agencyId !== v.row.from_agency_id) return forbid(`只有${v.fromName}的办案人员可以为${title(v)}申请延期`);
  if (v.row.status !== 'in_progress') return conflictR(`${title(v)}${statusIs(v)}，只有已出库的调用可以延期`);
  if (v.details.pendingExtension) return conflictR(`${title(v)}已有待审批的延期申请`);
  return null;
}

export function refuseDecideExtension(v: RequestView, u: SessionUser): Refusal {
  if (v.row.kind !== 'loan') return conflictR(`${title(v)}不是调用申请`);
  if (!hasPermission(u.roles, 'request.decide')) return forbid(`您没有审批权限`);
  if (u.agencyId !== v.row.from_agency_id) return forbid(`${title(v)}的延期只能由${v.fromName}的审批人审批`);
  const ext = v.details.pendingExtension;
  if (v.row.status !== 'in_progress' || !ext) return conflictR(`${title(v)}没有待审批的延期申请`);
  if (u.id === ext.requestedById || u.id === v.row.created_by) return forbid(`不能审批本人提出的延期申请（${v.row.request_no}）`);
  return null;
}

const CHECKS: Array<[RequestAction, (v: RequestView, u: SessionUser) => Refusal]> = [
  ['decide', refuseDecide],
  ['cancel', refuseCancel],
  ['execute', refuseExecute],
  ['accept', refuseAccept],
  ['receiveIn', refuseReceiveIn],
  ['checkIn', refuseCheckIn],
  ['extend', refuseExtend],
  ['decideExtension', refuseDecideExtension],
];

/** What `u` may do with the request now. */
export function actionsFor(v: RequestView, u: SessionUser): RequestAction[] {
  const out = CHECKS.filter(([, check]) => check(v, u) === null).map(([a]) => a);
  if (hasPermission(u.roles, 'item.read')) out.push('print');
  return out;
}
