/** Requests (调用、移送、发还、处置、调拨), loans, the inbox and the case page. */
import { z } from 'zod';
import { defineMethods } from './define';
import { fileOut, id, isoDateTime, optText, page, person, text } from './common.schemas';
import { caseDto, eventDto, itemDto, keysetPage, listTotal } from './item.contract';
import { witnessInput } from './custody.contract';
import { splitPart } from './lot.contract';
import { ITEM_STATUSES } from '../domain/enums';
import {
  CLAIMANT_ID_TYPES,
  DISPOSITION_METHODS,
  INBOX_BOXES,
  LOAN_PURPOSES,
  REQUEST_ACTIONS,
  REQUEST_DOC_TYPES,
  REQUEST_KINDS,
  REQUEST_STATUSES,
  RETURN_CONDITIONS,
  TRANSFER_MODES,
} from '../domain/requests';

const personOut = z.object({ name: z.string(), idNo: z.string().nullable().optional() });
const itemIds = z.array(id).min(1, '至少选择一件物品').max(500, '一次最多 500 件');
const scannedCodes = z.array(z.string().trim().min(1).max(80)).min(1, '请先扫描物品条码').max(1000);

export const claimantInput = z
  .object({
    name: text(50),
    idType: z.enum(CLAIMANT_ID_TYPES).optional(),
    idNo: optText(40),
    /** 授权委托书 number when an agent claims for the owner. */
    authorisationDocNo: optText(80),
  })
  .refine((c) => (c.idType && c.idNo) || c.authorisationDocNo, { message: '须填写领取人证件类型和号码，或授权委托书编号' });

/** A witness: a system user confirming with their own password, or (where allowed) a named person. */
export const executionWitnessInput = z.object({
  username: optText(50),
  password: z.string().max(200).optional(),
  name: optText(50),
  idNo: optText(40),
});

/** 部分: take only part of a lot (发还、处置); the lot is split as the request is created and the part goes into it. */
const partial = z.array(z.object({ itemId: id, quantity: splitPart })).max(500).optional();
const common = { itemIds, reason: text(1000), legalBasis: optText(300), partial };

export const requestCreateInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('loan'),
    ...common,
    purpose: z.enum(LOAN_PURPOSES),
    dueAt: isoDateTime,
    /** Defaults to the requester. */
    borrower: person.optional(),
  }),
  z.object({
    kind: z.literal('transfer'),
    ...common,
    legalBasis: text(300),
    toAgencyId: id,
    mode: z.enum(TRANSFER_MODES),
    /** Physical mode: the goods come back into this central store under the receiving agency (scan-in). Default true. */
    receiveIntoCentre: z.boolean().optional(),
  }),
  z.object({ kind: z.literal('return'), ...common, legalBasis: text(300), claimant: claimantInput }),
  z.object({
    kind: z.literal('disposition'),
    ...common,
    legalBasis: text(300),
    method: z.enum(DISPOSITION_METHODS),
    /** 先行处置: an early sale before the judgment, only for items flagged perishable or value-losing; `reason` says why. */
    early: z.boolean().optional(),
  }),
  z.object({ kind: z.literal('allocation'), ...common, toLocationId: id }),
]);
export type RequestCreateInput = z.infer<typeof requestCreateInput>;

/** A sale: the price, the buyer or auction house and the 成交确认书 number. */
export const saleInput = z.object({ price: z.number().positive().max(1e12), buyer: text(100), confirmationNo: text(80) });
/** A confiscation: the receiving unit and the 上缴凭证 or 国库缴款书 number. */
export const confiscationInput = z.object({ receivingUnit: text(100), voucherNo: text(80) });

