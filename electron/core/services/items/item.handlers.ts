/** Cases, registration of seized items, item lookup, search and history, scan resolution. */
import type { HandlerMap } from '../../api/handler-types';
import type { Ctx, SessionUser } from '../../context';
import type { CaseDto } from '../../../../shared/api/item.contract';
import type { CaseStage, ItemFlag } from '../../../../shared/domain/enums';
import { ITEM_CATEGORY_LABELS } from '../../../../shared/domain/enums';
import { AppError, conflict, notFound } from '../../errors';
import { appendEvent } from '../../ledger/ledger.append';
import { toEventDtos } from '../../ledger/event.mapper';
import { indexItemForSearch, likeContains } from '../../db/dialect';
import { localYear, nextSequence, pad } from '../common/sequence';
import { checkCashRows, registeringFor } from './item.register-rules';
import { canSeeItem, canSeeRequest, caseScope, notVisible, recordCaseHolder, recordHolder, requestInUsersStore } from '../../access/visibility';
import { applyItemFilter, getItemDto, getItemDtos, itemBaseQuery, selectItemColumns, toItemDtos } from './item.repository';

const STAGE_BY_AGENCY_KIND: Record<string, CaseStage> = { police: 'investigation', procuratorate: 'prosecution_review', court: 'trial' };

/** Cases as DTOs; with a user, only the cases the visibility rule shows them. */
export async function caseDtos(
  ctx: Pick<Ctx, 'db'> & { user?: SessionUser },
  where: { id?: number; q?: string; hostAgencyId?: number; offset?: number; limit?: number },
): Promise<{ total: number; rows: CaseDto[] }> {
  let q = ctx.db.selectFrom('cases as c').innerJoin('agencies as a', 'a.id', 'c.host_agency_id');
  const scope = ctx.user ? caseScope(ctx.user) : undefined;
  if (scope) q = q.where(scope);
  if (where.id) q = q.where('c.id', '=', where.id);
  if (where.hostAgencyId) q = q.where('c.host_agency_id', '=', where.hostAgencyId);
  if (where.q) {
    const text = where.q;
    q = q.where((eb) => eb.or([likeContains('c.case_no', text), likeContains('c.name', text)]));
  }
  const total = where.id ? { n: 1 } : await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll('c')
    .select(['a.name as host_agency_name', (eb) => eb.selectFrom('items').select(eb.fn.countAll<number>().as('n')).whereRef('items.case_id', '=', 'c.id').as('item_count')])
    .orderBy('c.id', 'desc')
    .offset(where.offset ?? 0)
    .limit(where.limit ?? 50)
    .execute();
  return {
    total: Number(total.n),
    rows: rows.map((c) => ({
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
    })),
  };
}

const FLAG_BY_CATEGORY: Partial<Record<string, ItemFlag>> = { cash: 'cash', hazardous: 'hazardous', perishable: 'perishable', valuables: 'valuable' };

