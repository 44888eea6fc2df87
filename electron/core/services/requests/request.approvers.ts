/**
 * Someone must be able to act on a request: a transfer may only be addressed to an agency with an active approver
 * (who accepts it), and open requests nobody can act on show in the admin's alerts.
 */
import type { Ctx } from '../../context';
import type { AlertDto } from '../../../../shared/api/custody.contract';
import { ALERT_LIMIT_PER_KIND } from '../../../../shared/api/custody.contract';
import { REQUEST_KIND_LABELS, type RequestKind } from '../../../../shared/domain/requests';
import { badInput } from '../../errors';

/** Agencies with at least one enabled user holding the approver role. */
export async function agenciesWithApprover(ctx: Pick<Ctx, 'db'>): Promise<Set<number>> {
  const rows = await ctx.db.selectFrom('users').select(['agency_id', 'roles']).where('active', '=', 1).where('roles', 'like', '%"approver"%').execute();
  return new Set(rows.map((r) => r.agency_id));
}

export async function requireReceiverApprover(ctx: Ctx, agency: { id: number; name: string }): Promise<void> {
  if (!(await agenciesWithApprover(ctx)).has(agency.id)) {
    throw badInput(`接收单位「${agency.name}」目前没有在职的审批人，无人能接收这份移送；请先联系管理员为该单位设置审批人，或选择其他接收单位`);
  }
}

/**
 * Open requests stuck for want of an approver: pending in an agency without one, or approved/under way transfers
 * whose receiving agency has none. Only the admin, who can appoint one, is shown them.
 */
export async function stuckRequestAlerts(ctx: Ctx): Promise<{ count: number; alerts: AlertDto[] }> {
  const withApprover = [...(await agenciesWithApprover(ctx))];
  const none = withApprover.length ? withApprover : [-1];
  const rows = await ctx.db
    .selectFrom('requests as r')
    .innerJoin('agencies as f', 'f.id', 'r.from_agency_id')
    .leftJoin('agencies as t', 't.id', 'r.to_agency_id')
    .select(['r.request_no', 'r.kind', 'r.status', 'r.created_at', 'r.updated_at', 'r.from_agency_id', 'r.to_agency_id', 'f.name as from_name', 't.name as to_name'])
    .where((eb) =>
      eb.or([
        eb.and([eb('r.status', '=', 'pending'), eb('r.from_agency_id', 'not in', none)]),
        eb.and([eb('r.kind', '=', 'transfer'), eb('r.status', 'in', ['approved', 'in_progress']), eb('r.to_agency_id', 'not in', none)]),
      ]),
    )
    .orderBy('r.id')
    .limit(ALERT_LIMIT_PER_KIND)
    .execute();
  const alerts = rows.map((r): AlertDto => {
    const kind = REQUEST_KIND_LABELS[r.kind as RequestKind] ?? '';
    const pending = r.status === 'pending';
    return {
      kind: 'stuck_request',
      severity: 'danger',
      requestNo: r.request_no,
      message: pending
        ? `${kind}申请 ${r.request_no} 待审批，但「${r.from_name}」没有在职的审批人`
        : `移送申请 ${r.request_no} 待接收，但接收单位「${r.to_name ?? ''}」没有在职的审批人`,
      since: pending ? r.created_at : r.updated_at,
    };
  });
  return { count: alerts.length, alerts };
}
