/** 统计报表 as Excel (streaming writer) and as a printed PDF (serial, page x/y, events-hash QR, via issueDocument). */
import { sql, type Kysely } from 'kysely';
import type { Ctx } from '../../context';
import type { Database } from '../../db/schema';
import type { FileOut } from '../../../../shared/api/common.schemas';
import type { RateRow, ReportDto, ReportFilter } from '../../../../shared/api/report.contract';
import type { FormDoc } from '../../documents/document.types';
import { issueRecord, recordIssue, renderIssued } from '../../documents/issue-document';
import { resolveFonts } from '../../documents/pdf-engine';
import { fmtLocal } from '../custody/custody.lookup';
import { BY_EVENT_TYPES } from './report.stats';
import { fixedSheet, writeWorkbook, XLSX_MIME } from '../exports/xlsx-stream';

const money = (v: number) => v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const rateText = (r: RateRow) => (r.rate === null ? '—' : `${r.rate.toFixed(2)}%`);
const stamp = (iso: string) => fmtLocal(iso).replace(/[-: ]/g, '').slice(0, 12);

export async function exportReport(ctx: Ctx, r: ReportDto): Promise<FileOut> {
  const rates = (rows: RateRow[]) => rows.map((x) => [x.label, x.total, x.done, x.rate === null ? '' : x.rate / 100]);
  const bytes = await writeWorkbook(ctx, [
    fixedSheet('统计', ['项目', '件数', '金额/估值（元）'], [34, 10, 18], r.figures.map((f) => [f.label, f.count, f.value])),
    fixedSheet('处置到位率（单位）', ['单位', '物品数', '已处置或发还', '处置到位率'], [28, 10, 14, 12], rates(r.rateByAgency)),
    fixedSheet('处置到位率（案件）', ['案件', '物品数', '已处置或发还', '处置到位率'], [40, 10, 14, 12], rates(r.rateByCase)),
    fixedSheet('处置到位率（案件类型）', ['案件类型', '物品数', '已处置或发还', '处置到位率'], [20, 10, 14, 12], rates(r.rateByCaseType)),
    fixedSheet('说明', ['项目', '内容'], [14, 70], [
      ['导出人', `${ctx.user.displayName}（${ctx.user.agencyName}）`],
      ['导出时间', fmtLocal(ctx.now)],
      ['筛选条件', r.filterText],
      ['口径', '期内各项按账本事件计数；期末在库按各物品期末前最后一次出入库事件；处置到位率 = 处于执行或结案阶段的案件中已处置或发还的物品 / 这些案件的全部物品；期内各项按事件发生后的持有单位，其他筛选条件按物品当前信息'],
    ]),
  ]);
  return { fileName: `统计报表-${stamp(r.filter.from)}-${stamp(r.filter.to)}.xlsx`, mime: XLSX_MIME, base64: bytes.toString('base64') };
}

/** The events the period figures count (seq and hash): what the printed events-hash covers. */
export async function coveredEvents(ctx: Ctx, f: ReportFilter): Promise<Array<{ seq: number; hash: string }>> {
  let q = (ctx.db as unknown as Kysely<Database & { e: Database['custody_events']; i: Database['items'] }>)
    .selectFrom('custody_events as e')
    .innerJoin('items as i', 'i.id', 'e.item_id')
    .where('e.type', 'in', BY_EVENT_TYPES)
    .where('e.occurred_at', '>=', f.from)
    .where('e.occurred_at', '<', f.to);
  if (f.agencyId) q = q.where(sql`COALESCE(e.agency_to_id, i.holding_agency_id)`, '=', f.agencyId);
  if (f.storeId) q = q.where('i.store_id', '=', f.storeId);
  if (f.category) q = q.where('i.category', '=', f.category);
  if (f.status) q = q.where('i.status', '=', f.status);
  if (f.caseType) q = q.where(({ exists, selectFrom }) => exists(selectFrom('cases as c').select('c.id').whereRef('c.id', '=', 'i.case_id').where('c.case_type', '=', f.caseType!)));
  return q.select(['e.seq', 'e.hash']).execute();
}

/** The report as a printed form. */
export function reportDoc(ctx: Pick<Ctx, 'user'>, r: ReportDto): FormDoc {
  const caseRows = r.rateByCase.slice(0, 100);
  return {
    docType: 'statistics',
    title: '涉案财物统计报表',
    fields: [
      ['统计期间', `${fmtLocal(r.filter.from)} 至 ${fmtLocal(r.filter.to)}`],
      ['制表单位', ctx.user.agencyName],
      ['筛选条件', r.filterText],
      ['制表人', ctx.user.displayName],
    ],
    items: [],
    table: { title: '统计', columns: ['项目', '件数', '金额/估值（元）'], rows: r.figures.map((f) => [f.label, String(f.count), money(f.value)]), widths: ['*', 60, 110] },
    sections: [
      { title: '处置到位率（按案件类型，执行或结案阶段的案件）', lines: r.rateByCaseType.map((x) => [x.label, `${x.done}/${x.total}，${rateText(x)}`]) },
      { title: '处置到位率（按单位）', lines: r.rateByAgency.map((x) => [x.label, `${x.done}/${x.total}，${rateText(x)}`]) },
      {
        title: `处置到位率（按案件${r.rateByCase.length > caseRows.length ? `，前 ${caseRows.length} 个，共 ${r.rateByCase.length} 个` : ''}）`,
        lines: caseRows.map((x) => [x.label, `${x.done}/${x.total}，${rateText(x)}`]),
      },
      { title: '统计口径', lines: [['说明', '期内各项按账本事件计数（按事件发生后的持有单位）；期末在库按各物品期末前最后一次出入库事件；处置到位率 = 处于执行或结案阶段的案件中已处置或发还的物品 / 这些案件的全部物品']] },
    ].filter((s) => s.lines.length > 0) as FormDoc['sections'],
    signatures: [{ role: '制表人', name: ctx.user.displayName }, { role: '审核人', name: null }],
  };
}

export async function printReport(ctx: Ctx, r: ReportDto): Promise<FileOut> {
  const doc = reportDoc(ctx, r);
  resolveFonts(ctx.config.fontDir ?? null); // a missing font fails before anything is recorded
  const record = issueRecord(doc, await coveredEvents(ctx, r.filter), null);
  return renderIssued(ctx, doc, record, await recordIssue(ctx, record));
}
