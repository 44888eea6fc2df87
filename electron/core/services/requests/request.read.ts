/** request.get and request.list: the full request DTO and paged summaries, scoped to who may see them. */
import type { Ctx, SessionUser } from '../../context';
import type { RequestDto, RequestSummaryDto } from '../../../../shared/api/request.contract';
import type { MethodParsedInput } from '../../../../shared/api/contract';
import { canSeeRequest, notVisible, requestInUsersStore, requestStoreScope, seesAllCustody } from '../../access/visibility';
import { toEventDtos } from '../../ledger/event.mapper';
import { MAX_ID, likeContains } from '../../db/dialect';
import { cappedTotal, pageOf } from '../common/keyset';
import type { ListTotal } from '../../../../shared/api/item.contract';
import { getItemDtos } from '../items/item.repository';
import { actionsFor } from './request.policy';
import { loadView, toSummary, toViews, type RequestView } from './request.repository';

/** Custodians and inspectors see every request; others those their agency sends or that are addressed to it. */
export const seesAllRequests = seesAllCustody;

export async function assertVisible(ctx: Pick<Ctx, 'db'>, v: RequestView, u: SessionUser): Promise<void> {
  if (!canSeeRequest(u, v.row) || !(await requestInUsersStore({ db: ctx.db, user: u }, v.row.id))) throw notVisible('申请单');
}

export async function requestDto(ctx: Ctx, id: number): Promise<RequestDto> {
  const v = await loadView(ctx, id);
  await assertVisible(ctx, v, ctx.user);
  const links = await ctx.db.selectFrom('request_items').select(['item_id', 'open']).where('request_id', '=', id).orderBy('item_id').execute();
  const events = await ctx.db.selectFrom('custody_events').selectAll().where('request_id', '=', id).orderBy('seq').execute();
  return {
    ...toSummary(v),
    items: await getItemDtos(ctx, links.map((l) => l.item_id)),
    openItemIds: links.filter((l) => l.open === 1).map((l) => l.item_id),
    events: await toEventDtos(ctx, events),
    actions: actionsFor(v, ctx.user),
  };
}

/** Requests newest first, by cursor; the total only on the first page, counted up to COUNT_CAP. */
export async function listRequests(ctx: Ctx, f: MethodParsedInput<'request.list'>): Promise<{ total: ListTotal | null; next: number | null; rows: RequestSummaryDto[] }> {
  let q = ctx.db.selectFrom('requests');
  const all = seesAllRequests(ctx.user);
  if (!seesAllRequests(ctx.user)) {
    const a = ctx.user.agencyId;
    q = q.where((eb) => eb.or([eb('from_agency_id', '=', a), eb('to_agency_id', '=', a)]));
  }
  const inStore = requestStoreScope(ctx.user);
  if (inStore) q = q.where(inStore);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.status?.length) q = q.where('status', 'in', f.status);
  if (f.mine) q = q.where('created_by', '=', ctx.user.id);
  if (f.caseId) q = q.where('case_id', '=', f.caseId);
  if (f.q) {
    const text = f.q;
    q = q.where((eb) => eb.or([likeContains('request_no', text), likeContains('reason', text)]));
  }
  const whole = all && !f.kind && !f.status?.length && !f.mine && !f.caseId && !f.q ? { table: 'requests' as const } : null;
  const total = f.before ? null : await cappedTotal(ctx, q.select('id'), 'id', whole);
  const page = pageOf(await q.selectAll().where('id', '<', f.before ?? MAX_ID).orderBy('id', 'desc').limit(f.limit + 1).execute(), f.limit);
  return { total, next: page.next, rows: (await toViews(ctx, page.rows)).map(toSummary) };
}
