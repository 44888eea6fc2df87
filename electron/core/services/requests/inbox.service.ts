/** The inbox: open requests waiting for the signed-in user, computed from the same checks the services enforce. */
import type { Ctx } from '../../context';
import type { MethodOutput } from '../../../../shared/api/contract';
import type { RequestSummaryDto } from '../../../../shared/api/request.contract';
import { OPEN_REQUEST_STATUSES, type InboxBox, type RequestAction } from '../../../../shared/domain/requests';
import { actionsFor } from './request.policy';
import { toSummary, toViews, type RequestView } from './request.repository';
import { seesAllRequests } from './request.read';
import { requestStoreScope } from '../../access/visibility';
import { proposalsToDecide } from '../corrections/proposal.service';

const BOX_ACTIONS: Record<Exclude<InboxBox, 'mine'>, RequestAction[]> = {
  approve: ['decide', 'decideExtension'],
  accept: ['accept'],
  execute: ['execute', 'receiveIn'],
  checkIn: ['checkIn'],
};

async function openViews(ctx: Ctx): Promise<RequestView[]> {
  let q = ctx.db.selectFrom('requests').selectAll().where('status', 'in', [...OPEN_REQUEST_STATUSES]);
  if (!seesAllRequests(ctx.user)) {
    const a = ctx.user.agencyId;
    q = q.where((eb) => eb.or([eb('from_agency_id', '=', a), eb('to_agency_id', '=', a), eb('created_by', '=', ctx.user.id)]));
  }
  const inStore = requestStoreScope(ctx.user);
  if (inStore) q = q.where(inStore);
  return toViews(ctx, await q.orderBy('id').execute());
}

function inBox(v: RequestView, ctx: Ctx, box: InboxBox): boolean {
  if (box === 'mine') return v.row.created_by === ctx.user.id;
  const actions = actionsFor(v, ctx.user);
  return BOX_ACTIONS[box].some((a) => actions.includes(a));
}

export async function inboxCounts(ctx: Ctx): Promise<MethodOutput<'inbox.counts'>> {
  const views = await openViews(ctx);
  const count = (box: InboxBox) => views.filter((v) => inBox(v, ctx, box)).length;
  const overdue = views.filter((v) => v.row.kind === 'loan' && v.row.status === 'in_progress' && v.row.due_at && v.row.due_at < ctx.now).length;
  return { approve: count('approve'), accept: count('accept'), execute: count('execute'), checkIn: count('checkIn'), mine: count('mine'), overdue, proposals: await proposalsToDecide(ctx) };
}

export async function inboxList(ctx: Ctx, input: { box: InboxBox; offset: number; limit: number }): Promise<{ total: number; rows: RequestSummaryDto[] }> {
  const hits = (await openViews(ctx)).filter((v) => inBox(v, ctx, input.box));
  // Oldest first: what has waited longest is at the top.
  return { total: hits.length, rows: hits.slice(input.offset, input.offset + input.limit).map(toSummary) };
}