export const itemHandlers: HandlerMap<
  'case.list' | 'case.get' | 'case.create' | 'item.register' | 'item.get' | 'item.byCode' | 'item.list' | 'item.timeline' | 'scan.resolve'
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
        created_by: ctx.user.id,
        created_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordCaseHolder(ctx, row.id, ctx.user.agencyId);
    return (await caseDtos(ctx, { id: row.id })).rows[0]!;
  },

  'item.register': async (ctx, input) => {
    const kase = await ctx.db.selectFrom('cases').selectAll().where('id', '=', input.caseId).executeTakeFirst();
    if (!kase) throw notFound('案件');
    const holdingAgencyId = await registeringFor(ctx, kase.host_agency_id);
    if (new Date(input.seizedAt) > new Date(ctx.now)) throw new AppError('BAD_INPUT', '扣押时间不能晚于当前时间');
    checkCashRows(input.items);
    // Item codes carry the registering agency's code (the store's, when a custodian registers).
    const agency = await ctx.db.selectFrom('agencies').select('code').where('id', '=', ctx.user.agencyId).executeTakeFirstOrThrow();
    const year = localYear(ctx.now);
    const ids: number[] = [];
    for (const it of input.items) {
      const code = `${agency.code}-${year}-${pad(await nextSequence(ctx, `item:${agency.code}:${year}`), 6)}`;
      const flags = [...new Set([...it.flags, ...(FLAG_BY_CATEGORY[it.category] ? [FLAG_BY_CATEGORY[it.category]!] : [])])];
      const row = await ctx.db
        .insertInto('items')
        .values({
          code,
          case_id: kase.id,
          name: it.name,
          category: it.category,
          spec: it.spec ?? null,
          quantity: it.quantity,
          unit: it.unit,
          features: it.features ?? null,
          estimated_value: it.estimatedValue ?? null,
          cash_amount: it.cashAmount ?? null,
          source: it.source,
          owner_name: it.ownerName ?? null,
          owner_id_no: it.ownerIdNo ?? null,
          seizure_doc_no: input.seizureDocNo,
          seized_at: new Date(input.seizedAt).toISOString(),
          seized_by: input.seizedBy,
          seal_no: it.sealNo ?? null,
          flags: JSON.stringify(flags),
          status: 'REGISTERED',
          location_id: null,
          out_with: null,
          holding_agency_id: holdingAgencyId,
          created_by: ctx.user.id,
          created_at: ctx.now,
          updated_at: ctx.now,
          unrelated_since: flags.includes('unrelated') ? ctx.now : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordHolder(ctx, row.id, kase.id, holdingAgencyId);
      await indexItemForSearch(ctx.dialect, ctx.db, { id: row.id, code, name: it.name, case_no: kase.case_no, owner_name: it.ownerName ?? null });
      // The registration snapshot goes into the ledger: the row may change later, the event never does.
      await appendEvent(ctx, {
        type: 'REGISTERED',
        itemId: row.id,
        caseId: kase.id,
        agencyToId: holdingAgencyId,
        legalDocNo: input.seizureDocNo,
        counterpart: { name: input.seizedBy },
        note: `登记${ITEM_CATEGORY_LABELS[it.category]}「${it.name}」${it.quantity}${it.unit}`,
        payload: { code, ...it, flags, seizedAt: new Date(input.seizedAt).toISOString(), statusTo: 'REGISTERED' },
      });
      ids.push(row.id);
    }
    return getItemDtos(ctx, ids);
  },

  'item.get': async (ctx, { id }) => {
    const item = await getItemDto(ctx, { id });
    if (!item || !(await canSeeItem(ctx, item.id))) throw notVisible('物品');
    return item;
  },
  'item.byCode': async (ctx, { code }) => {
    const item = await getItemDto(ctx, { code });
    // Unknown and not visible answer alike, so a code's existence does not leak.
    if (!item || !(await canSeeItem(ctx, item.id))) throw new AppError('NOT_FOUND', `编码「${code}」未找到或无权查看`);
    return item;
  },

  'item.list': async (ctx, f) => {
    const q = applyItemFilter(ctx, itemBaseQuery(ctx), f);
    const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await selectItemColumns(q).orderBy('i.id', 'desc').offset(f.offset).limit(f.limit).execute();
    return { total: Number(total.n), rows: await toItemDtos(ctx, rows) };
  },

  'item.timeline': async (ctx, { id }) => {
    const exists = await ctx.db.selectFrom('items').select('id').where('id', '=', id).executeTakeFirst();
    if (!exists || !(await canSeeItem(ctx, id))) throw notVisible('物品');
    const rows = await ctx.db.selectFrom('custody_events').selectAll().where('item_id', '=', id).orderBy('seq', 'desc').execute();
    return toEventDtos(ctx, rows);
  },

  'scan.resolve': async (ctx, { code }) => {
    const item = await ctx.db.selectFrom('items').select(['id', 'code', 'name']).where('code', '=', code).executeTakeFirst();
    if (item && (await canSeeItem(ctx, item.id))) return { kind: 'item' as const, id: item.id, code: item.code, label: item.name };
    if (item) return { kind: 'unknown' as const, code };
    const loc = await ctx.db.selectFrom('locations').select(['id', 'code', 'name']).where('code', '=', code).executeTakeFirst();
    if (loc) return { kind: 'location' as const, id: loc.id, code: loc.code, label: loc.name };
    const req = await ctx.db.selectFrom('requests').select(['id', 'request_no', 'kind', 'from_agency_id', 'to_agency_id']).where('request_no', '=', code).executeTakeFirst();
    if (req && canSeeRequest(ctx.user, req) && (await requestInUsersStore(ctx, req.id))) return { kind: 'request' as const, id: req.id, code: req.request_no, label: req.kind };
    return { kind: 'unknown' as const, code };
  },
};
