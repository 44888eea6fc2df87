/** Domain enums with their zh-CN labels. Pure data: no node, electron or DOM. */

export const ROLES = ['custodian', 'case_officer', 'approver', 'inspector', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  custodian: '保管员',
  case_officer: '办案人员',
  approver: '审批人',
  inspector: '监督员',
  admin: '管理员',
};

export const AGENCY_KINDS = ['police', 'procuratorate', 'court', 'supervision', 'other'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];
export const AGENCY_KIND_LABELS: Record<AgencyKind, string> = {
  police: '公安',
  procuratorate: '检察院',
  court: '法院',
  supervision: '纪委监委',
  other: '其他',
};
/** Agencies that handle cases (办案单位): they host cases, hold their property and act on it through requests. */
export const CASE_UNIT_KINDS = ['police', 'procuratorate', 'court'] as const satisfies readonly AgencyKind[];
export const isCaseUnitKind = (kind: string): boolean => (CASE_UNIT_KINDS as readonly string[]).includes(kind);

export const ITEM_STATUSES = [
  'REGISTERED',
  'RECEIVING',
  'IN_STORE',
  'ON_LOAN',
  'TRANSFERRED_OUT',
  'PENDING_DISPOSITION',
  'RETURNED',
  'SOLD',
  'DESTROYED',
  'CONFISCATED',
  'HANDED_OVER',
  'EXTERNAL_CUSTODY',
  'DEPOSITED',
  'LOST',
] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export const ITEM_STATUS_LABELS: Record<ItemStatus, string> = {
  REGISTERED: '待入库',
  RECEIVING: '入库查验',
  IN_STORE: '在库',
  ON_LOAN: '调用出库',
  TRANSFERRED_OUT: '移送出库',
  PENDING_DISPOSITION: '待处置',
  RETURNED: '已发还',
  SOLD: '已变卖/拍卖',
  DESTROYED: '已销毁',
  CONFISCATED: '已没收上缴',
  HANDED_OVER: '已移交',
  EXTERNAL_CUSTODY: '外部保管',
  DEPOSITED: '存入专户',
  LOST: '遗失',
};
export const TERMINAL_STATUSES: readonly ItemStatus[] = ['RETURNED', 'SOLD', 'DESTROYED', 'CONFISCATED', 'HANDED_OVER'];

