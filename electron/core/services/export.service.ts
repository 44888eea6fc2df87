/** Excel export of the item list, with the same filter as item.list. */
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { HandlerMap } from '../api/handlers';
import type { Ctx } from '../context';
import type { itemListFilter } from '../../../shared/api/item.contract';
import { EXPORT_MAX_ROWS } from '../../../shared/api/custody.contract';
import { ITEM_CATEGORY_LABELS, ITEM_FLAG_LABELS, ITEM_SOURCE_LABELS, ITEM_STATUS_LABELS } from '../../../shared/domain/enums';
import { itemSearchIds } from '../db/dialect';
import { badInput } from '../errors';
import { itemBaseQuery, selectItemColumns, toItemDtos } from './item.repository';
import { fmtLocal } from './custody.lookup';

export type ItemListFilter = z.output<typeof itemListFilter>;
type ItemQuery = ReturnType<typeof itemBaseQuery>;

/** The item.list filter as a reusable step (item.list can call this too, so list and export always agree). */
export function applyItemFilter(ctx: Pick<Ctx, 'dialect'>, q: ItemQuery, f: ItemListFilter): ItemQuery {
  if (f.q) q = q.where(sql<boolean>`i.id IN (${itemSearchIds(ctx.dialect, f.q)})`);
  if (f.status?.length) q = q.where('i.status', 'in', f.status);
  if (f.category?.length) q = q.where('i.category', 'in', f.category);
  if (f.locationId) q = q.where('i.location_id', '=', f.locationId);
  if (f.holdingAgencyId) q = q.where('i.holding_agency_id', '=', f.holdingAgencyId);
  if (f.caseId) q = q.where('i.case_id', '=', f.caseId);
  if (f.seizedFrom) q = q.where('i.seized_at', '>=', new Date(f.seizedFrom).toISOString());
  if (f.seizedTo) q = q.where('i.seized_at', '<=', new Date(f.seizedTo).toISOString());
  return q;
}

const COLUMNS: Array<{ header: string; key: string; width: number }> = [
  { header: '编码', key: 'code', width: 22 },
  { header: '名称', key: 'name', width: 24 },
  { header: '案件编号', key: 'caseNo', width: 22 },
  { header: '案件名称', key: 'caseName', width: 24 },
  { header: '类别', key: 'category', width: 12 },
  { header: '规格', key: 'spec', width: 16 },
  { header: '数量', key: 'quantity', width: 8 },
  { header: '单位', key: 'unit', width: 6 },
  { header: '现金金额（元）', key: 'cashAmount', width: 14 },
  { header: '估值（元）', key: 'estimatedValue', width: 12 },
  { header: '状态', key: 'status', width: 12 },
  { header: '存放位置', key: 'location', width: 30 },
  { header: '持有单位', key: 'holdingAgency', width: 22 },
  { header: '扣押时间', key: 'seizedAt', width: 17 },
  { header: '扣押决定书编号', key: 'seizureDocNo', width: 26 },
  { header: '来源', key: 'source', width: 8 },
  { header: '持有人/所有人', key: 'ownerName', width: 14 },
  { header: '封签号', key: 'sealNo', width: 14 },
  { header: '标记', key: 'flags', width: 16 },
  { header: '登记时间', key: 'createdAt', width: 17 },
];

const BATCH = 5000;

export const exportHandlers: HandlerMap<'item.export'> = {
  'item.export': async (ctx, f) => {
    const q = applyItemFilter(ctx, itemBaseQuery(ctx), f);
    const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    if (total > EXPORT_MAX_ROWS) throw badInput(`符合条件的物品共 ${total} 件，超过单次导出上限 ${EXPORT_MAX_ROWS} 件，请缩小筛选范围后分批导出`);

    const wb = new ExcelJS.Workbook();
    wb.creator = ctx.user.displayName;
    wb.created = new Date(ctx.now);
    const ws = wb.addWorksheet('物品清单', { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = COLUMNS;
    ws.getRow(1).font = { bold: true };
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };

    // Keyset pagination by id: constant cost per batch however far in.
    let lastId = 0;
    for (;;) {
      const rows = await selectItemColumns(q).where('i.id', '>', lastId).orderBy('i.id').limit(BATCH).execute();
      if (rows.length === 0) break;
      lastId = rows.at(-1)!.id;
      for (const d of await toItemDtos(ctx, rows)) {
        ws.addRow({
          code: d.code,
          name: d.name,
          caseNo: d.caseNo,
          caseName: d.caseName,
          category: ITEM_CATEGORY_LABELS[d.category],
          spec: d.spec ?? '',
          quantity: d.quantity,
          unit: d.unit,
          cashAmount: d.cashAmount ?? '',
          estimatedValue: d.estimatedValue ?? '',
          status: ITEM_STATUS_LABELS[d.status],
          location: d.locationPath ?? d.outWith ?? '',
          holdingAgency: d.holdingAgencyName,
          seizedAt: fmtLocal(d.seizedAt),
          seizureDocNo: d.seizureDocNo ?? '',
          source: ITEM_SOURCE_LABELS[d.source],
          ownerName: d.ownerName ?? '',
          sealNo: d.sealNo ?? '',
          flags: d.flags.map((x) => ITEM_FLAG_LABELS[x]).join('、'),
          createdAt: fmtLocal(d.createdAt),
        });
      }
    }

    const info = wb.addWorksheet('导出说明');
    info.columns = [{ width: 14 }, { width: 60 }];
    info.addRows([
      ['导出人', `${ctx.user.displayName}（${ctx.user.agencyName}）`],
      ['导出时间', fmtLocal(ctx.now)],
      ['物品数量', total],
      ['筛选条件', (await describeFilter(ctx, f)) || '全部物品'],
      ['时间说明', '时间均为北京时间（UTC+8）'],
    ]);

    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const stamp = fmtLocal(ctx.now).replace(/[-: ]/g, '').replace(/^(\d{8})(\d{4})$/, '$1-$2');
    return {
      fileName: `物品清单-${stamp}.xlsx`,
      mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      base64: buf.toString('base64'),
    };
  },
};

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
