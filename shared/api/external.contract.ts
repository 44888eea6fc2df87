/** 外部保管: off-site property (frozen funds, sealed real estate, goods kept elsewhere), its term, renewal and release. */
import { z } from 'zod';
import { defineMethods } from './define';
import { id, isoDateTime, itemStatus, optText, text } from './common.schemas';
import { ITEM_CATEGORIES } from '../domain/enums';
import { itemInput } from './item.contract';
import { EXTERNAL_KINDS } from '../domain/external';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** The item fields of an off-site item are those of any item; kind, term and where it is kept are its own. */
export const externalItemInput = itemInput.pick({ name: true, spec: true, features: true, estimatedValue: true, ownerName: true, ownerIdNo: true, flags: true }).extend({
  kind: z.enum(EXTERNAL_KINDS),
  /** Defaults by kind (车辆 for movables, 其他 otherwise). */
  category: z.enum(ITEM_CATEGORIES).optional(),
  quantity: z.number().positive('数量必须大于 0').max(1e9).default(1),
  unit: text(20).default('项'),
  /** Bank or institution (冻结), property registry (查封), keeper (异地保管). */
  institution: text(100),
  accountNo: optText(60),
  certificateNo: optText(80),
  address: optText(200),
  amount: z.number().min(0).max(1e13).optional(),
  /** 协助冻结/查封通知书 or 扣押决定书 number. */
  noticeNo: text(80),
  startDate: day,
  /** Default: start + the rule's term (deposits 6 months, real estate 2 years, movables 1 year). */
  endDate: day.optional(),
});
export type ExternalItemInput = z.input<typeof externalItemInput>;

export const externalDto = z.object({
  itemId: z.number(),
  itemCode: z.string(),
  itemName: z.string(),
  caseId: z.number(),
  caseNo: z.string(),
  status: itemStatus,
  holdingAgencyName: z.string(),
  kind: z.enum(EXTERNAL_KINDS),
  institution: z.string(),
  /** Masked in lists; whole in external.get for the holding agency and inspectors. */
  accountNo: z.string().nullable(),
  certificateNo: z.string().nullable(),
  address: z.string().nullable(),
  amount: z.number().nullable(),
  noticeNo: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  releasedAt: z.string().nullable(),
  /** Days from today (China time) to the end date; negative once expired; null once released or ended. */
  daysLeft: z.number().nullable(),
});
export type ExternalDto = z.infer<typeof externalDto>;

export const externalContract = defineMethods({
  'external.register': {
    summary: '登记外部保管财物（冻结、查封、异地保管），直接进入外部保管状态',
    permission: 'item.register',
    input: z.object({
      caseId: id,
      seizureDocNo: text(80),
      seizedAt: isoDateTime,
      seizedBy: text(100),
      items: z.array(externalItemInput).min(1, '至少登记一项').max(100, '一次最多登记 100 项'),
    }),
    output: z.array(externalDto),
  },
  'external.list': {
    summary: '外部保管财物清单（账号打码，按到期日排序）',
    permission: 'item.read',
    input: z.object({ caseId: id.optional(), running: z.boolean().default(false), limit: z.number().int().min(1).max(500).default(200) }),
    output: z.array(externalDto),
    readonly: true,
  },
  'external.get': { summary: '外部保管详情', permission: 'item.read', input: z.object({ itemId: id }), output: externalDto, readonly: true },
  'external.renew': {
    summary: '续冻/续封（新的期限届满日）',
    permission: 'request.create',
    input: z.object({ itemId: id, noticeNo: text(80), endDate: day, note: optText(500) }),
    output: externalDto,
  },
  'external.release': {
    summary: '解冻/解封（解除冻结、查封或扣押）',
    permission: 'request.create',
    input: z.object({ itemId: id, noticeNo: text(80), releasedOn: day, note: optText(500) }),
    output: externalDto,
  },
});