export const requestDetails = z.object({
  purpose: z.enum(LOAN_PURPOSES).optional(),
  borrower: personOut.optional(),
  conditionOut: z.string().optional(),
  /** Shelf each item left from (to put it back on check-in / scan-back). */
  origLocations: z.record(z.string(), z.number().nullable()).optional(),
  pendingExtension: z
    .object({ newDueAt: z.string(), reason: z.string(), requestedById: z.number(), requestedByName: z.string(), requestedAt: z.string() })
    .nullable()
    .optional(),
  extensions: z
    .array(z.object({ fromDueAt: z.string().nullable(), newDueAt: z.string(), reason: z.string(), requestedByName: z.string(), approved: z.boolean(), decidedByName: z.string(), comment: z.string().nullable(), decidedAt: z.string() }))
    .optional(),
  /** itemId → condition on return. */
  returns: z.record(z.string(), z.object({ condition: z.enum(RETURN_CONDITIONS), note: z.string().nullable(), at: z.string(), byName: z.string() })).optional(),
  receiveIntoCentre: z.boolean().optional(),
  receiverDecision: z.enum(['accepted', 'rejected']).optional(),
  receiverComment: z.string().nullable().optional(),
  claimant: z.object({ name: z.string(), idType: z.enum(CLAIMANT_ID_TYPES).optional(), idNo: z.string().optional(), authorisationDocNo: z.string().optional() }).optional(),
  method: z.enum(DISPOSITION_METHODS).optional(),
  early: z.boolean().optional(),
  /** The judgment or ruling a confiscation or sale rests on (the document of the case's move to 执行). */
  judgment: z.object({ docKind: z.string(), docNo: z.string(), docDate: z.string().nullable() }).nullable().optional(),
  sale: z.object({ price: z.number(), buyer: z.string(), confirmationNo: z.string() }).optional(),
  confiscation: z.object({ receivingUnit: z.string(), voucherNo: z.string() }).optional(),
  /** The cash item holding a sale's proceeds. */
  proceeds: z.object({ itemId: z.number(), code: z.string() }).optional(),
  executorName: z.string().optional(),
  witnesses: z.array(z.object({ name: z.string(), idNo: z.string().nullable(), userId: z.number().nullable() })).optional(),
  actualDate: z.string().optional(),
  counterpart: personOut.nullable().optional(),
  toLocationId: z.number().optional(),
  toLocationPath: z.string().optional(),
  cancelReason: z.string().optional(),
  cancelledByName: z.string().optional(),
});
export type RequestDetails = z.infer<typeof requestDetails>;

export const requestSummaryDto = z.object({
  id: z.number(),
  requestNo: z.string(),
  kind: z.enum(REQUEST_KINDS),
  status: z.enum(REQUEST_STATUSES),
  mode: z.enum(TRANSFER_MODES).nullable(),
  caseId: z.number().nullable(),
  caseNo: z.string().nullable(),
  caseName: z.string().nullable(),
  fromAgencyId: z.number(),
  fromAgencyName: z.string(),
  toAgencyId: z.number().nullable(),
  toAgencyName: z.string().nullable(),
  reason: z.string().nullable(),
  legalBasis: z.string().nullable(),
  dueAt: z.string().nullable(),
  itemCount: z.number(),
  /** Items still bound to the request (e.g. loan items not yet back). */
  openItemCount: z.number(),
  createdById: z.number(),
  createdByName: z.string(),
  createdAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
  executedByName: z.string().nullable(),
  executedAt: z.string().nullable(),
  acceptedByName: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Who the request waits for, in Chinese (e.g. 待滨州市人民检察院接收确认). */
  waitingFor: z.string(),
  details: requestDetails,
});
export type RequestSummaryDto = z.infer<typeof requestSummaryDto>;

export const requestDto = requestSummaryDto.extend({
  items: z.array(itemDto),
  /** Ids of items still open in this request. */
  openItemIds: z.array(z.number()),
  events: z.array(eventDto),
  /** What the signed-in user may do now. */
  actions: z.array(z.enum(REQUEST_ACTIONS)),
});
export type RequestDto = z.infer<typeof requestDto>;

const listOut = z.object({ total: z.number(), rows: z.array(requestSummaryDto) });

