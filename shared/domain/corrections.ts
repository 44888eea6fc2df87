/** Corrections of registered data, lost reports and discrepancies: field names, kinds and their zh-CN labels. */
import type { ItemFlag } from './enums';

/** Registered data a correction may change (item DTO names). */
export const CORRECTABLE_FIELDS = [
  'name',
  'spec',
  'quantity',
  'unit',
  'cashAmount',
  'estimatedValue',
  'category',
  'flags',
  'ownerName',
  'ownerIdNo',
  'seizureDocNo',
] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];
export const CORRECTABLE_FIELD_LABELS: Record<CorrectableField, string> = {
  name: '名称',
  spec: '规格型号',
  quantity: '数量',
  unit: '单位',
  cashAmount: '现金金额',
  estimatedValue: '估价',
  category: '类别',
  flags: '标记',
  ownerName: '所有人',
  ownerIdNo: '所有人证件号码',
  seizureDocNo: '扣押文书号',
};

export const PROPOSAL_KINDS = ['correction', 'lost'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];
export const PROPOSAL_KIND_LABELS: Record<ProposalKind, string> = { correction: '更正登记信息', lost: '报告遗失' };

export const PROPOSAL_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = { pending: '待审批', approved: '已批准', rejected: '已驳回' };

export const DISCREPANCY_KINDS = ['seal', 'shortage', 'damage', 'swap'] as const;
export type DiscrepancyKind = (typeof DISCREPANCY_KINDS)[number];
export const DISCREPANCY_KIND_LABELS: Record<DiscrepancyKind, string> = {
  seal: '封签破损或不符',
  shortage: '短少',
  damage: '损坏',
  swap: '疑似调换',
};
/** The flag each discrepancy sets on the item. */
export const DISCREPANCY_FLAG: Record<DiscrepancyKind, ItemFlag> = { seal: 'seal_broken', shortage: 'shortage', damage: 'damaged', swap: 'swapped' };
