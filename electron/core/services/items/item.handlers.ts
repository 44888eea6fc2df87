/** Cases, registration of seized items, item lookup, search and history, scan resolution. */
import type { HandlerMap } from '../../api/handler-types';
import type { Ctx, SessionUser } from '../../context';
import type { CaseDto, ListTotal } from '../../../../shared/api/item.contract';
import { cappedTotal, pageOf } from '../common/keyset';
import type { CaseStage } from '../../../../shared/domain/enums';
import type { CaseType } from '../../../../shared/domain/case-life';
import { AppError, conflict } from '../../errors';
import { hasPermission } from '../../../../shared/domain/permissions';
import { MAX_ID, likeContains } from '../../db/dialect';
import { canSeeItem, canSeeItemRow, canSeeRequest, caseScope, notVisible, recordCaseHolder, requestInUsersStore } from '../../access/visibility';
import { hotVisibleItem } from './item.hot';
import { fixedQuery } from '../../db/prepared';
import { getItemDtos } from './item.repository';
import { listItems } from './item.list';
import { registerItems } from './item.register';
import { itemPage, timelinePage } from './item.page';

const STAGE_BY_AGENCY_KIND: Record<string, CaseStage> = { police: 'investigation', procuratorate: 'prosecution_review', court: 'trial' };

