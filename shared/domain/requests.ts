/** Request kinds and statuses (one model for loans, transfers, returns, dispositions, allocations). */
export const REQUEST_KINDS = ['loan', 'transfer', 'return', 'disposition', 'allocation'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export const REQUEST_KIND_LABELS: Record<RequestKind, string> = {
  loan: '调用',
  transfer: '移送',
  return: '发还',
  disposition: '处置',
  allocation: '调拨',
};
/** Prefix of the request number (e.g. DY-2026-000012), also a scannable Code 128 payload. */
export const REQUEST_NO_PREFIX: Record<RequestKind, string> = { loan: 'DY', transfer: 'YS', return: 'FH', disposition: 'CZ', allocation: 'DB' };

/**
 * pending: awaiting the sending agency's approver.
 * approved: approved, awaiting execution (custodian scan) or, for a paper transfer, the receiver's acceptance.
 * in_progress: loan checked out, or physical transfer scanned out and awaiting acceptance / scan-in.
 * completed, rejected, cancelled: closed. Items of a closed request are free for another request.
 */
export const REQUEST_STATUSES = ['pending', 'approved', 'in_progress', 'completed', 'rejected', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  pending: '待审批',
  approved: '已批准',
  in_progress: '执行中',
  completed: '已完成',
  rejected: '已驳回',
  cancelled: '已撤销',
};
export const OPEN_REQUEST_STATUSES: readonly RequestStatus[] = ['pending', 'approved', 'in_progress'];

export const TRANSFER_MODES = ['paper', 'physical'] as const;
export type TransferMode = (typeof TRANSFER_MODES)[number];
export const TRANSFER_MODE_LABELS: Record<TransferMode, string> = { paper: '权属移交、实物不动', physical: '实物移送' };

export const DISPOSITION_METHODS = ['confiscate', 'sell', 'destroy', 'hand_over'] as const;
export type DispositionMethod = (typeof DISPOSITION_METHODS)[number];
export const DISPOSITION_METHOD_LABELS: Record<DispositionMethod, string> = {
  confiscate: '没收上缴国库',
  sell: '拍卖/变卖',
  destroy: '销毁',
  hand_over: '移交其他机关',
};

export const LOAN_PURPOSES = ['appraisal', 'identification', 'court_exhibit', 'investigation', 'other'] as const;
export type LoanPurpose = (typeof LOAN_PURPOSES)[number];
export const LOAN_PURPOSE_LABELS: Record<LoanPurpose, string> = {
  appraisal: '鉴定',
  identification: '辨认',
  court_exhibit: '庭审示证',
  investigation: '侦查取证',
  other: '其他',
};

export const RETURN_CONDITIONS = ['fine', 'damaged', 'shortage', 'swapped', 'lost'] as const;
export type ReturnCondition = (typeof RETURN_CONDITIONS)[number];
export const RETURN_CONDITION_LABELS: Record<ReturnCondition, string> = {
  fine: '完好',
  damaged: '损坏',
  shortage: '短少',
  swapped: '调换',
  lost: '遗失',
};

/** What a user can do next on a request (computed by the service, mirrored by the UI's buttons). */
export const REQUEST_ACTIONS = ['decide', 'cancel', 'execute', 'accept', 'receiveIn', 'checkIn', 'extend', 'decideExtension', 'print'] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];
export const REQUEST_ACTION_LABELS: Record<RequestAction, string> = {
  decide: '审批',
  cancel: '撤销',
  execute: '扫描执行',
  accept: '接收确认',
  receiveIn: '扫描入库',
  checkIn: '归还入库',
  extend: '申请延期',
  decideExtension: '审批延期',
  print: '打印文书',
};

/** Identity documents a claimant (发还领取人) may show. */
export const CLAIMANT_ID_TYPES = ['resident_id', 'passport', 'officer_id', 'business_license', 'other'] as const;
export type ClaimantIdType = (typeof CLAIMANT_ID_TYPES)[number];
export const CLAIMANT_ID_TYPE_LABELS: Record<ClaimantIdType, string> = {
  resident_id: '居民身份证',
  passport: '护照',
  officer_id: '军官证/警官证',
  business_license: '营业执照',
  other: '其他证件',
};

/** Item event written when a disposition of each method is executed. */
export const DISPOSITION_EVENT = { confiscate: 'CONFISCATED', sell: 'SOLD', destroy: 'DESTROYED', hand_over: 'HANDED_OVER' } as const satisfies Record<
  DispositionMethod,
  string
>;

/** The item event a custodian's execution writes for each kind (a disposition by its method). */
export function executionEventOf(kind: RequestKind, method: DispositionMethod | null | undefined): (typeof DISPOSITION_EVENT)[DispositionMethod] | 'CHECKED_OUT' | 'PHYSICAL_TRANSFER_OUT' | 'RETURNED_TO_OWNER' | 'MOVED' {
  switch (kind) {
    case 'loan':
      return 'CHECKED_OUT';
    case 'transfer':
      return 'PHYSICAL_TRANSFER_OUT';
    case 'return':
      return 'RETURNED_TO_OWNER';
    case 'disposition':
      return DISPOSITION_EVENT[method ?? 'destroy'];
    case 'allocation':
      return 'MOVED';
  }
}

/** A case follows its items: once all live items are held by an agency of this kind, the case is at this stage. */
export const CASE_STAGE_BY_AGENCY_KIND: Readonly<Record<string, 'investigation' | 'prosecution_review' | 'trial'>> = {
  police: 'investigation',
  procuratorate: 'prosecution_review',
  court: 'trial',
};

/** Inbox boxes (navigation badges). */
export const INBOX_BOXES = ['approve', 'accept', 'execute', 'checkIn', 'mine'] as const;
export type InboxBox = (typeof INBOX_BOXES)[number];
export const INBOX_BOX_LABELS: Record<InboxBox, string> = {
  approve: '待我审批',
  accept: '待本单位接收',
  execute: '待扫描执行',
  checkIn: '调用在外',
  mine: '我的申请',
};

/** Documents printable for a request. */
export const REQUEST_DOC_TYPES = ['loan_form', 'handover', 'custody_confirmation', 'return_list', 'disposition_record'] as const;
export type RequestDocType = (typeof REQUEST_DOC_TYPES)[number];
export const REQUEST_DOC_TYPE_LABELS: Record<RequestDocType, string> = {
  loan_form: '调用审批单',
  handover: '移交清单',
  custody_confirmation: '权属移交确认单',
  return_list: '发还清单',
  disposition_record: '处置记录',
};
