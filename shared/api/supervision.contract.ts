/** 监督意见 / 纠正违法通知 (issue 12, part 4): an inspector records, the addressed agency answers, the inspector closes or returns. */
import { z } from 'zod';
import { defineMethods } from './define';
import { id, isoDateTime, text } from './common.schemas';

export const SUPERVISION_KINDS = ['opinion', 'correction_notice'] as const;
export const SUPERVISION_KIND_LABELS: Record<(typeof SUPERVISION_KINDS)[number], string> = { opinion: '监督意见', correction_notice: '纠正违法通知' };
export const SUPERVISION_TARGETS = ['item', 'request', 'case', 'agency'] as const;
export const SUPERVISION_TARGET_LABELS: Record<(typeof SUPERVISION_TARGETS)[number], string> = { item: '物品', request: '申请', case: '案件', agency: '单位' };
export const SUPERVISION_STATUSES = ['OPEN', 'ANSWERED', 'CLOSED'] as const;
export type SupervisionStatus = (typeof SUPERVISION_STATUSES)[number];
export const SUPERVISION_STATUS_LABELS: Record<SupervisionStatus, string> = { OPEN: '待整改', ANSWERED: '已回复待审查', CLOSED: '已办结' };

export const supervisionDto = z.object({
  id: z.number(),
  recordNo: z.string(),
  kind: z.enum(SUPERVISION_KINDS),
  targetType: z.enum(SUPERVISION_TARGETS),
  /** Item code, request no., case no. or agency name. */
  targetLabel: z.string(),
  itemId: z.number().nullable(),
  caseId: z.number().nullable(),
  requestId: z.number().nullable(),
  agencyId: z.number(),
  agencyName: z.string(),
  finding: z.string(),
  legalBasis: z.string(),
  deadline: z.string(),
  overdue: z.boolean(),
  status: z.enum(SUPERVISION_STATUSES),
  answer: z.string().nullable(),
  answeredByName: z.string().nullable(),
  answeredAt: z.string().nullable(),
  closeNote: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
});
export type SupervisionDto = z.infer<typeof supervisionDto>;

const code = z.string().trim().min(1, '请填写对象编号').max(80, '编号过长');

export const supervisionContract = defineMethods({
  'supervision.create': {
    summary: '记录监督意见 / 纠正违法通知',
    permission: 'supervision.issue',
    /** target: item code, request no., case no. or agency code. */
    input: z.object({
      kind: z.enum(SUPERVISION_KINDS),
      targetType: z.enum(SUPERVISION_TARGETS),
      target: code,
      finding: text(2000),
      legalBasis: text(1000),
      deadline: isoDateTime,
    }),
    output: supervisionDto,
  },
  'supervision.list': {
    summary: '监督意见列表（监督员：全部；办案单位：发给本单位的）',
    permission: 'authenticated',
    input: z.object({ openOnly: z.boolean().default(false) }),
    output: z.array(supervisionDto),
    readonly: true,
  },
  'supervision.answer': {
    summary: '回复整改情况',
    permission: 'supervision.answer',
    input: z.object({ id, answer: text(2000) }),
    output: supervisionDto,
  },
  'supervision.review': {
    summary: '审查整改回复：办结或退回重新整改',
    permission: 'supervision.issue',
    input: z.object({ id, close: z.boolean(), note: text(1000) }),
    output: supervisionDto,
  },
});
