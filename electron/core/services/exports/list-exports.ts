/**
 * Excel exports of the lists: cases, requests, overdue loans, alerts and a count's results. Each pages through the
 * list's own read (so visibility and the screen's filters are those of the list itself) into the shared runner.
 */
import type { Ctx } from '../../context';
import type { FileOut } from '../../../../shared/api/common.schemas';
import type { CaseDto, ListTotal } from '../../../../shared/api/item.contract';
import type { RequestSummaryDto } from '../../../../shared/api/request.contract';
import type { AlertDto } from '../../../../shared/api/custody.contract';
import type { CaseListFilter, RequestListFilter } from '../../../../shared/api/list-export.schemas';
import { ALERT_KIND_LABELS } from '../../../../shared/api/custody.contract';
import { CASE_STAGE_LABELS } from '../../../../shared/domain/enums';
import { CASE_TYPE_LABELS } from '../../../../shared/domain/case-life';
import { REQUEST_KIND_LABELS, REQUEST_STATUS_LABELS, TRANSFER_MODE_LABELS } from '../../../../shared/domain/requests';
import { DISCREPANCY_KIND_LABELS, DISCREPANCY_STATUS_LABELS, SCAN_RESULT_LABELS, STOCKTAKE_STATUS_LABELS } from '../../../../shared/api/stocktake.contract';
import { caseDtos } from '../items/item.handlers';
import { listRequests } from '../requests/request.read';
import { overdueLoans } from '../loans/loan.service';
import { listAlerts } from '../alerts/alert.service';
import { countDto } from '../stocktake/stocktake.read';
import { fmtLocal } from '../custody/custody.lookup';
import { checkRowLimit, pages, sheet, writeXlsx, type XlsxColumn } from './xlsx-stream';

type Progress = (done: number, total: number) => void | Promise<void>;
const PAGE = 500;
const t = (iso: string | null | undefined) => (iso ? fmtLocal(iso) : '');
const totalOf = (x: ListTotal | null) => x?.n ?? 0;
const opt = (onProgress?: Progress) => (onProgress ? { onProgress } : {});

const CASE_COLUMNS: Array<XlsxColumn<CaseDto>> = [
  { header: '案件编号', width: 24, value: (c) => c.caseNo },
  { header: '案件名称', width: 28, value: (c) => c.name },
  { header: '案由', width: 16, value: (c) => c.cause },
  { header: '案件类型', width: 10, value: (c) => (c.caseType ? CASE_TYPE_LABELS[c.caseType] : '') },
  { header: '主办单位', width: 22, value: (c) => c.hostAgencyName },
  { header: '承办人', width: 10, value: (c) => c.officerName },
  { header: '诉讼阶段', width: 10, value: (c) => CASE_STAGE_LABELS[c.stage] },
  { header: '物品件数', width: 10, value: (c) => c.itemCount },
  { header: '公安案件编号', width: 22, value: (c) => c.policeNo },
  { header: '检察受案号', width: 22, value: (c) => c.procuratorateNo },
  { header: '法院案号', width: 22, value: (c) => c.courtNo },
  { header: '登记时间', width: 17, value: (c) => t(c.createdAt) },
];

export async function exportCases(ctx: Ctx, f: CaseListFilter, onProgress?: Progress): Promise<FileOut> {
  const first = await caseDtos(ctx, { ...f, limit: PAGE });
  checkRowLimit(first.total?.kind === 'exact' ? first.total.n : 0, '案件', '件');
  const batches = pages<CaseDto, number>(undefined, async (before) => (before === undefined ? first : caseDtos(ctx, { ...f, before, limit: PAGE })));
  const parts = [f.q ? `关键词「${f.q}」` : '', f.hostAgencyId ? `主办单位：${await agencyName(ctx, f.hostAgencyId)}` : ''].filter(Boolean);
  return writeXlsx(ctx, {
    title: '案件列表',
    sheets: [sheet({ name: '案件列表', columns: CASE_COLUMNS, batches })],
    total: totalOf(first.total),
    info: [['筛选条件', parts.join('；') || '全部案件']],
    ...opt(onProgress),
  });
}

