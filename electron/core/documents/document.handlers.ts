/** Printed documents: item and location labels, audit trails of an item or a case. */
import { canSeeCase, canSeeItem, notVisible } from '../access/visibility';
import type { HandlerMap } from '../api/handler-types';
import { hasPermission } from '../../../shared/domain/permissions';
import type { Ctx } from '../context';
import type { FileOut } from '../../../shared/api/common.schemas';
import { EVENT_TYPE_LABELS, ITEM_CATEGORY_LABELS, type EventType, type ItemStatus } from '../../../shared/domain/enums';
import { checkTransition } from '../../../shared/domain/item-state';
import { AppError, conflict, forbidden } from '../errors';
import { applyItemEvent } from '../services/custody/custody';
import { getItemDto, getItemDtos } from '../services/items/item.repository';
import { locationPaths } from '../services/admin/admin.handlers';
import { issueDocument } from './issue-document';
import { LABEL_STOCK_NAMES, renderItemLabels, renderLocationLabels, type LabelStock } from './label.pdf';
import { caseTrailDoc, itemTrailDoc } from './trail.builder';

/** Shanghai local time as 20261201-1405, for file names. */
function stamp(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
}

const pdfOut = (fileName: string, pdf: Buffer): FileOut => ({ fileName, mime: 'application/pdf', base64: pdf.toString('base64') });
const fontDir = (ctx: Ctx) => ctx.config.fontDir ?? null;

async function printItemLabels(ctx: Ctx, itemIds: number[], stock: LabelStock, reprint: boolean): Promise<FileOut> {
  const ids = [...new Set(itemIds)];
  const rows = await ctx.db.selectFrom('items').selectAll().where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length) throw new AppError('NOT_FOUND', `物品不存在（ID：${missing.join('、')}）`);

  // Refuse the whole batch up front, naming every item the state machine does not allow.
  const refused = rows
    .map((r) => ({ r, check: checkTransition(r.status as ItemStatus, 'LABEL_PRINTED') }))
    .filter((x) => !x.check.ok)
    .map(({ r, check }) => `${r.code}（${r.name}）：${check.ok ? '' : check.message}`);
  if (refused.length) throw conflict(`有 ${refused.length} 件物品不能打印标签`, refused);

  const labelled = new Set(
    (
      await ctx.db
        .selectFrom('custody_events')
        .select('item_id')
        .where('item_id', 'in', ids)
        .where('type', 'in', ['LABEL_PRINTED', 'LABEL_REPRINTED'])
        .execute()
    ).map((e) => e.item_id),
  );
  for (const id of ids) {
    const type: EventType = reprint || labelled.has(id) ? 'LABEL_REPRINTED' : 'LABEL_PRINTED';
    await applyItemEvent(ctx, byId.get(id)!, { type, note: `${EVENT_TYPE_LABELS[type]}（${LABEL_STOCK_NAMES[stock]}）`, payload: { stock } });
  }

  const dtos = new Map((await getItemDtos(ctx, ids)).map((d) => [d.id, d]));
  const labels = ids.map((id) => {
    const d = dtos.get(id)!;
    return { code: d.code, name: d.name, caseNo: d.caseNo, category: ITEM_CATEGORY_LABELS[d.category], seizedAt: d.seizedAt };
  });
  const pdf = await renderItemLabels(labels, stock, { fontDir: fontDir(ctx) });
  return pdfOut(`物品标签-${ids.length}件-${stamp(ctx.now)}.pdf`, pdf);
}

export const documentHandlers: HandlerMap<'label.items' | 'label.locations' | 'document.itemTrail' | 'document.caseTrail'> = {
  'label.items': async (ctx, { itemIds, stock, reprint }) => printItemLabels(ctx, itemIds, stock, reprint ?? false),

  'label.locations': async (ctx, { locationIds, stock }) => {
    if (!hasPermission(ctx.user.roles, 'custody.handle') && !hasPermission(ctx.user.roles, 'admin.manage')) {
      throw forbidden('只有保管员或管理员可以打印库位标签');
    }
    const ids = [...new Set(locationIds)];
    const paths = await locationPaths(ctx);
    const missing = ids.filter((id) => !paths.has(id));
    if (missing.length) throw new AppError('NOT_FOUND', `库位不存在（ID：${missing.join('、')}）`);
    const inactive = ids.map((id) => paths.get(id)!).filter((p) => p.row.active !== 1);
    if (inactive.length) throw conflict('停用的库位不能打印标签', inactive.map((p) => `${p.row.code}（${p.path}）已停用`));
    const labels = ids.map((id) => {
      const p = paths.get(id)!;
      return { code: p.row.code, name: p.row.name, path: p.path };
    });
    const pdf = await renderLocationLabels(labels, stock, { fontDir: fontDir(ctx) });
    return pdfOut(`库位标签-${ids.length}个-${stamp(ctx.now)}.pdf`, pdf);
  },

  'document.itemTrail': async (ctx, { itemId }) => {
    const item = await getItemDto(ctx, { id: itemId });
    if (!item || !(await canSeeItem(ctx, itemId))) throw notVisible('物品');
    const events = await ctx.db.selectFrom('custody_events').selectAll().where('item_id', '=', itemId).orderBy('seq').execute();
    const doc = await itemTrailDoc(ctx, item, events);
    return issueDocument(ctx, doc, { eventIds: events.map((e) => e.id), caseId: item.caseId });
  },

  'document.caseTrail': async (ctx, { caseId }) => {
    const kase = await ctx.db
      .selectFrom('cases as c')
      .innerJoin('agencies as a', 'a.id', 'c.host_agency_id')
      .select(['c.case_no', 'c.name', 'c.cause', 'a.name as agency_name'])
      .where('c.id', '=', caseId)
      .executeTakeFirst();
    if (!kase || !(await canSeeCase(ctx, caseId))) throw notVisible('案件');
    const itemIds = (await ctx.db.selectFrom('items').select('id').where('case_id', '=', caseId).orderBy('id').execute()).map((r) => r.id);
    const items = await getItemDtos(ctx, itemIds);
    const events = await ctx.db.selectFrom('custody_events').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
    const doc = await caseTrailDoc(ctx, { caseNo: kase.case_no, name: kase.name, cause: kase.cause, hostAgencyName: kase.agency_name }, items, events);
    return issueDocument(ctx, doc, { eventIds: events.map((e) => e.id), caseId });
  },
};
