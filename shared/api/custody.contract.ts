/** Custodian desk: intake, put-away and moves, photos, seals, deadline alerts, Excel export. */
import { z } from 'zod';
import { defineMethods } from './define';
import { empty, fileOut, id, optText, person, text } from './common.schemas';
import { itemDto, itemListFilter } from './item.contract';

/** An item named by its code (scanned) or its id (picked from a list). */
const itemCode = z.string().trim().min(1).max(40);
const hasRef = (v: { code?: string; itemId?: number }) => v.code !== undefined || v.itemId !== undefined;
const refMessage = { message: '请填写物品编码或物品编号' };

/** A second person confirming with their own username and password (two-person rule). */
export const witnessInput = z.object({ username: z.string().trim().min(1).max(30), password: z.string().min(1).max(200) });

export const PHOTO_MIMES = ['image/jpeg', 'image/png', 'image/webp'] as const;
/** Largest photo accepted, after base64 decoding. */
export const PHOTO_MAX_BYTES = 8 * 1024 * 1024;

export const photoDto = z.object({
  id: z.number(),
  itemId: z.number(),
  sha256: z.string(),
  mime: z.enum(PHOTO_MIMES),
  size: z.number(),
  createdAt: z.string(),
  createdByName: z.string(),
});
export type PhotoDto = z.infer<typeof photoDto>;

export const ALERT_KINDS = ['intake', 'loan_overdue', 'unrelated', 'perishable', 'hazardous', 'closed_case', 'external_term', 'stuck_request'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const ALERT_KIND_LABELS: Record<AlertKind, string> = {
  intake: '24 小时入库时限',
  loan_overdue: '调用逾期未还',
  unrelated: '与案件无关财物 3 日内发还',
  perishable: '易腐物品在库',
  hazardous: '危险物品在库',
  closed_case: '已结案未处置',
  stuck_request: '申请无人可办理',
  external_term: '冻结/查封期限届满',
};
/** At most this many alerts of each kind are listed; `counts` gives the full numbers. */
export const ALERT_LIMIT_PER_KIND = 200;
/** Counts stop at this many (the panel shows 「999+」, its tooltip 「1,000 条以上」): counting further would read every flagged item. */
export const ALERT_COUNT_CAP = 1_000;

export const alertDto = z.object({
  kind: z.enum(ALERT_KINDS),
  severity: z.enum(['danger', 'warning']),
  itemId: z.number().optional(),
  itemCode: z.string().optional(),
  caseNo: z.string().optional(),
  requestNo: z.string().optional(),
  message: z.string(),
  /** When the clock started (seized_at, registration, due date…), ISO. */
  since: z.string(),
});
export type AlertDto = z.infer<typeof alertDto>;

/** Rows an export may hold. */
export const EXPORT_MAX_ROWS = 100_000;

export const custodyContract = defineMethods({
  'intake.receive': {
    summary: '入库查验（接收移交的物品）',
    permission: 'custody.handle',
    input: z.object({
      counterpart: person,
      items: z
        .array(z.object({ code: itemCode.optional(), itemId: id.optional(), conditionNote: optText(1000), sealNo: optText(60) }).refine(hasRef, refMessage))
        .min(1, '至少接收一件物品')
        .max(200, '一次最多接收 200 件'),
      witness: witnessInput.optional(),
    }),
    output: z.object({ items: z.array(itemDto), eventIds: z.array(z.number()) }),
  },
  'intake.refuse': {
    summary: '拒收退回',
    permission: 'custody.handle',
    input: z
      .object({ code: itemCode.optional(), itemId: id.optional(), reason: text(500), counterpart: person.optional() })
      .refine(hasRef, refMessage),
    output: z.object({ item: itemDto, eventId: z.number() }),
  },
  'intake.receipt': {
    summary: '打印入库回执',
    permission: 'custody.handle',
    input: z.object({ itemIds: z.array(id).min(1, '至少选择一件物品').max(200, '一张回执最多 200 件') }),
    output: fileOut,
  },
  'putaway.scan': {
    summary: '上架/移位（扫描库位与物品）',
    permission: 'custody.handle',
    input: z.object({ locationCode: text(40), itemCode }),
    output: z.object({ eventId: z.number(), item: itemDto }),
  },
  'putaway.undo': {
    summary: '撤销上架/移位',
    permission: 'custody.handle',
    input: z.object({ eventId: id }),
    output: z.object({ eventId: z.number(), item: itemDto }),
  },
  'photo.add': {
    summary: '添加物品照片',
    permission: 'item.register',
    maxBytes: 12_000_000,
    input: z.object({
      itemId: id,
      mime: z.enum(PHOTO_MIMES),
      base64: z.string().min(1).max(11_200_000, '照片不能超过 8 MB'),
    }),
    output: z.object({ photo: photoDto, eventId: z.number() }),
  },
  'photo.list': { summary: '物品照片列表', permission: 'item.read', input: z.object({ itemId: id }), output: z.array(photoDto), readonly: true },
  'photo.get': {
    summary: '查看物品照片',
    permission: 'item.read',
    input: z.object({ id }),
    output: z.object({ mime: z.enum(PHOTO_MIMES), base64: z.string() }),
    readonly: true,
  },
  'alert.list': {
    summary: '时限预警',
    permission: 'item.read',
    input: empty,
    output: z.object({
      alerts: z.array(alertDto),
      counts: z.record(z.enum(ALERT_KINDS), z.number()),
      limitPerKind: z.number(),
    }),
    readonly: true,
  },
  'item.export': {
    summary: '导出物品清单（Excel）',
    permission: 'item.read',
    input: itemListFilter,
    output: fileOut,
    readonly: true,
  },
  'seal.record': {
    summary: '封存/启封登记',
    permission: 'custody.handle',
    input: z.object({
      itemId: id,
      action: z.enum(['seal', 'unseal']),
      sealNo: optText(60),
      note: text(500),
      witness: witnessInput.optional(),
    }),
    output: z.object({ eventId: z.number(), item: itemDto }),
  },
});
