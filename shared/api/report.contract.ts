/** 统计报表、首页图表、异常清单 (issue 12, parts 1–3): read-only figures for inspectors. */
import { z } from 'zod';
import { defineMethods } from './define';
import { fileOut, id, isoDateTime } from './common.schemas';
import { ITEM_CATEGORIES, ITEM_STATUSES } from '../domain/enums';
import { CASE_TYPES } from '../domain/case-life';
import { CASE_STAGES } from '../domain/enums';

/** Report figures, in print order. Each is counted from ledger events in the period, except the end-of-period ones. */
export const REPORT_FIGURES = [
  'received', 'refused', 'loanedOut', 'loanReturned', 'transferPaper', 'transferPhysical', 'returnedToOwner',
  'sold', 'destroyed', 'confiscated', 'handedOver', 'inStockAtEnd', 'overdueLoans', 'lateIntakes',
] as const;
export type ReportFigure = (typeof REPORT_FIGURES)[number];
export const REPORT_FIGURE_LABELS: Record<ReportFigure, string> = {
  received: '入库（查验通过）',
  refused: '拒收退回',
  loanedOut: '调用出库',
  loanReturned: '调用归还',
  transferPaper: '权属移交（实物不动）',
  transferPhysical: '实物移送出库',
  returnedToOwner: '发还',
  sold: '处置：变卖/拍卖',
  destroyed: '处置：销毁',
  confiscated: '处置：没收上缴',
  handedOver: '处置：移交其他机关',
  inStockAtEnd: '期末在库',
  overdueLoans: '逾期未还调用（应还日在期内）',
  lateIntakes: '超时入库（扣押后超过 24 小时）',
};

export const reportFilter = z.object({
  from: isoDateTime,
  to: isoDateTime,
  agencyId: id.optional(),
  storeId: id.optional(),
  category: z.enum(ITEM_CATEGORIES).optional(),
  status: z.enum(ITEM_STATUSES).optional(),
  caseType: z.enum(CASE_TYPES).optional(),
});
export type ReportFilter = z.infer<typeof reportFilter>;

/** 处置到位率 counts only cases at these stages (执行, 结案). */
export const RATE_STAGES = ['execution', 'closed'] as const;
/** The seed's headline: 涉黑涉恶案件财产处置到位率. */
export const HEADLINE_CASE_TYPE = 'organized_crime';

/** A 处置到位率 row: `id` is the case or agency id, or for a case type its key in `key` (id 0). Rate in percent. */
export const rateRow = z.object({ id: z.number(), key: z.string().optional(), label: z.string(), total: z.number(), done: z.number(), rate: z.number().nullable() });
export type RateRow = z.infer<typeof rateRow>;

export const reportDto = z.object({
  filter: reportFilter,
  filterText: z.string(),
  figures: z.array(z.object({ key: z.enum(REPORT_FIGURES), label: z.string(), count: z.number(), value: z.number() })),
  rateByAgency: z.array(rateRow),
  rateByCase: z.array(rateRow),
  rateByCaseType: z.array(rateRow),
});
export type ReportDto = z.infer<typeof reportDto>;

const bucket = z.object({ key: z.string(), label: z.string(), count: z.number() });
export const dashboardDto = z.object({
  byStatus: z.array(bucket),
  byCategory: z.array(bucket),
  byAgency: z.array(bucket),
  weekly: z.array(z.object({ week: z.string(), in: z.number(), out: z.number() })),
  overdueLoans: z.number(),
  openAlerts: z.number(),
  /** Some kind's count reached ALERT_COUNT_CAP: openAlerts is a lower bound (shown as 「N 条以上」). */
  openAlertsCapped: z.boolean(),
  openSupervision: z.number(),
  cashValue: z.number(),
  valuablesValue: z.number(),
  /** 涉黑涉恶案件财产处置到位率 (cases at 执行 or 结案). */
  headlineRate: rateRow,
});
export type DashboardDto = z.infer<typeof dashboardDto>;

export const EXCEPTION_KINDS = ['lateIntake', 'overdueLoan', 'repeatedLoan', 'loanDiscrepancy', 'unsealed', 'noRulingNo', 'retention', 'notCounted'] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];
export const EXCEPTION_KIND_LABELS: Record<ExceptionKind, string> = {
  lateIntake: '超时入库',
  overdueLoan: '调用逾期未还',
  repeatedLoan: '同一物品反复调用',
  loanDiscrepancy: '调用归还有差异',
  unsealed: '启封后未重新封存',
  noRulingNo: '处置无判决/裁定文号',
  retention: '超期存放无流转',
  notCounted: '逾期未盘点',
};

export const exceptionRow = z.object({
  itemId: z.number().nullable(),
  code: z.string(),
  name: z.string(),
  caseNo: z.string().nullable(),
  agencyName: z.string().nullable(),
  detail: z.string(),
  since: z.string().nullable(),
});
export type ExceptionRow = z.infer<typeof exceptionRow>;

export const exceptionsInput = z.object({
  kind: z.enum(EXCEPTION_KINDS),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  /** 超期存放 threshold in days (default 365). */
  retentionDays: z.number().int().min(1).max(3650).default(365),
  /** 反复调用: this many loans or more in the period (default 2). */
  minLoans: z.number().int().min(2).max(50).default(2),
});

/** One case's 处置到位率 (its items the reader sees); `counted`: the case is at 执行 or 结案, so the statistics count it. */
export const caseRateDto = z.object({ caseId: z.number(), stage: z.enum(CASE_STAGES), counted: z.boolean(), total: z.number(), done: z.number(), rate: z.number().nullable() });
export type CaseRateDto = z.infer<typeof caseRateDto>;

export const reportContract = defineMethods({
  'case.disposalRate': { summary: '案件财产处置到位率', permission: 'item.read', input: z.object({ caseId: id }), output: caseRateDto, readonly: true },
  'report.stats': { summary: '统计报表', permission: 'report.read', input: reportFilter, output: reportDto, readonly: true },
  'report.export': { summary: '统计报表导出 Excel', permission: 'report.read', input: reportFilter, output: fileOut, readonly: true },
  'report.print': { summary: '打印统计报表（PDF）', permission: 'report.read', input: reportFilter, output: fileOut },
  'report.dashboard': { summary: '首页统计图表', permission: 'report.read', input: z.object({}).strict(), output: dashboardDto, readonly: true },
  'report.exceptions': {
    summary: '异常清单',
    permission: 'report.read',
    input: exceptionsInput,
    output: z.object({ kind: z.enum(EXCEPTION_KINDS), total: z.number(), rows: z.array(exceptionRow) }),
    readonly: true,
  },
});
