/** case.detail: a case at a glance — its items by status and holding agency, its requests, its timeline. */
import type { Ctx } from '../../context';
import type { MethodOutput } from '../../../../shared/api/contract';
import type { ItemStatus } from '../../../../shared/domain/enums';
import { ITEM_STATUSES } from '../../../../shared/domain/enums';
import { canSeeRequest, itemScope, notVisible, requestStoreScope } from '../../access/visibility';
import { toEventDtos } from '../../ledger/event.mapper';
import { getItemDtos } from './item.repository';
import { caseDtos } from './item.handlers';
import { toSummary, toViews } from '../requests/request.repository';

export const CASE_TIMELINE_LIMIT = 2000;

export async function caseDetail(ctx: Ctx, caseId: number): Promise<MethodOutput<'case.detail'>> {
  const c = (await caseDtos(ctx, { id: caseId })).rows[0];
  if (!c) throw notVisible('案件');
  // Only the case's items and requests the user may see (an agency that held part of a case sees that part).
  let iq = ctx.db.selectFrom('items as i').select('i.id').where('i.case_id', '=', caseId);
  const scope = itemScope(ctx.user);
  if (scope) iq = iq.where(scope);
  const itemIds = (await iq.orderBy('i.id').execute()).map((r) => r.id);
  const items = [];
  for (let i = 0; i < itemIds.length; i += 500) items.push(...(await getItemDtos(ctx, itemIds.slice(i, i + 500))));

  const groups = new Map<string, MethodOutput<'case.detail'>['groups'][number]>();
  for (const it of items) {
    const key = `${it.status}|${it.holdingAgencyId}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { status: it.status, holdingAgencyId: it.holdingAgencyId, holdingAgencyName: it.holdingAgencyName, items: [] }));
    g.items.push(it);
  }
  const order = (s: ItemStatus) => ITEM_STATUSES.indexOf(s);

  const inStore = requestStoreScope(ctx.user);
  let rqQuery = ctx.db.selectFrom('requests').selectAll().where('case_id', '=', caseId);
  if (inStore) rqQuery = rqQuery.where(inStore);
  const rq = (await rqQuery.orderBy('id', 'desc').execute()).filter((r) => canSeeRequest(ctx.user, r));
  const requests = (await toViews(ctx, rq)).map(toSummary);

  const visible = new Set(itemIds);
  const events = (
    await ctx.db
      .selectFrom('custody_events')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('seq', 'desc')
      .limit(CASE_TIMELINE_LIMIT + 1)
      .execute()
  ).filter((e) => e.item_id === null || !scope || visible.has(e.item_id));

  return {
    case: { ...c, itemCount: items.length },
    groups: [...groups.values()].sort((a, b) => order(a.status) - order(b.status) || a.holdingAgencyId - b.holdingAgencyId),
    requests,
    timeline: await toEventDtos(ctx, events.slice(0, CASE_TIMELINE_LIMIT)),
    timelineTruncated: events.length > CASE_TIMELINE_LIMIT,
  };
}
