/** 盘点 (stocktake): a custodian counts a store, warehouse, zone or shelf (its subtree) by scanning every item there. */
import { z } from 'zod';
import { defineMethods } from './define';
import { empty, fileOut, id, optText, text } from './common.schemas';

export const STOCKTAKE_STATUSES = ['OPEN', 'PAUSED', 'CLOSED'] as const;
export type StocktakeStatus = (typeof STOCKTAKE_STATUSES)[number];
export const STOCKTAKE_STATUS_LABELS: Record<StocktakeStatus, string> = { OPEN: '盘点中', PAUSED: '已暂停', CLOSED: '已结束' };

/** What one scan turned out to be. */
export const SCAN_RESULTS = ['FOUND', 'DUPLICATE', 'WRONG_LOCATION', 'UNEXPECTED', 'NOT_IN_STORE', 'UNKNOWN'] as const;
export type ScanResult = (typeof SCAN_RESULTS)[number];
export const SCAN_RESULT_LABELS: Record<ScanResult, string> = {
  FOUND: '已盘到',
  DUPLICATE: '重复扫描',
  WRONG_LOCATION: '位置不符',
  UNEXPECTED: '账外（登记在别处）',
  NOT_IN_STORE: '不在库',
  UNKNOWN: '未知编码',
};

export const DISCREPANCY_KINDS = ['MISSING', 'WRONG_LOCATION', 'UNEXPECTED', 'NOT_IN_STORE', 'UNKNOWN'] as const;
export type DiscrepancyKind = (typeof DISCREPANCY_KINDS)[number];
export const DISCREPANCY_KIND_LABELS: Record<DiscrepancyKind, string> = {
  MISSING: '盘亏（未找到）',
  WRONG_LOCATION: '位置不符',
  UNEXPECTED: '盘盈（登记在别处）',
  NOT_IN_STORE: '不在库物品',
  UNKNOWN: '未知编码',
};
export const DISCREPANCY_STATUSES = ['OPEN', 'PROPOSED', 'RESOLVED'] as const;
export const DISCREPANCY_STATUS_LABELS: Record<(typeof DISCREPANCY_STATUSES)[number], string> = { OPEN: '待处理', PROPOSED: '待审批', RESOLVED: '已处理' };

export const stocktakeSummary = z.object({
  id: z.number(),
  countNo: z.string(),
  storeId: z.number(),
  storeName: z.string(),
  scopeLocationId: z.number(),
  scopeCode: z.string(),
  scopeName: z.string(),
  blind: z.boolean(),
  status: z.enum(STOCKTAKE_STATUSES),
  note: z.string().nullable(),
  openedByName: z.string(),
  openedAt: z.string(),
  closedByName: z.string().nullable(),
  closedAt: z.string().nullable(),
  expectedCount: z.number(),
  foundCount: z.number(),
  scanCount: z.number(),
});
export type StocktakeSummary = z.infer<typeof stocktakeSummary>;

export const stocktakeScanDto = z.object({
  id: z.number(),
  code: z.string(),
  result: z.enum(SCAN_RESULTS),
  itemId: z.number().nullable(),
  itemName: z.string().nullable(),
  locationName: z.string().nullable(),
  detail: z.string().nullable(),
  scannedByName: z.string(),
  scannedAt: z.string(),
});
export type StocktakeScanDto = z.infer<typeof stocktakeScanDto>;

export const discrepancyDto = z.object({
  id: z.number(),
  stocktakeId: z.number(),
  countNo: z.string(),
  kind: z.enum(DISCREPANCY_KINDS),
  code: z.string(),
  itemId: z.number().nullable(),
  itemName: z.string().nullable(),
  expectedLocation: z.string().nullable(),
  foundLocation: z.string().nullable(),
  detail: z.string().nullable(),
  status: z.enum(DISCREPANCY_STATUSES),
  note: z.string().nullable(),
  proposedByName: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decisionNote: z.string().nullable(),
  agencyName: z.string().nullable(),
});
export type DiscrepancyDto = z.infer<typeof discrepancyDto>;

export const stocktakeDto = stocktakeSummary.extend({
  /** The expected list; empty while a blind count is running. */
  expected: z.array(z.object({ itemId: z.number(), code: z.string(), name: z.string(), location: z.string(), counted: z.boolean() })),
  scans: z.array(stocktakeScanDto),
  discrepancies: z.array(discrepancyDto),
});
export type StocktakeDto = z.infer<typeof stocktakeDto>;

export const scanOutcome = z.object({
  /** LOCATION: a location label inside the scope was scanned; it becomes the current location. */
  result: z.enum([...SCAN_RESULTS, 'LOCATION']),
  code: z.string(),
  message: z.string(),
  locationId: z.number().nullable(),
  locationName: z.string().nullable(),
  count: stocktakeSummary,
});
export type ScanOutcome = z.infer<typeof scanOutcome>;

export const storeWarning = z.object({ storeId: z.number(), storeName: z.string(), kind: z.enum(['NOT_COUNTED', 'CUSTODIAN_CHANGED']), message: z.string() });
export type StoreWarning = z.infer<typeof storeWarning>;

const code = z.string().trim().min(1, '编码为空').max(80, '编码过长');

export const stocktakeContract = defineMethods({
  'stocktake.open': {
    summary: '开始盘点',
    permission: 'custody.handle',
    input: z.object({ scopeCode: code, blind: z.boolean().default(true), note: optText(500) }),
    output: stocktakeDto,
  },
  'stocktake.list': {
    summary: '盘点单列表',
    permission: 'custody.handle',
    input: z.object({ openOnly: z.boolean().default(false) }),
    output: z.array(stocktakeSummary),
    readonly: true,
  },
  'stocktake.get': { summary: '盘点单详情', permission: 'custody.handle', input: z.object({ id }), output: stocktakeDto, readonly: true },
  'stocktake.scan': {
    summary: '盘点扫描（一件）',
    permission: 'custody.handle',
    input: z.object({ id, code, locationId: id.optional() }),
    output: scanOutcome,
  },
  'stocktake.pause': { summary: '暂停盘点', permission: 'custody.handle', input: z.object({ id }), output: stocktakeDto },
  'stocktake.resume': { summary: '继续盘点', permission: 'custody.handle', input: z.object({ id }), output: stocktakeDto },
  'stocktake.close': { summary: '结束盘点（写入盘点记录，生成差异）', permission: 'custody.handle', input: z.object({ id }), output: stocktakeDto },
  'stocktake.print': { summary: '打印盘点表及差异报告', permission: 'custody.handle', input: z.object({ id }), output: fileOut },
  'stocktake.resolve': {
    summary: '处理盘点差异',
    permission: 'custody.handle',
    /** locationCode: where to move a misplaced or unexpected item (default: where it was found). */
    input: z.object({ discrepancyId: id, note: text(500), locationCode: code.optional() }),
    output: stocktakeDto,
  },
  'stocktake.pendingLosses': { summary: '待审批的盘亏', permission: 'request.decide', input: empty, output: z.array(discrepancyDto), readonly: true },
  'stocktake.decideLoss': {
    summary: '审批盘亏（同意则登记丢失）',
    permission: 'request.decide',
    input: z.object({ discrepancyId: id, approve: z.boolean(), note: text(500) }),
    output: discrepancyDto,
  },
  'stocktake.warnings': { summary: '盘点提醒（超过 12 个月未盘点、保管员变更后未盘点）', permission: 'authenticated', input: empty, output: z.array(storeWarning), readonly: true },
});