/** Cases as DTOs, newest first, by cursor; with a user, only the cases the visibility rule shows them. */
export async function caseDtos(
  ctx: Pick<Ctx, 'db'> & { user?: SessionUser },
  where: { id?: number; q?: string; hostAgencyId?: number; before?: number; limit?: number },
): Promise<{ total: ListTotal | null; next: number | null; rows: CaseDto[] }> {
  let q = ctx.db.selectFrom('cases as c').innerJoin('agencies as a', 'a.id', 'c.host_agency_id');
  const scope = ctx.user ? caseScope(ctx.user) : undefined;
  if (scope) q = q.where(scope);
  if (where.id) q = q.where('c.id', '=', where.id);
  if (where.hostAgencyId) q = q.where('c.host_agency_id', '=', where.hostAgencyId);
  if (where.q) {
    const text = where.q;
    // Any agency's number finds the case: 公安案件编号, 检察受案号, 法院案号.
    q = q.where((eb) =>
      eb.or([likeContains('c.case_no', text), likeContains('c.name', text), likeContains('c.police_no', text), likeContains('c.procuratorate_no', text), likeContains('c.court_no', text)]),
    );
  }
  const limit = where.limit ?? 50;
  const whole = !scope && !where.hostAgencyId && !where.q ? { table: 'cases' as const } : null;
  const total = where.id || where.before ? null : await cappedTotal(ctx, q.select('c.id'), 'c.id', whole);
  const found = await q
    .selectAll('c')
    .select(['a.name as host_agency_name', (eb) => eb.selectFrom('items').select(eb.fn.countAll<number>().as('n')).whereRef('items.case_id', '=', 'c.id').as('item_count')])
    .where('c.id', '<', where.before ?? MAX_ID)
    .orderBy('c.id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = pageOf(found, limit);
  return {
    total: where.id ? { n: page.rows.length, kind: 'exact' } : total,
    next: page.next,
    rows: page.rows.map((c) => ({
      id: c.id,
      caseNo: c.case_no,
      name: c.name,
      cause: c.cause,
      hostAgencyId: c.host_agency_id,
      hostAgencyName: c.host_agency_name,
      officerName: c.officer_name,
      stage: c.stage as CaseStage,
      itemCount: Number(c.item_count ?? 0),
      createdAt: c.created_at,
      caseType: (c.case_type as CaseType | null) ?? null,
      policeNo: c.police_no,
      procuratorateNo: c.procuratorate_no,
      courtNo: c.court_no,
    })),
  };
}

export const itemHandlers: HandlerMap<
  'case.list' | 'case.get' | 'case.create' | 'item.register' | 'item.get' | 'item.byCode' | 'item.list' | 'item.timeline' | 'item.page' | 'scan.resolve'
> = {
  'case.list': async (ctx, input) => caseDtos(ctx, input),
  'case.get': async (ctx, { id }) => {
    const c = (await caseDtos(ctx, { id })).rows[0];
    if (!c) throw notVisible('案件');
    return c;
  },
  'case.create': async (ctx, c) => {
    const dup = await ctx.db.selectFrom('cases').select('id').where('case_no', '=', c.caseNo).executeTakeFirst();
    if (dup) throw conflict(`案件编号「${c.caseNo}」已存在`);
    const row = await ctx.db
      .insertInto('cases')
      .values({
        case_no: c.caseNo,
        name: c.name,
        cause: c.cause ?? null,
        host_agency_id: ctx.user.agencyId,
        officer_name: c.officerName ?? ctx.user.displayName,
        stage: STAGE_BY_AGENCY_KIND[ctx.user.agencyKind] ?? 'investigation',
        case_type: c.caseType ?? null,
        // The creating agency's own number is the case number it gave.
        ...(ctx.user.agencyKind === 'police' ? { police_no: c.caseNo } : ctx.user.agencyKind === 'procuratorate' ? { procuratorate_no: c.caseNo } : ctx.user.agencyKind === 'court' ? { court_no: c.caseNo } : {}),
        created_by: ctx.user.id,
        created_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordCaseHolder(ctx, row.id, ctx.user.agencyId);
    return (await caseDtos(ctx, { id: row.id })).rows[0]!;
  },

  'item.register': async (ctx, input) => getItemDtos(ctx, await registerItems(ctx, input)),

  'item.get': async (ctx, { id }) => {
    const item = await hotVisibleItem(ctx, { id });
    if (!item) throw notVisible('物品');
    return item;
  },
  'item.byCode': async (ctx, { code }) => {
    const item = await hotVisibleItem(ctx, { code });
    // Unknown and not visible answer alike, so a code's existence does not leak.
    if (!item) throw new AppError('NOT_FOUND', `编码「${code}」未找到或无权查看`);
    return item;
  },

  'item.list': async (ctx, f) => listItems(ctx, f),

  'item.timeline': async (ctx, { id, beforeSeq, limit }) => {
    const exists = await ctx.db.selectFrom('items').select('id').where('id', '=', id).executeTakeFirst();
    if (!exists || !(await canSeeItem(ctx, id))) throw notVisible('物品');
    // Keyset on events_item (item_id, seq): a page of the newest events below the cursor, never the whole history.
    return timelinePage(ctx, id, beforeSeq, limit);
  },
  'item.page': async (ctx, { id }) => {
    const page = await itemPage(ctx, { id });
    if (!page) throw notVisible('物品');
    return page;
  },

  'scan.resolve': async (ctx, { code, withPage }) => {
    // The item page in the same answer: details and timeline read once, visibility decided from the row (canSeeItemRow).
    if (withPage && hasPermission(ctx.user.roles, 'item.read')) {
      const page = await itemPage(ctx, { code });
      if (page) return { kind: 'item' as const, id: page.item.id, code: page.item.code, label: page.item.name, page };
    }
    const [item] = await fixedQuery<{ id: number; code: string; name: string; store_id: number | null; holding_agency_id: number }>(
      ctx.db, ctx.dialect, 'SELECT id, code, name, store_id, holding_agency_id FROM items WHERE code = ?', [code]);
    if (item && (await canSeeItemRow(ctx, { id: item.id, storeId: item.store_id, holdingAgencyId: item.holding_agency_id }))) return { kind: 'item' as const, id: item.id, code: item.code, label: item.name };
    if (item) return { kind: 'unknown' as const, code };
    const loc = await ctx.db.selectFrom('locations').select(['id', 'code', 'name']).where('code', '=', code).executeTakeFirst();
    if (loc) return { kind: 'location' as const, id: loc.id, code: loc.code, label: loc.name };
    const req = await ctx.db.selectFrom('requests').select(['id', 'request_no', 'kind', 'from_agency_id', 'to_agency_id']).where('request_no', '=', code).executeTakeFirst();
    if (req && canSeeRequest(ctx.user, req) && (await requestInUsersStore(ctx, req.id))) return { kind: 'request' as const, id: req.id, code: req.request_no, label: req.kind };
    return { kind: 'unknown' as const, code };
  },
};
