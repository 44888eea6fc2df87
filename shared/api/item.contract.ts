import { z } from 'zod';
import { defineMethods } from './define';
import { id, MAX_INT, isoDateTime, itemStatus, optText, text, eventType } from './common.schemas';
import { CASE_STAGES, ITEM_CATEGORIES, ITEM_FLAGS, ITEM_SOURCES } from '../domain/enums';
import { CASE_TYPES } from '../domain/case-life';
import { proposalDto } from './proposal.schemas';

export const caseDto = z.object({
  id: z.number(),
  caseNo: z.string(),
  name: z.string(),
  cause: z.string().nullable(),
  hostAgencyId: z.number(),
  hostAgencyName: z.string(),
  officerName: z.string().nullable(),
  stage: z.enum(CASE_STAGES),
  itemCount: z.number(),
  createdAt: z.string(),
  caseType: z.enum(CASE_TYPES).nullable(),
  /** Each agency's own number: 公安案件编号, 检察受案号, 法院案号. */
  policeNo: z.string().nullable(),
  procuratorateNo: z.string().nullable(),
  courtNo: z.string().nullable(),
});
export type CaseDto = z.infer<typeof caseDto>;

export const itemDto = z.object({
  id: z.number(),
  code: z.string(),
  caseId: z.number(),
  caseNo: z.string(),
  caseName: z.string(),
  name: z.string(),
  category: z.enum(ITEM_CATEGORIES),
  spec: z.string().nullable(),
  quantity: z.number(),
  unit: z.string(),
  features: z.string().nullable(),
  estimatedValue: z.number().nullable(),
  cashAmount: z.number().nullable(),
  source: z.enum(ITEM_SOURCES),
  ownerName: z.string().nullable(),
  ownerIdNo: z.string().nullable(),
  seizureDocNo: z.string().nullable(),
  seizedAt: z.string(),
  seizedBy: z.string().nullable(),
  sealNo: z.string().nullable(),
  flags: z.array(z.enum(ITEM_FLAGS)),
  status: itemStatus,
  locationId: z.number().nullable(),
  locationCode: z.string().nullable(),
  locationPath: z.string().nullable(),
  outWith: z.string().nullable(),
  holdingAgencyId: z.number(),
  holdingAgencyName: z.string(),
  createdAt: z.string(),
  /** Open request holding the item, if any. */
  openRequestNo: z.string().nullable(),
});
export type ItemDto = z.infer<typeof itemDto>;

export const eventDto = z.object({
  id: z.number(),
  seq: z.number(),
  type: eventType,
  itemId: z.number().nullable(),
  itemCode: z.string().nullable(),
  caseId: z.number().nullable(),
  requestId: z.number().nullable(),
  actorName: z.string(),
  counterpart: z.object({ name: z.string(), idNo: z.string().nullable() }).nullable(),
  witnesses: z.array(z.object({ name: z.string(), idNo: z.string().nullable() })),
  agencyFrom: z.string().nullable(),
  agencyTo: z.string().nullable(),
  locationFrom: z.string().nullable(),
  locationTo: z.string().nullable(),
  legalDocNo: z.string().nullable(),
  conditionNote: z.string().nullable(),
  note: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  occurredAt: z.string(),
  prevHash: z.string(),
  hash: z.string(),
});
export type EventDto = z.infer<typeof eventDto>;

/** The item page in one answer: the details, the newest page (up to 200) of the timeline and the item's newest 50 proposals. */
export const itemPageDto = z.object({ item: itemDto, timeline: z.array(eventDto), proposals: z.array(proposalDto) });
export type ItemPageDto = z.infer<typeof itemPageDto>;

export const itemInput = z.object({
  name: text(200),
  category: z.enum(ITEM_CATEGORIES),
  spec: optText(200),
  quantity: z.number().positive('数量必须大于 0').max(1e9),
  unit: text(20),
  features: optText(1000),
  estimatedValue: z.number().min(0).max(1e12).optional(),
  cashAmount: z.number().min(0).max(1e12).optional(),
  source: z.enum(ITEM_SOURCES),
  ownerName: optText(100),
  ownerIdNo: optText(40),
  sealNo: optText(60),
  flags: z.array(z.enum(ITEM_FLAGS)).default([]),
});