export const requestContract = defineMethods({
  'request.create': { summary: '提交申请（调用、移送、发还、处置、调拨）', permission: 'request.create', input: requestCreateInput, output: requestDto },
  'request.get': { summary: '申请单详情', permission: 'item.read', input: z.object({ id }), output: requestDto, readonly: true },
  'request.list': {
    summary: '申请单列表',
    permission: 'item.read',
    input: z
      .object({
        kind: z.enum(REQUEST_KINDS).optional(),
        status: z.array(z.enum(REQUEST_STATUSES)).optional(),
        mine: z.boolean().optional(),
        caseId: id.optional(),
        q: z.string().trim().max(60).optional(),
      })
      .extend(keysetPage.shape),
    /** Pages by cursor: `total` on the first page only, `next` null on the last. */
    output: z.object({ total: listTotal.nullable(), next: z.number().nullable(), rows: z.array(requestSummaryDto) }),
    readonly: true,
  },
  'request.decide': {
    summary: '审批申请',
    permission: 'request.decide',
    input: z.object({ id, approve: z.boolean(), comment: optText(1000) }),
    output: requestDto,
  },
  'request.cancel': { summary: '撤销申请', permission: 'item.read', input: z.object({ id, reason: text(500) }), output: requestDto },
  'request.execute': {
    summary: '扫描执行申请（调用出库、移送出库、发还、处置、调拨）',
    permission: 'custody.handle',
    input: z.object({
      id,
      scannedCodes,
      /** Loan: condition when it goes out. */
      conditionOut: optText(500),
      /** The person receiving the goods (receiving officer, buyer, other authority); loans default to the borrower. */
      counterpart: person.optional(),
      /** Disposition: two distinct witnesses (destruction and cash: users confirming with their password). */
      witnesses: z.array(executionWitnessInput).max(4).optional(),
      /** Disposition/return: the day it actually happened (not in the future). */
      actualDate: isoDateTime.optional(),
      /** A sale: price, buyer, 成交确认书 (required for 拍卖/变卖). */
      sale: saleInput.optional(),
      /** A confiscation: receiving unit and voucher (required for 没收上缴). */
      confiscation: confiscationInput.optional(),
      note: optText(500),
    }),
    output: requestDto,
  },
  'request.accept': {
    summary: '接收单位确认或拒收移送',
    permission: 'transfer.accept',
    input: z.object({ id, accept: z.boolean(), comment: optText(1000), counterpart: person.optional() }),
    output: requestDto,
  },
  'request.receiveIn': {
    summary: '实物移送扫描入库（接收后入中心库，或拒收后退回入库）',
    permission: 'custody.handle',
    input: z.object({ id, scannedCodes, locationId: id.optional(), note: optText(500) }),
    output: requestDto,
  },
  'request.document': {
    summary: '打印申请单文书',
    permission: 'item.read',
    input: z.object({ id, type: z.enum(REQUEST_DOC_TYPES).optional() }),
    output: fileOut,
  },
  'loan.extend': {
    summary: '申请调用延期',
    permission: 'request.create',
    input: z.object({ requestId: id, newDueAt: isoDateTime, reason: text(500) }),
    output: requestDto,
  },
  'loan.decideExtension': {
    summary: '审批调用延期',
    permission: 'request.decide',
    input: z.object({ requestId: id, approve: z.boolean(), comment: optText(1000) }),
    output: requestDto,
  },
  'loan.checkIn': {
    summary: '调用归还扫描入库',
    permission: 'custody.handle',
    input: z.object({
      requestId: id.optional(),
      scans: z
        .array(z.object({ code: z.string().trim().min(1).max(80), condition: z.enum(RETURN_CONDITIONS), note: optText(500) }))
        .min(1, '请先扫描归还的物品')
        .max(500),
      locationId: id.optional(),
      /** Cash and valuables coming back: a second person confirms with their password (two-person rule). */
      witness: witnessInput.optional(),
    }),
    output: z.object({ requests: z.array(requestSummaryDto), items: z.array(itemDto) }),
  },
  'loan.overdue': {
    summary: '逾期未还的调用',
    permission: 'item.read',
    input: z.object({}).extend(page.shape),
    output: z.object({
      total: z.number(),
      rows: z.array(
        z.object({
          requestId: z.number(),
          requestNo: z.string(),
          caseNo: z.string().nullable(),
          fromAgencyName: z.string(),
          borrower: z.string(),
          dueAt: z.string(),
          daysOverdue: z.number(),
          items: z.array(z.object({ id: z.number(), code: z.string(), name: z.string() })),
        }),
      ),
    }),
    readonly: true,
  },
  'inbox.counts': {
    summary: '待办数量',
    permission: 'authenticated',
    input: z.object({}),
    output: z.object({
      approve: z.number(),
      accept: z.number(),
      execute: z.number(),
      checkIn: z.number(),
      mine: z.number(),
      overdue: z.number(),
      /** Corrections and lost reports waiting for the user's approval (item_proposals). */
      proposals: z.number(),
    }),
    readonly: true,
  },
  'inbox.list': {
    summary: '待办列表',
    permission: 'authenticated',
    input: z.object({ box: z.enum(INBOX_BOXES) }).extend(page.shape),
    output: listOut,
    readonly: true,
  },
  'case.detail': {
    summary: '案件全貌（物品分布、申请、流转）',
    permission: 'item.read',
    input: z.object({ caseId: id }),
    output: z.object({
      case: caseDto,
      groups: z.array(
        z.object({ status: z.enum(ITEM_STATUSES), holdingAgencyId: z.number(), holdingAgencyName: z.string(), items: z.array(itemDto) }),
      ),
      requests: z.array(requestSummaryDto),
      timeline: z.array(eventDto),
      timelineTruncated: z.boolean(),
    }),
    readonly: true,
  },
});
