/** Excel export of the item list, with the same filter as item.list. */
import type { HandlerMap } from '../../api/handler-types';
import type { Ctx } from '../../context';
import type { ItemDto } from '../../../../shared/api/item.contract';
import type { FileOut } from '../../../../shared/api/common.schemas';
import { EXPORT_MAX_ROWS } from '../../../../shared/api/custody.contract';
import { ITEM_CATEGORY_LABELS, ITEM_FLAG_LABELS, ITEM_SOURCE_LABELS, ITEM_STATUS_LABELS } from '../../../../shared/domain/enums';
import { badInput } from '../../errors';
import { applyItemFilter, itemBaseQuery, selectItemColumns, toItemDtos, type ItemListFilter } from './item.repository';
import { fmtLocal } from '../custody/custody.lookup';
import { sheet, writeXlsx, type XlsxColumn } from '../exports/xlsx-stream';

const COLUMNS: Array<XlsxColumn<ItemDto>> = [
  { header: '编码', width: 22, value: (d) => d.code },
  { header: '名称', width: 24, value: (d) => d.name },
  { header: '案件编号', width: 22, value: (d) => d.caseNo },
  { header: '案件名称', width: 24, value: (d) => d.caseName },
  { header: '类别', width: 12, value: (d) => ITEM_CATEGORY_LABELS[d.category] },
  { header: '规格', width: 16, value: (d) => d.spec ?? '' },
  { header: '数量', width: 8, value: (d) => d.quantity },
  { header: '单位', width: 6, value: (d) => d.unit },
  { header: '现金金额（元）', width: 14, value: (d) => d.cashAmount ?? '' },
  { header: '估值（元）', width: 12, value: (d) => d.estimatedValue ?? '' },
  { header: '状态', width: 12, value: (d) => ITEM_STATUS_LABELS[d.status] },
  { header: '存放位置', width: 30, value: (d) => d.locationPath ?? d.outWith ?? '' },
  { header: '持有单位', width: 22, value: (d) => d.holdingAgencyName },
  { header: '扣押时间', width: 17, value: (d) => fmtLocal(d.seizedAt) },
  { header: '扣押决定书编号', width: 26, value: (d) => d.seizureDocNo ?? '' },
  { header: '来源', width: 8, value: (d) => ITEM_SOURCE_LABELS[d.source] },
  { header: '持有人/所有人', width: 14, value: (d) => d.ownerName ?? '' },
  { header: '封签号', width: 14, value: (d) => d.sealNo ?? '' },
  { header: '标记', width: 16, value: (d) => d.flags.map((x) => ITEM_FLAG_LABELS[x]).join('、') },
  { header: '登记时间', width: 17, value: (d) => fmtLocal(d.createdAt) },
];

const BATCH = 1000;

export const exportHandlers: HandlerMap<'item.export'> = {
  'item.export': async (ctx, f) => exportItems(ctx, f),
};

/** Builds the workbook through the shared runner; `onProgress(rows done, total)` after each batch (a job reports it to the UI). */
export async function exportItems(ctx: Ctx, f: ItemListFilter, onProgress?: (done: number, total: number) => void | Promise<void>): Promise<FileOut> {
  const q = applyItemFilter(ctx, itemBaseQuery(ctx), f);
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  if (total > EXPORT_MAX_ROWS) throw badInput(`符合条件的物品共 ${total} 件，超过单次导出上限 ${EXPORT_MAX_ROWS} 件，请缩小筛选范围后分批导出`);
  // Keyset pagination by id: constant cost per batch however far in.
  async function* batches() {
    let lastId = 0;
    for (;;) {
      const rows = await selectItemColumns(q).where('i.id', '>', lastId).orderBy('i.id').limit(BATCH).execute();
      if (rows.length === 0) return;
      lastId = rows.at(-1)!.id;
      yield await toItemDtos(ctx, rows);
    }
  }
  return writeXlsx(ctx, {
    title: '物品清单',
    sheets: [sheet({ name: '物品清单', columns: COLUMNS, batches: batches() })],
    total,
    info: [
      ['物品数量', total],
      ['筛选条件', (await describeFilter(ctx, f)) || '全部物品'],
    ],
    ...(onProgress ? { onProgress } : {}),
  });
}

async function describeFilter(ctx: Ctx, f: ItemListFilter): Promise<string> {
  const parts: string[] = [];
  if (f.q) parts.push(`关键词「${f.q}」`);
  if (f.status?.length) parts.push(`状态：${f.status.map((s) => ITEM_STATUS_LABELS[s]).join('、')}`);
  if (f.category?.length) parts.push(`类别：${f.category.map((c) => ITEM_CATEGORY_LABELS[c]).join('、')}`);
  if (f.locationId) {
    const l = await ctx.db.selectFrom('locations').select(['code', 'name']).where('id', '=', f.locationId).executeTakeFirst();
    parts.push(`库位：${l ? `${l.code}（${l.name}）` : `编号 ${f.locationId}`}`);
  }
  if (f.holdingAgencyId) {
    const a = await ctx.db.selectFrom('agencies').select('name').where('id', '=', f.holdingAgencyId).executeTakeFirst();
    parts.push(`持有单位：${a?.name ?? `编号 ${f.holdingAgencyId}`}`);
  }
  if (f.caseId) {
    const c = await ctx.db.selectFrom('cases').select('case_no').where('id', '=', f.caseId).executeTakeFirst();
    parts.push(`案件：${c?.case_no ?? `编号 ${f.caseId}`}`);
  }
  if (f.seizedFrom) parts.push(`扣押时间自 ${fmtLocal(new Date(f.seizedFrom).toISOString())}`);
  if (f.seizedTo) parts.push(`扣押时间至 ${fmtLocal(new Date(f.seizedTo).toISOString())}`);
  return parts.join('；');
}