export const caseInput = z.object({
  caseNo: z.string().trim().regex(/^[\p{Script=Han}A-Za-z0-9()（）〔〕[\]\-_号]{4,60}$/u, '案件编号为 4–60 位汉字、字母、数字或括号'),
  name: text(200),
  cause: optText(100),
  officerName: optText(50),
  caseType: z.enum(CASE_TYPES).optional(),
});

export const itemListFilter = z.object({
  q: z.string().trim().max(60).optional(),
  status: z.array(itemStatus).optional(),
  category: z.array(z.enum(ITEM_CATEGORIES)).optional(),
  locationId: id.optional(),
  holdingAgencyId: id.optional(),
  caseId: id.optional(),
  seizedFrom: isoDateTime.optional(),
  seizedTo: isoDateTime.optional(),
  flag: z.enum(ITEM_FLAGS).optional(),
});

/**
 * How many rows a list has: exact when cheap to count; otherwise an estimate (「约 12 万件」) or a lower bound
 * (「1000+ 件」). Lists page by cursor: `before` is the `next` of the previous page.
 */
export const listTotal = z.object({ n: z.number(), kind: z.enum(['exact', 'about', 'atLeast']) });
export type ListTotal = z.infer<typeof listTotal>;
export const keysetPage = z.object({
  before: z.number().int().min(1).max(MAX_INT).optional(),
  limit: z.number().int().min(1).max(500).default(50),
});

export const itemContract = defineMethods({
  'case.list': {
    summary: '案件列表',
    permission: 'item.read',
    input: z.object({ q: z.string().trim().max(60).optional(), hostAgencyId: id.optional() }).extend(keysetPage.shape),
    output: z.object({ total: listTotal.nullable(), next: z.number().nullable(), rows: z.array(caseDto) }),
    readonly: true,
  },
  'case.get': { summary: '案件详情', permission: 'item.read', input: z.object({ id }), output: caseDto, readonly: true },
  'case.create': { summary: '新建案件', permission: 'case.write', input: caseInput, output: caseDto },
  'item.register': {
    summary: '登记涉案财物（一份扣押清单可含多件）',
    permission: 'item.register',
    input: z.object({
      caseId: id,
      seizureDocNo: text(80),
      seizedAt: isoDateTime,
      seizedBy: text(100),
      items: z.array(itemInput).min(1, '至少登记一件物品').max(500, '一次最多登记 500 件'),
    }),
    output: z.array(itemDto),
  },
  'item.get': { summary: '物品详情', permission: 'item.read', input: z.object({ id }), output: itemDto, readonly: true },
  'item.byCode': { summary: '按编码查物品', permission: 'item.read', input: z.object({ code: text(40) }), output: itemDto, readonly: true },
  'item.list': {
    summary: '物品查询',
    permission: 'item.read',
    input: itemListFilter.extend(keysetPage.shape),
    /** `total` on the first page only (null on later ones); `next` is null on the last page. */
    output: z.object({ total: listTotal.nullable(), next: z.number().nullable(), rows: z.array(itemDto) }),
    readonly: true,
  },
  'item.timeline': {
    summary: '物品流转记录（最新在前，按游标分页：beforeSeq 为上一页最后一条的序号）',
    permission: 'item.read',
    input: z.object({ id, beforeSeq: z.number().int().min(1).max(MAX_INT).optional(), limit: z.number().int().min(1).max(500).default(200) }),
    output: z.array(eventDto),
    readonly: true,
  },
  'item.page': {
    summary: '物品页（详情与最新一页流转记录）',
    permission: 'item.read',
    input: z.object({ id }),
    output: itemPageDto,
    readonly: true,
  },
  'scan.resolve': {
    summary: '识别扫描到的编码',
    permission: 'authenticated',
    /** withPage: an item's answer carries its page (details and newest timeline), so the scan opens it in one round trip. */
    input: z.object({ code: z.string().trim().min(1, '编码为空').max(80), withPage: z.boolean().optional() }),
    output: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('item'), id: z.number(), code: z.string(), label: z.string(), page: itemPageDto.optional() }),
      z.object({ kind: z.literal('location'), id: z.number(), code: z.string(), label: z.string() }),
      z.object({ kind: z.literal('request'), id: z.number(), code: z.string(), label: z.string() }),
      z.object({ kind: z.literal('unknown'), code: z.string() }),
    ]),
    readonly: true,
  },
});
