/** The seizure-list import: the fields a column can map to, the Chinese headers recognised for each, and limits. */
export const IMPORT_FIELDS = [
  'name', 'quantity', 'unit', 'spec', 'features', 'ownerName', 'ownerIdNo', 'seizedAt', 'caseNo', 'category', 'estimatedValue', 'cashAmount', 'sealNo',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  name: '物品名称',
  quantity: '数量',
  unit: '单位',
  spec: '规格型号',
  features: '特征',
  ownerName: '持有人',
  ownerIdNo: '持有人证件号',
  seizedAt: '扣押时间',
  caseNo: '案件编号',
  category: '类别',
  estimatedValue: '估值（元）',
  cashAmount: '现金金额（元）',
  sealNo: '封存编号',
};

/** Headers recognised by themselves (compared without spaces, brackets' contents and a trailing colon). */
export const IMPORT_HEADER_SYNONYMS: Record<ImportField, readonly string[]> = {
  name: ['物品名称', '名称', '财物名称', '物品', '涉案财物名称'],
  quantity: ['数量', '件数'],
  unit: ['单位', '计量单位'],
  spec: ['规格型号', '规格', '型号', '品牌型号'],
  features: ['特征', '特征描述', '物品特征', '特征及描述'],
  ownerName: ['持有人', '所有人', '持有人姓名', '物品持有人'],
  ownerIdNo: ['持有人证件号', '持有人身份证号', '身份证号', '证件号码'],
  seizedAt: ['扣押时间', '扣押日期'],
  caseNo: ['案件编号', '案号'],
  category: ['类别', '物品类别', '财物类别'],
  estimatedValue: ['估值', '价值', '估价', '估值元'],
  cashAmount: ['现金金额', '金额', '金额元', '现金金额元'],
  sealNo: ['封存编号', '封条号', '封存号'],
};

/** The list header above the item table (label in one cell, value in the next). */
export const LIST_HEADER_FIELDS = ['decisionNo', 'listNo', 'seizedAt', 'seizedBy', 'holder', 'witness'] as const;
export type ListHeaderField = (typeof LIST_HEADER_FIELDS)[number];
export const LIST_HEADER_LABELS: Record<ListHeaderField, string> = {
  decisionNo: '扣押决定书编号',
  listNo: '扣押清单编号',
  seizedAt: '扣押时间',
  seizedBy: '扣押人',
  holder: '持有人',
  witness: '见证人',
};
export const LIST_HEADER_SYNONYMS: Record<ListHeaderField, readonly string[]> = {
  decisionNo: ['扣押决定书编号', '扣押决定书号', '扣押决定书', '决定书编号'],
  listNo: ['扣押清单编号', '扣押清单号', '清单编号'],
  seizedAt: ['扣押时间', '扣押日期'],
  seizedBy: ['扣押人', '扣押民警', '扣押人员', '办案人'],
  holder: ['持有人', '被扣押人', '物品持有人'],
  witness: ['见证人'],
};

/** Refused above these, naming the limit. */
export const IMPORT_MAX_ROWS = 99_999;
export const IMPORT_MAX_COLUMNS = 1_000;
/** Largest file accepted (bytes, before base64). */
export const IMPORT_MAX_BYTES = 20_000_000;

/** A header as compared: no spaces, no bracketed unit, no trailing colon or asterisk. */
export function normalizeHeader(h: string): string {
  return h.replace(/\s+/g, '').replace(/[（(][^）)]*[）)]/g, '').replace(/[：:*＊]+$/u, '').replace(/^[*＊]+/u, '');
}

export function recogniseField(header: string): ImportField | null {
  const n = normalizeHeader(header);
  for (const f of IMPORT_FIELDS) if (IMPORT_HEADER_SYNONYMS[f].includes(n)) return f;
  return null;
}

export function recogniseListHeader(label: string): ListHeaderField | null {
  const n = normalizeHeader(label);
  for (const f of LIST_HEADER_FIELDS) if (LIST_HEADER_SYNONYMS[f].includes(n)) return f;
  return null;
}