const REQUEST_COLUMNS: Array<XlsxColumn<RequestSummaryDto>> = [
  { header: '申请单号', width: 22, value: (r) => r.requestNo },
  { header: '类型', width: 8, value: (r) => REQUEST_KIND_LABELS[r.kind] },
  { header: '方式', width: 16, value: (r) => (r.mode ? TRANSFER_MODE_LABELS[r.mode] : '') },
  { header: '状态', width: 10, value: (r) => REQUEST_STATUS_LABELS[r.status] },
  { header: '案件编号', width: 22, value: (r) => r.caseNo },
  { header: '案件名称', width: 24, value: (r) => r.caseName },
  { header: '申请单位', width: 22, value: (r) => r.fromAgencyName },
  { header: '接收单位', width: 22, value: (r) => r.toAgencyName },
  { header: '事由', width: 30, value: (r) => r.reason },
  { header: '物品件数', width: 10, value: (r) => r.itemCount },
  { header: '未完结件数', width: 10, value: (r) => r.openItemCount },
  { header: '申请人', width: 10, value: (r) => r.createdByName },
  { header: '申请时间', width: 17, value: (r) => t(r.createdAt) },
  { header: '审批人', width: 10, value: (r) => r.decidedByName },
  { header: '审批时间', width: 17, value: (r) => t(r.decidedAt) },
  { header: '应还时间', width: 17, value: (r) => t(r.dueAt) },
  { header: '当前待办', width: 26, value: (r) => r.waitingFor },
];

export async function exportRequests(ctx: Ctx, f: RequestListFilter, onProgress?: Progress): Promise<FileOut> {
  const read = (before?: number) => listRequests(ctx, { ...f, ...(before ? { before } : {}), limit: PAGE });
  const first = await read();
  checkRowLimit(first.total?.kind === 'exact' ? first.total.n : 0, '申请单', '份');
  const batches = pages<RequestSummaryDto, number>(undefined, (before) => (before === undefined ? Promise.resolve(first) : read(before)));
  const parts = [
    f.kind ? `类型：${REQUEST_KIND_LABELS[f.kind]}` : '',
    f.status?.length ? `状态：${f.status.map((s) => REQUEST_STATUS_LABELS[s]).join('、')}` : '',
    f.mine ? '只含我提交的' : '',
    f.caseId ? `案件：${await caseNo(ctx, f.caseId)}` : '',
    f.q ? `关键词「${f.q}」` : '',
  ].filter(Boolean);
  return writeXlsx(ctx, {
    title: '申请单列表',
    sheets: [sheet({ name: '申请单列表', columns: REQUEST_COLUMNS, batches })],
    total: totalOf(first.total),
    info: [['筛选条件', parts.join('；') || '全部申请单']],
    ...opt(onProgress),
  });
}

type OverdueRow = Awaited<ReturnType<typeof overdueLoans>>['rows'][number];
const OVERDUE_COLUMNS: Array<XlsxColumn<OverdueRow>> = [
  { header: '申请单号', width: 22, value: (r) => r.requestNo },
  { header: '案件编号', width: 22, value: (r) => r.caseNo },
  { header: '申请单位', width: 22, value: (r) => r.fromAgencyName },
  { header: '借用人', width: 12, value: (r) => r.borrower },
  { header: '应还时间', width: 17, value: (r) => t(r.dueAt) },
  { header: '逾期天数', width: 10, value: (r) => r.daysOverdue },
  { header: '未还件数', width: 10, value: (r) => r.items.length },
  { header: '未还物品', width: 60, value: (r) => r.items.map((i) => `${i.code}（${i.name}）`).join('、') },
];

export async function exportOverdue(ctx: Ctx, onProgress?: Progress): Promise<FileOut> {
  const first = await overdueLoans(ctx, { offset: 0, limit: PAGE });
  checkRowLimit(first.total, '逾期调用', '份');
  const batches = pages<OverdueRow, number>(undefined, async (offset) => {
    const p = offset === undefined ? first : await overdueLoans(ctx, { offset, limit: PAGE });
    const at = offset ?? 0;
    return { rows: p.rows, next: at + p.rows.length < p.total ? at + p.rows.length : null };
  });
  return writeXlsx(ctx, {
    title: '逾期未还调用',
    sheets: [sheet({ name: '逾期未还调用', columns: OVERDUE_COLUMNS, batches })],
    total: first.total,
    info: [['逾期调用', first.total]],
    ...opt(onProgress),
  });
}

const ALERT_COLUMNS: Array<XlsxColumn<AlertDto>> = [
  { header: '预警类型', width: 16, value: (a) => ALERT_KIND_LABELS[a.kind] },
  { header: '级别', width: 8, value: (a) => (a.severity === 'danger' ? '严重' : '提醒') },
  { header: '物品编码', width: 22, value: (a) => a.itemCode },
  { header: '案件编号', width: 22, value: (a) => a.caseNo },
  { header: '申请单号', width: 22, value: (a) => a.requestNo },
  { header: '说明', width: 70, value: (a) => a.message },
  { header: '起算时间', width: 17, value: (a) => t(a.since) },
];