export const EVENT_TYPES = [
  'REGISTERED',
  'LABEL_PRINTED',
  'LABEL_REPRINTED',
  'RECEIVED',
  'REFUSED',
  'STORED',
  'MOVED',
  'SEALED',
  'UNSEALED',
  'PHOTOGRAPHED',
  'LOAN_REQUESTED',
  'LOAN_APPROVED',
  'LOAN_REJECTED',
  'CHECKED_OUT',
  'LOAN_EXTENDED',
  'CHECKED_IN',
  'DISCREPANCY',
  'CUSTODY_TRANSFER_REQUESTED',
  'CUSTODY_TRANSFER_APPROVED',
  'CUSTODY_TRANSFER_ACCEPTED',
  'CUSTODY_TRANSFER_REJECTED',
  'PHYSICAL_TRANSFER_OUT',
  'PHYSICAL_TRANSFER_IN',
  'COUNTED',
  'DISPOSITION_PROPOSED',
  'DISPOSITION_APPROVED',
  'RETURNED_TO_OWNER',
  'SOLD',
  'DESTROYED',
  'CONFISCATED',
  'HANDED_OVER',
  'LOST_REPORTED',
  'RECEIPT_PRINTED',
  'CORRECTION',
  'SUPERVISION_ISSUED',
  'SUPERVISION_ANSWERED',
  'SUPERVISION_CLOSED',
  'SUPERVISION_RETURNED',
  'EXTERNAL_RENEWED',
  'EXTERNAL_RELEASED',
  'CASE_STAGE_CHANGED',
  'SPLIT',
  'SPLIT_CREATED',
  'CASH_DEPOSITED',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const EVENT_TYPE_LABELS: Record<EventType, string> = {
  REGISTERED: '登记',
  LABEL_PRINTED: '打印标签',
  LABEL_REPRINTED: '补打标签',
  RECEIVED: '入库查验通过',
  REFUSED: '拒收退回',
  STORED: '上架',
  MOVED: '移位',
  SEALED: '封存',
  UNSEALED: '启封',
  PHOTOGRAPHED: '拍照',
  LOAN_REQUESTED: '申请调用',
  LOAN_APPROVED: '调用批准',
  LOAN_REJECTED: '调用驳回',
  CHECKED_OUT: '调用出库',
  LOAN_EXTENDED: '调用延期',
  CHECKED_IN: '调用归还',
  DISCREPANCY: '差异登记',
  CUSTODY_TRANSFER_REQUESTED: '申请移送',
  CUSTODY_TRANSFER_APPROVED: '移送批准',
  CUSTODY_TRANSFER_ACCEPTED: '接收确认',
  CUSTODY_TRANSFER_REJECTED: '移送驳回',
  PHYSICAL_TRANSFER_OUT: '移送出库',
  PHYSICAL_TRANSFER_IN: '移送入库',
  COUNTED: '盘点',
  DISPOSITION_PROPOSED: '申请处置',
  DISPOSITION_APPROVED: '处置批准',
  RETURNED_TO_OWNER: '发还',
  SOLD: '变卖/拍卖',
  DESTROYED: '销毁',
  CONFISCATED: '没收上缴',
  HANDED_OVER: '移交其他机关',
  LOST_REPORTED: '报告遗失',
  RECEIPT_PRINTED: '打印文书',
  CORRECTION: '更正',
  SUPERVISION_ISSUED: '监督意见',
  SUPERVISION_ANSWERED: '整改回复',
  SUPERVISION_CLOSED: '监督办结',
  SUPERVISION_RETURNED: '监督退回重新整改',
  EXTERNAL_RENEWED: '续冻/续封',
  EXTERNAL_RELEASED: '解冻/解封',
  CASE_STAGE_CHANGED: '诉讼阶段变更',
  SPLIT: '拆分',
  SPLIT_CREATED: '拆分生成',
  CASH_DEPOSITED: '存入涉案款专户',
};

export const ITEM_CATEGORIES = ['cash', 'valuables', 'electronics', 'vehicle', 'document', 'weapon', 'drug', 'hazardous', 'perishable', 'general', 'other'] as const;
export type ItemCategory = (typeof ITEM_CATEGORIES)[number];
export const ITEM_CATEGORY_LABELS: Record<ItemCategory, string> = {
  cash: '现金',
  valuables: '贵重物品',
  electronics: '电子设备',
  vehicle: '车辆',
  document: '文书资料',
  weapon: '管制器具',
  drug: '毒品及原植物',
  hazardous: '危险品',
  perishable: '易腐物品',
  general: '一般物品',
  other: '其他',
};

export const ITEM_SOURCES = ['seized', 'sealed', 'frozen', 'collected', 'preserved'] as const;
export type ItemSource = (typeof ITEM_SOURCES)[number];
export const ITEM_SOURCE_LABELS: Record<ItemSource, string> = {
  seized: '扣押',
  sealed: '查封',
  frozen: '冻结',
  collected: '调取',
  preserved: '先行登记保存',
};

export const ITEM_FLAGS = ['damaged', 'unsealed', 'hazardous', 'perishable', 'valuable', 'cash', 'unrelated', 'seal_broken', 'shortage', 'swapped', 'value_losing'] as const;
export type ItemFlag = (typeof ITEM_FLAGS)[number];
export const ITEM_FLAG_LABELS: Record<ItemFlag, string> = {
  damaged: '破损',
  unsealed: '已启封',
  hazardous: '危险',
  perishable: '易腐',
  valuable: '贵重',
  cash: '现金',
  unrelated: '与案件无关',
  seal_broken: '封签异常',
  shortage: '短少',
  swapped: '疑似调换',
  value_losing: '易贬值',
};
/** Flags set only by a discrepancy (DISCREPANCY event), not chosen at registration. */
export const DISCREPANCY_FLAGS: readonly ItemFlag[] = ['seal_broken', 'shortage', 'swapped'];

export const CASE_STAGES = ['investigation', 'prosecution_review', 'trial', 'execution', 'closed', 'dropped', 'not_prosecuted'] as const;
export type CaseStage = (typeof CASE_STAGES)[number];
export const CASE_STAGE_LABELS: Record<CaseStage, string> = {
  investigation: '侦查',
  prosecution_review: '审查起诉',
  trial: '审判',
  execution: '执行',
  closed: '结案',
  dropped: '撤案',
  not_prosecuted: '不起诉',
};

/** A store (保管中心 or 分库) is the root of its location tree. */
export const LOCATION_KINDS = ['store', 'warehouse', 'zone', 'shelf', 'bin'] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];
export const LOCATION_KIND_LABELS: Record<LocationKind, string> = {
  store: '保管中心/分库',
  warehouse: '库房',
  zone: '区',
  shelf: '架',
  bin: '位',
};
/** Which kind may sit under which. */
export const LOCATION_PARENT: Record<LocationKind, LocationKind | null> = {
  store: null,
  warehouse: 'store',
  zone: 'warehouse',
  shelf: 'zone',
  bin: 'shelf',
};
