/**
 * 外部保管: property that never enters the store. Registered straight into EXTERNAL_CUSTODY (no 24-hour intake
 * clock, no shelf) with its notice and term; renewed (EXTERNAL_RENEWED, new end date) and released
 * (EXTERNAL_RELEASED → 已发还) by a case officer of the holding agency. Transfers, returns and dispositions go
 * through the ordinary requests, since EXTERNAL_CUSTODY is a held status.
 */
import type { HandlerMap } from '../../api/handler-types';
import type { Ctx } from '../../context';
import type { ExternalDto } from '../../../../shared/api/external.contract';
import { EXTERNAL_DEFAULT_CATEGORY, EXTERNAL_KIND_LABELS, EXTERNAL_RELEASE_LABELS, EXTERNAL_RENEW_LABELS, EXTERNAL_SOURCE, EXTERNAL_TERM_MONTHS, addMonths, daysBetween, maskAccountNo, type ExternalKind } from '../../../../shared/domain/external';
import type { ItemStatus } from '../../../../shared/domain/enums';
import { canSeeItem, itemScope, notVisible, seesIdNumbers } from '../../access/visibility';
import { badInput, conflict } from '../../errors';
import { assertHoldingAgency, assertNoOpenRequest } from '../common/item.guards';
import { itemLabel, localDay } from '../custody/custody.lookup';
import { applyItemEvent, loadItem } from '../custody/custody';
import { registerItems } from '../items/item.register';

function baseQuery(ctx: Ctx) {
  return ctx.db
    .selectFrom('external_custody as e')
    .innerJoin('items as i', 'i.id', 'e.item_id')
    .innerJoin('cases as c', 'c.id', 'i.case_id')
    .innerJoin('agencies as a', 'a.id', 'i.holding_agency_id')
    .selectAll('e')
    .select(['i.code', 'i.name', 'i.status', 'i.case_id', 'i.holding_agency_id', 'c.case_no', 'a.name as agency_name']);
}
type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

const RUNNING: readonly ItemStatus[] = ['EXTERNAL_CUSTODY', 'PENDING_DISPOSITION'];

function toDto(ctx: Ctx, r: Row, full: boolean): ExternalDto {
  const running = r.released_at === null && RUNNING.includes(r.status as ItemStatus);
  return {
    itemId: r.item_id,
    itemCode: r.code,
    itemName: r.name,
    caseId: r.case_id,
    caseNo: r.case_no,
    status: r.status as ItemStatus,
    holdingAgencyName: r.agency_name,
    kind: r.kind as ExternalKind,
    institution: r.institution,
    accountNo: full ? r.account_no : maskAccountNo(r.account_no),
    certificateNo: r.certificate_no,
    address: r.address,
    amount: r.amount === null ? null : Number(r.amount),
    noticeNo: r.notice_no,
    startDate: r.start_date,
    endDate: r.end_date,
    releasedAt: r.released_at,
    daysLeft: running ? daysBetween(localDay(ctx.now), r.end_date) : null,
  };
}

async function getDto(ctx: Ctx, itemId: number): Promise<ExternalDto> {
  const r = await baseQuery(ctx).where('e.item_id', '=', itemId).executeTakeFirst();
  if (!r || !(await canSeeItem(ctx, itemId))) throw notVisible('外部保管财物');
  return toDto(ctx, r, seesIdNumbers(ctx.user, r.holding_agency_id));
}

/** The item for a renewal or release: visible, off-site, held by the user's agency, still running. */
async function actionable(ctx: Ctx, itemId: number, what: string) {
  const dto = await getDto(ctx, itemId);
  const item = await loadItem(ctx, itemId);
  await assertHoldingAgency(ctx, item, `办理${what}`);
  if (dto.releasedAt) throw conflict(`${itemLabel(item)}已于 ${localDay(dto.releasedAt)} 解除，不能再${what}`);
  return { dto, item };
}