export async function exportAlerts(ctx: Ctx, onProgress?: Progress): Promise<FileOut> {
  const r = await listAlerts(ctx);
  async function* batches() {
    for (let i = 0; i < r.alerts.length; i += PAGE) yield r.alerts.slice(i, i + PAGE);
  }
  const counts = Object.entries(r.counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${ALERT_KIND_LABELS[k as keyof typeof ALERT_KIND_LABELS]} ${n}`)
    .join('；');
  return writeXlsx(ctx, {
    title: '时限预警',
    sheets: [sheet({ name: '时限预警', columns: ALERT_COLUMNS, batches: batches() })],
    total: r.alerts.length,
    info: [
      ['预警条数', r.alerts.length],
      ['各类合计', counts || '无'],
      ['说明', `每类最多列出 ${r.limitPerKind} 条（与「时限预警」页相同）`],
    ],
    ...opt(onProgress),
  });
}

type Dto = Awaited<ReturnType<typeof countDto>>;
const EXPECTED_COLUMNS: Array<XlsxColumn<Dto['expected'][number]>> = [
  { header: '物品编码', width: 22, value: (e) => e.code },
  { header: '名称', width: 24, value: (e) => e.name },
  { header: '账面库位', width: 34, value: (e) => e.location },
  { header: '盘点结果', width: 10, value: (e) => (e.counted ? '已盘到' : '未盘到') },
];
const DISCREPANCY_COLUMNS: Array<XlsxColumn<Dto['discrepancies'][number]>> = [
  { header: '差异类型', width: 18, value: (d) => DISCREPANCY_KIND_LABELS[d.kind] },
  { header: '编码', width: 22, value: (d) => d.code },
  { header: '名称', width: 24, value: (d) => d.itemName },
  { header: '账面库位', width: 30, value: (d) => d.expectedLocation },
  { header: '发现库位', width: 30, value: (d) => d.foundLocation },
  { header: '说明', width: 30, value: (d) => d.detail },
  { header: '处理状态', width: 10, value: (d) => DISCREPANCY_STATUS_LABELS[d.status] },
  { header: '处理意见', width: 30, value: (d) => d.note },
];
const SCAN_COLUMNS: Array<XlsxColumn<Dto['scans'][number]>> = [
  { header: '扫描时间', width: 17, value: (s) => t(s.scannedAt) },
  { header: '编码', width: 22, value: (s) => s.code },
  { header: '结果', width: 16, value: (s) => SCAN_RESULT_LABELS[s.result] },
  { header: '名称', width: 24, value: (s) => s.itemName },
  { header: '库位', width: 30, value: (s) => s.locationName },
  { header: '说明', width: 30, value: (s) => s.detail },
  { header: '扫描人', width: 10, value: (s) => s.scannedByName },
];

/** One count's results: the expected list with what was found, the discrepancies and the scans. */
export async function exportCountResults(ctx: Ctx, stocktakeId: number, onProgress?: Progress): Promise<FileOut> {
  const d = await countDto(ctx, stocktakeId);
  const chunked = <T>(rows: T[]) =>
    (async function* () {
      for (let i = 0; i < rows.length; i += PAGE) yield rows.slice(i, i + PAGE);
    })();
  return writeXlsx(ctx, {
    title: `盘点结果-${d.countNo}`,
    sheets: [
      sheet({ name: '应盘物品', columns: EXPECTED_COLUMNS, batches: chunked(d.expected) }),
      sheet({ name: '盘点差异', columns: DISCREPANCY_COLUMNS, batches: chunked(d.discrepancies) }),
      sheet({ name: '扫描记录', columns: SCAN_COLUMNS, batches: chunked(d.scans) }),
    ],
    total: d.expected.length + d.discrepancies.length + d.scans.length,
    info: [
      ['盘点单号', d.countNo],
      ['盘点范围', `${d.storeName} / ${d.scopeName}（${d.scopeCode}）`],
      ['状态', STOCKTAKE_STATUS_LABELS[d.status]],
      ['应盘 / 盘到 / 扫描', `${d.expectedCount} / ${d.foundCount} / ${d.scanCount}`],
      ['开始', `${t(d.openedAt)}（${d.openedByName}）`],
      ['结束', d.closedAt ? `${t(d.closedAt)}（${d.closedByName ?? ''}）` : '未结束'],
      ...(d.expected.length === 0 && d.status !== 'CLOSED' ? [['说明', '盲盘进行中，应盘清单在结束后才导出'] as [string, string]] : []),
    ],
    ...opt(onProgress),
  });
}

async function agencyName(ctx: Ctx, id: number) {
  return (await ctx.db.selectFrom('agencies').select('name').where('id', '=', id).executeTakeFirst())?.name ?? `编号 ${id}`;
}
async function caseNo(ctx: Ctx, id: number) {
  return (await ctx.db.selectFrom('cases').select('case_no').where('id', '=', id).executeTakeFirst())?.case_no ?? `编号 ${id}`;
}
