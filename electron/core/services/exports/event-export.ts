/**
 * Excel export of 流转记录 (ledger events): a case's, an item's, or every event the user may see, in a period.
 * Visibility: an item's events when the user sees the item (itemScope); events without an item when the user sees
 * their case (caseScope); events with neither only for those who see all custody. Keyset by seq, oldest first.
 */
import type { Ctx } from '../../context';
import type { FileOut } from '../../../../shared/api/common.schemas';
import type { EventDto } from '../../../../shared/api/item.contract';
import type { EventListFilter } from '../../../../shared/api/list-export.schemas';
import { EVENT_TYPE_LABELS } from '../../../../shared/domain/enums';
import { caseScope, itemScope, seesAllCustody } from '../../access/visibility';
import { toEventDtos } from '../../ledger/event.mapper';
import { fmtLocal } from '../custody/custody.lookup';
import { checkRowLimit, sheet, writeXlsx, type XlsxColumn } from './xlsx-stream';

const BATCH = 1000;
type Row = EventDto & { caseNo: string };

const COLUMNS: Array<XlsxColumn<Row>> = [
  { header: '序号', width: 8, value: (e) => e.seq },
  { header: '时间', width: 17, value: (e) => fmtLocal(e.occurredAt) },
  { header: '事件', width: 14, value: (e) => EVENT_TYPE_LABELS[e.type] ?? e.type },
  { header: '物品编码', width: 22, value: (e) => e.itemCode },
  { header: '案件编号', width: 22, value: (e) => e.caseNo },
  { header: '经办人', width: 10, value: (e) => e.actorName },
  { header: '对方', width: 12, value: (e) => e.counterpart?.name },
  { header: '见证人', width: 14, value: (e) => e.witnesses.map((w) => w.name).join('、') },
  { header: '原单位', width: 20, value: (e) => e.agencyFrom },
  { header: '新单位', width: 20, value: (e) => e.agencyTo },
  { header: '原位置', width: 28, value: (e) => e.locationFrom },
  { header: '新位置', width: 28, value: (e) => e.locationTo },
  { header: '法律文书编号', width: 22, value: (e) => e.legalDocNo },
  { header: '物品状况', width: 16, value: (e) => e.conditionNote },
  { header: '备注', width: 30, value: (e) => e.note },
  { header: '哈希', width: 66, value: (e) => e.hash },
];

function eventQuery(ctx: Ctx, f: EventListFilter) {
  let q = ctx.db.selectFrom('custody_events as e');
  if (f.caseId) q = q.where('e.case_id', '=', f.caseId);
  if (f.itemId) q = q.where('e.item_id', '=', f.itemId);
  if (f.from) q = q.where('e.occurred_at', '>=', new Date(f.from).toISOString());
  if (f.to) q = q.where('e.occurred_at', '<=', new Date(f.to).toISOString());
  const items = itemScope(ctx.user);
  const cases = caseScope(ctx.user);
  if (!items && !cases) return q;
  return q.where((eb) =>
    eb.or([
      eb.and([eb('e.item_id', 'is not', null), items ? eb('e.item_id', 'in', eb.selectFrom('items as i').select('i.id').where(items)) : eb.lit(true)]),
      eb.and([
        eb('e.item_id', 'is', null),
        eb('e.case_id', 'is not', null),
        cases ? eb('e.case_id', 'in', eb.selectFrom('cases as c').select('c.id').where(cases)) : eb.lit(true),
      ]),
      ...(seesAllCustody(ctx.user) && !items ? [eb.and([eb('e.item_id', 'is', null), eb('e.case_id', 'is', null)])] : []),
    ]),
  );
}

export async function exportEvents(ctx: Ctx, f: EventListFilter, onProgress?: (done: number, total: number) => void | Promise<void>): Promise<FileOut> {
  const q = eventQuery(ctx, f);
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  checkRowLimit(total, '流转记录');
  const caseNos = new Map<number, string>();
  async function* batches() {
    let lastSeq = 0;
    for (;;) {
      const rows = await q.selectAll('e').where('e.seq', '>', lastSeq).orderBy('e.seq').limit(BATCH).execute();
      if (rows.length === 0) return;
      lastSeq = rows.at(-1)!.seq;
      const need = [...new Set(rows.map((r) => r.case_id).filter((c): c is number => c !== null && !caseNos.has(c)))];
      if (need.length) for (const c of await ctx.db.selectFrom('cases').select(['id', 'case_no']).where('id', 'in', need).execute()) caseNos.set(c.id, c.case_no);
      yield (await toEventDtos(ctx, rows)).map((e) => ({ ...e, caseNo: e.caseId === null ? '' : (caseNos.get(e.caseId) ?? '') }));
    }
  }
  const parts: string[] = [];
  if (f.caseId) parts.push(`案件：${(await ctx.db.selectFrom('cases').select('case_no').where('id', '=', f.caseId).executeTakeFirst())?.case_no ?? f.caseId}`);
  if (f.itemId) parts.push(`物品：${(await ctx.db.selectFrom('items').select('code').where('id', '=', f.itemId).executeTakeFirst())?.code ?? f.itemId}`);
  if (f.from) parts.push(`自 ${fmtLocal(new Date(f.from).toISOString())}`);
  if (f.to) parts.push(`至 ${fmtLocal(new Date(f.to).toISOString())}`);
  return writeXlsx(ctx, {
    title: '流转记录',
    sheets: [sheet({ name: '流转记录', columns: COLUMNS, batches: batches() })],
    total,
    info: [
      ['事件条数', total],
      ['范围', parts.join('；') || '可查看的全部流转记录'],
    ],
    ...(onProgress ? { onProgress } : {}),
  });
}