export const externalHandlers: HandlerMap<'external.register' | 'external.list' | 'external.get' | 'external.renew' | 'external.release'> = {
  'external.register': async (ctx, input) => {
    const today = localDay(ctx.now);
    const rows = input.items.map((it, k) => {
      const at = `第 ${k + 1} 项「${it.name}」`;
      if (it.startDate > today) throw badInput(`${at}的起始日期（${it.startDate}）不能晚于今天（${today}）`);
      const endDate = it.endDate ?? addMonths(it.startDate, EXTERNAL_TERM_MONTHS[it.kind]);
      if (endDate <= it.startDate) throw badInput(`${at}的期限届满日（${endDate}）必须晚于起始日期（${it.startDate}）`);
      if (it.kind === 'deposit' && (!it.accountNo || it.amount === undefined)) throw badInput(`${at}为冻结财产，须填写账号和冻结金额`);
      if (it.kind === 'real_estate' && (!it.certificateNo || !it.address)) throw badInput(`${at}为查封不动产，须填写不动产权证号和坐落地址`);
      if (it.kind === 'movable' && !it.address) throw badInput(`${at}为异地保管财物，须填写保管地址`);
      return { ...it, endDate };
    });
    const ids = await registerItems(
      ctx,
      {
        caseId: input.caseId,
        seizureDocNo: input.seizureDocNo,
        seizedAt: input.seizedAt,
        seizedBy: input.seizedBy,
        items: rows.map((it) => ({
          name: it.name,
          category: it.category ?? EXTERNAL_DEFAULT_CATEGORY[it.kind],
          spec: it.spec,
          quantity: it.quantity,
          unit: it.unit,
          features: it.features,
          estimatedValue: it.estimatedValue ?? it.amount,
          source: EXTERNAL_SOURCE[it.kind],
          ownerName: it.ownerName,
          ownerIdNo: it.ownerIdNo,
          flags: it.flags,
        })),
      },
      {
        status: 'EXTERNAL_CUSTODY',
        payload: (k) => {
          const it = rows[k]!;
          return { external: { kind: it.kind, institution: it.institution, accountNo: it.accountNo ?? null, certificateNo: it.certificateNo ?? null, address: it.address ?? null, amount: it.amount ?? null, noticeNo: it.noticeNo, startDate: it.startDate, endDate: it.endDate } };
        },
        beforeEvents: async (ids) => {
          await ctx.db
            .insertInto('external_custody')
            .values(
              rows.map((it, k) => ({
                item_id: ids[k]!,
                kind: it.kind,
                institution: it.institution,
                account_no: it.accountNo ?? null,
                certificate_no: it.certificateNo ?? null,
                address: it.address ?? null,
                amount: it.amount ?? null,
                notice_no: it.noticeNo,
                start_date: it.startDate,
                end_date: it.endDate,
                released_at: null,
                updated_at: ctx.now,
              })),
            )
            .execute();
        },
      },
    );
    const out: ExternalDto[] = [];
    for (const id of ids) out.push(await getDto(ctx, id));
    return out;
  },

  'external.list': async (ctx, { caseId, running, limit }) => {
    let q = baseQuery(ctx);
    const scope = itemScope(ctx.user);
    if (scope) q = q.where(scope);
    if (caseId) q = q.where('i.case_id', '=', caseId);
    if (running) q = q.where('e.released_at', 'is', null).where('i.status', 'in', [...RUNNING]);
    const rows = await q.orderBy('e.end_date').orderBy('e.item_id').limit(limit).execute();
    return rows.map((r) => toDto(ctx, r, false));
  },

  'external.get': async (ctx, { itemId }) => getDto(ctx, itemId),

  'external.renew': async (ctx, input) => {
    const { dto, item } = await actionable(ctx, input.itemId, '续期');
    const what = EXTERNAL_RENEW_LABELS[dto.kind];
    if (input.endDate <= dto.endDate) throw badInput(`${what}后的期限届满日（${input.endDate}）必须晚于原届满日（${dto.endDate}）`);
    if (input.endDate <= localDay(ctx.now)) throw badInput(`${what}后的期限届满日（${input.endDate}）必须晚于今天`);
    await applyItemEvent(ctx, item, {
      type: 'EXTERNAL_RENEWED',
      legalDocNo: input.noticeNo,
      note: input.note ?? `${what}：期限由 ${dto.endDate} 延至 ${input.endDate}（${input.noticeNo}）`,
      payload: { kind: dto.kind, endDateFrom: dto.endDate, endDateTo: input.endDate, noticeNo: input.noticeNo },
    });
    await ctx.db.updateTable('external_custody').set({ end_date: input.endDate, notice_no: input.noticeNo, updated_at: ctx.now }).where('item_id', '=', item.id).execute();
    return getDto(ctx, item.id);
  },

  'external.release': async (ctx, input) => {
    const { dto, item } = await actionable(ctx, input.itemId, '解除');
    const what = EXTERNAL_RELEASE_LABELS[dto.kind];
    await assertNoOpenRequest(ctx, item, what);
    if (input.releasedOn > localDay(ctx.now)) throw badInput(`${what}日期（${input.releasedOn}）不能晚于今天`);
    if (input.releasedOn < dto.startDate) throw badInput(`${what}日期（${input.releasedOn}）不能早于起始日期（${dto.startDate}）`);
    await applyItemEvent(ctx, item, {
      type: 'EXTERNAL_RELEASED',
      legalDocNo: input.noticeNo,
      note: input.note ?? `${what}（${EXTERNAL_KIND_LABELS[dto.kind]}，${input.noticeNo}）`,
      payload: { kind: dto.kind, releasedOn: input.releasedOn, noticeNo: input.noticeNo },
    });
    await ctx.db.updateTable('external_custody').set({ released_at: ctx.now, updated_at: ctx.now }).where('item_id', '=', item.id).execute();
    return getDto(ctx, item.id);
  },
};
