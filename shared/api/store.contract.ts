/** Stores (保管中心 and 分库) and moves of goods between them (跨库调拨), scanned out by one custodian and in by another. */
import { z } from 'zod';
import { defineMethods } from './define';
import { empty, fileOut, id, optText, person } from './common.schemas';
import { itemDto } from './item.contract';

export const storeDto = z.object({ id: z.number(), code: z.string(), name: z.string(), active: z.boolean() });
export type StoreDto = z.infer<typeof storeDto>;

export const STORE_TRANSFER_STATUSES = ['IN_TRANSIT', 'RECEIVED'] as const;
export const STORE_TRANSFER_STATUS_LABELS: Record<(typeof STORE_TRANSFER_STATUSES)[number], string> = { IN_TRANSIT: '在途', RECEIVED: '已接收' };

export const storeTransferSummary = z.object({
  id: z.number(),
  transferNo: z.string(),
  fromStoreId: z.number(),
  fromStoreName: z.string(),
  toStoreId: z.number(),
  toStoreName: z.string(),
  status: z.enum(STORE_TRANSFER_STATUSES),
  note: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
  receivedByName: z.string().nullable(),
  receivedAt: z.string().nullable(),
  itemCount: z.number(),
  receivedCount: z.number(),
});
export type StoreTransferSummary = z.infer<typeof storeTransferSummary>;

export const storeTransferDto = storeTransferSummary.extend({
  items: z.array(itemDto.extend({ received: z.boolean() })),
  /** The signed-in custodian may scan these items in (the transfer is addressed to their store and still in transit). */
  canReceive: z.boolean(),
});
export type StoreTransferDto = z.infer<typeof storeTransferDto>;

const code = z.string().trim().min(1, '编码为空').max(80, '编码过长');

export const storeContract = defineMethods({
  'store.list': { summary: '保管中心/分库列表', permission: 'authenticated', input: empty, output: z.array(storeDto), readonly: true },
  'storeTransfer.dispatch': {
    summary: '跨库调拨出库',
    permission: 'custody.handle',
    input: z.object({
      toStoreId: id,
      itemCodes: z.array(code).min(1, '请扫描要调拨的物品').max(500, '一次最多调拨 500 件'),
      /** 押运人: who carries the goods. */
      escort: person.optional(),
      note: optText(500),
    }),
    output: storeTransferDto,
  },
  'storeTransfer.receive': {
    summary: '跨库调拨入库（扫描一件）',
    permission: 'custody.handle',
    input: z.object({ id, locationCode: code, itemCode: code, conditionNote: optText(500) }),
    output: storeTransferDto,
  },
  'storeTransfer.list': {
    summary: '跨库调拨单列表',
    permission: 'custody.handle',
    input: z.object({ direction: z.enum(['incoming', 'outgoing']).default('incoming'), openOnly: z.boolean().default(false) }),
    output: z.array(storeTransferSummary),
    readonly: true,
  },
  'storeTransfer.get': { summary: '跨库调拨单详情', permission: 'custody.handle', input: z.object({ id }), output: storeTransferDto, readonly: true },
  'storeTransfer.print': { summary: '打印跨库调拨交接单', permission: 'custody.handle', input: z.object({ id }), output: fileOut },
});

