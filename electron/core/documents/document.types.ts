/** What a printed form is made of. Services fill these; the PDF renderer lays them out. */
export type DocType =
  | 'intake_receipt' // 入库回执
  | 'loan_form' // 调用审批单 + 归还核对
  | 'handover' // 交接单 / 移送清单
  | 'custody_confirmation' // 权属移交确认单
  | 'return_list' // 发还清单
  | 'disposition_record' // 处置记录
  | 'audit_trail' // 流转记录
  | 'store_transfer' // 跨库调拨交接单
  | 'stocktake' // 盘点表
  | 'statistics' // 统计报表
  | 'ledger_anchor'; // 账本校验凭证

export const DOC_SERIAL_PREFIX: Record<DocType, string> = {
  intake_receipt: 'RK',
  loan_form: 'DYD',
  handover: 'JJ',
  custody_confirmation: 'QS',
  return_list: 'FHQD',
  disposition_record: 'CZJL',
  audit_trail: 'LZJL',
  store_transfer: 'KDJJ',
  stocktake: 'PD',
  statistics: 'TJBB',
  ledger_anchor: 'ZBPZ',
};

export type DocItemRow = {
  code: string;
  name: string;
  spec?: string | null;
  quantity: number;
  unit: string;
  features?: string | null;
  cashAmount?: number | null;
  /** 估值, printed when the item is not cash. */
  estimatedValue?: number | null;
  sealNo?: string | null;
  location?: string | null;
  /** 查验结果 / 状况 (e.g. 完好、拒收：包装破损). */
  remark?: string | null;
};

export type SignatureBlock = { role: string; name?: string | null };

export type FormDoc = {
  docType: DocType;
  /** e.g. 入库回执, 权属移交确认单. */
  title: string;
  /** Printed as Code 128 under the title (e.g. the request number). */
  barcode?: string | null;
  /** Header grid: label/value pairs in reading order. */
  fields: Array<[label: string, value: string]>;
  items: DocItemRow[];
  /** Extra titled blocks (法律依据, 审批意见, 归还核对…). */
  sections?: Array<{ title: string; lines: Array<[label: string, value: string]> }>;
  signatures: SignatureBlock[];
  /** Optional generic table printed after the sections (e.g. the event list of an audit trail). Cells may hold \n. */
  table?: { title?: string; columns: string[]; rows: string[][]; widths?: Array<number | '*' | 'auto'> };
  /** Optional extra QR code printed with the sections (e.g. the ledger chain head). */
  qr?: { caption: string; text: string };
};

/** Set by issueDocument, printed on every page. */
export type DocMeta = {
  serialNo: string;
  printedBy: string;
  printedAt: string; // ISO
  /** Hash over the covered events, printed as text and as a QR code. */
  eventsHash: string;
  eventCount: number;
};
