/** 盘点表 + 差异报告: scope, who counted and when, then expected, found and each kind of discrepancy, each listed. */
import type { Ctx } from '../../context';
import type { FileOut } from '../../../../shared/api/common.schemas';
import { DISCREPANCY_STATUS_LABELS, STOCKTAKE_STATUS_LABELS, type StocktakeDto } from '../../../../shared/api/stocktake.contract';
import type { FormDoc } from '../../documents/document.types';
import { issueDocument } from '../../documents/issue-document';
import { fmtLocal } from '../custody/custody.lookup';

export async function printCount(ctx: Ctx, c: StocktakeDto): Promise<FileOut> {
  const itemIds = [...new Set([...c.expected.map((e) => e.itemId), ...c.discrepancies.flatMap((d) => (d.itemId ? [d.itemId] : []))])];
  const events = await ctx.db
    .selectFrom('custody_events')
    .select(['id', 'payload'])
    .where('item_id', 'in', itemIds.length ? itemIds : [-1])
    .where('type', 'in', ['COUNTED', 'MOVED', 'LOST_REPORTED'])
    .orderBy('seq')
    .execute();
  const qty = new Map(
    (await ctx.db.selectFrom('items').select(['id', 'quantity', 'unit', 'seal_no']).where('id', 'in', itemIds.length ? itemIds : [-1]).execute()).map((i) => [i.id, i]),
  );
  const mine = events.filter((e) => (JSON.parse(e.payload) as { countNo?: string }).countNo === c.countNo);
  const counters = [...new Set([c.openedByName, ...c.scans.map((s) => s.scannedByName), ...(c.closedByName ? [c.closedByName] : [])])];
  const scanTimes = c.scans.map((s) => s.scannedAt).sort();
  const of = (kind: string) => c.discrepancies.filter((d) => d.kind === kind);
  const dups = c.scans.filter((s) => s.result === 'DUPLICATE');
  const list = (rows: string[]) => (rows.length ? rows.join('\n') : '无');
  const disc = (kind: string) =>
    list(
      of(kind).map(
        (d) =>
          `${d.code}${d.itemName ? `（${d.itemName}）` : ''}${d.expectedLocation ? `；账面：${d.expectedLocation}` : ''}${d.foundLocation ? `；实盘：${d.foundLocation}` : ''}${kind === 'NOT_IN_STORE' || kind === 'UNKNOWN' ? `；${d.detail ?? ''}` : ''}` +
          `；${DISCREPANCY_STATUS_LABELS[d.status]}${d.note ? `：${d.note}` : ''}${d.decidedByName ? `（审批：${d.decidedByName}，${d.decisionNote ?? ''}）` : ''}`,
      ),
    );
  const found = c.expected.filter((e) => e.counted).length;
  const doc: FormDoc = {
    docType: 'stocktake',
    title: '涉案财物盘点表及差异报告',
    barcode: c.countNo,
    fields: [
      ['盘点单号', c.countNo],
      ['状态', STOCKTAKE_STATUS_LABELS[c.status]],
      ['保管场所', c.storeName],
      ['盘点范围', `${c.scopeName}（${c.scopeCode}，含下级库位）`],
      ['盘点方式', c.blind ? '盲盘（不显示账面清单）' : '明盘（显示账面清单）'],
      ['盘点人', counters.join('、')],
      ['开始时间', fmtLocal(c.openedAt)],
      ['首次/末次扫描', scanTimes.length ? `${fmtLocal(scanTimes[0]!)} / ${fmtLocal(scanTimes[scanTimes.length - 1]!)}` : '无扫描'],
      ['结束时间', c.closedAt ? `${fmtLocal(c.closedAt)}（${c.closedByName ?? ''}）` : '未结束'],
      ['账面应有', `${c.expectedCount} 件`],
      ['实盘到', `${found} 件（其中位置不符 ${of('WRONG_LOCATION').length} 件）`],
      ['差异', `盘亏 ${of('MISSING').length}，位置不符 ${of('WRONG_LOCATION').length}，盘盈 ${of('UNEXPECTED').length}，不在库 ${of('NOT_IN_STORE').length}，未知编码 ${of('UNKNOWN').length}，重复扫描 ${dups.length}`],
    ],
    items: c.expected.map((e) => ({ code: e.code, name: e.name, quantity: qty.get(e.itemId)?.quantity ?? 1, unit: qty.get(e.itemId)?.unit ?? '件', sealNo: qty.get(e.itemId)?.seal_no ?? null, location: e.location, remark: e.counted ? '已盘到' : '未盘到' })),
    sections: [
      {
        title: '差异报告',
        lines: [
          ['盘亏（未找到）', disc('MISSING')],
          ['位置不符', disc('WRONG_LOCATION')],
          ['盘盈（登记在别处）', disc('UNEXPECTED')],
          ['不在库物品', disc('NOT_IN_STORE')],
          ['未知编码', disc('UNKNOWN')],
          ['重复扫描（未重复计数）', list(dups.map((s) => `${s.code}${s.itemName ? `（${s.itemName}）` : ''}，${fmtLocal(s.scannedAt)}`))],
        ],
      },
    ],
    signatures: [...counters.map((n) => ({ role: '盘点人', name: n })), { role: '监盘人', name: null }],
  };
  return issueDocument(ctx, doc, { eventIds: mine.map((e) => e.id) });
}
