/** Where the value went: cash deposited to the agency's 涉案款专户, and the value totals of a case. */
import { z } from 'zod';
import { defineMethods } from './define';
import { id, optText, text } from './common.schemas';
import { itemDto } from './item.contract';
import { witnessInput } from './custody.contract';
import { VALUE_RECORD_KINDS } from '../domain/disposition-value';

export const valueRecordDto = z.object({
  kind: z.enum(VALUE_RECORD_KINDS),
  itemId: z.number(),
  itemCode: z.string(),
  itemName: z.string(),
  amount: z.number().nullable(),
  party: z.string().nullable(),
  voucherNo: z.string(),
  requestNo: z.string().nullable(),
  proceedsItemId: z.number().nullable(),
  proceedsCode: z.string().nullable(),
  recordedAt: z.string(),
});
export type ValueRecordDto = z.infer<typeof valueRecordDto>;

const total = z.object({ count: z.number(), amount: z.number() });

export const valueContract = defineMethods({
  'cash.deposit': {
    summary: '现金存入涉案款专户（银行回单号、金额；另一名工作人员见证）',
    permission: 'custody.handle',
    input: z.object({
      itemId: id,
      bankSlipNo: text(80),
      amount: z.number().positive().max(1e12),
      /** The account, e.g. 滨州市公安局涉案款专户; defaults to the holding agency's. */
      accountName: optText(100),
      witness: witnessInput,
      note: optText(500),
    }),
    output: itemDto,
  },
  'case.values': {
    summary: '案件涉案财物价值合计（登记价值、成交价款、没收上缴、存入专户）',
    permission: 'item.read',
    input: z.object({ caseId: id }),
    output: z.object({
      /** Items as seized (proceeds items excluded): cash amounts and estimated values. */
      seized: z.object({ count: z.number(), cash: z.number(), estimated: z.number() }),
      sale: total,
      confiscation: total,
      deposit: total,
      /** Cash items still held (in store, deposited, pending disposition), proceeds included. */
      cashHeld: total,
      records: z.array(valueRecordDto),
    }),
    readonly: true,
  },
});
