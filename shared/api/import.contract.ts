/** Seizure lists in from Excel/CSV: template, preview with every row's result, all-or-nothing commit, saved mappings. */
import { z } from 'zod';
import { defineMethods } from './define';
import { fileOut, id, isoDateTime, optText, text } from './common.schemas';
import { IMPORT_FIELDS, IMPORT_MAX_BYTES } from '../domain/import-fields';

const mapping = z.partialRecord(z.enum(IMPORT_FIELDS), z.string().max(200));

export const importFileInput = z.object({
  fileName: text(260),
  /** The file's bytes, base64. */
  base64: z.string().min(1, '文件是空的').max(Math.ceil(IMPORT_MAX_BYTES / 3) * 4, `文件超过 ${IMPORT_MAX_BYTES / 1_000_000} MB 的上限`),
  /** The case for rows without a 案件编号 column. */
  caseId: id.optional(),
  /** The seizure time for rows that have none when the file's list header has none either. */
  seizedAt: isoDateTime.optional(),
  /** Field → header; omitted: recognised from the headers. */
  mapping: mapping.optional(),
});

export const importProblem = z.object({ row: z.number(), field: z.string(), fieldLabel: z.string(), message: z.string() });
export const importRowResult = z.object({
  row: z.number(),
  ok: z.boolean(),
  name: z.string(),
  quantity: z.string(),
  unit: z.string(),
  caseNo: z.string(),
  seizedAt: z.string(),
  messages: z.array(z.string()),
});
export type ImportRowResult = z.infer<typeof importRowResult>;

export const importPreviewDto = z.object({
  sheetName: z.string(),
  headerRow: z.number(),
  headers: z.array(z.string()),
  mapping,
  listHeader: z.record(z.string(), z.string()),
  total: z.number(),
  okCount: z.number(),
  rows: z.array(importRowResult),
  problems: z.array(importProblem),
});
export type ImportPreviewDto = z.infer<typeof importPreviewDto>;

export const importResultDto = z.object({
  count: z.number(),
  itemIds: z.array(z.number()),
  seizureDocNo: z.string(),
  cases: z.array(z.object({ caseNo: z.string(), count: z.number() })),
  firstCode: z.string(),
  lastCode: z.string(),
});
export type ImportResultDto = z.infer<typeof importResultDto>;

const MAX = Math.ceil(IMPORT_MAX_BYTES / 3) * 4 + 10_000;
/** A request body carrying an import file. */
export const IMPORT_INPUT_MAX_BYTES = MAX;
export const importCommitInput = importFileInput.extend({ seizureDocNo: optText(80), seizedBy: optText(100) });

export const importContract = defineMethods({
  'import.template': { summary: '下载扣押清单导入模板', permission: 'item.register', input: z.object({}), output: fileOut, readonly: true },
  'import.preview': { summary: '预览导入：逐行校验结果', permission: 'item.register', input: importFileInput, output: importPreviewDto, readonly: true, maxBytes: MAX },
  'import.commit': {
    summary: '导入扣押清单（全部成功或全部不写入）',
    permission: 'item.register',
    input: importCommitInput,
    output: importResultDto,
    maxBytes: MAX,
  },
  'import.mappings': {
    summary: '本单位保存的列映射模板',
    permission: 'item.register',
    input: z.object({}),
    output: z.array(z.object({ id: z.number(), name: z.string(), mapping })),
    readonly: true,
  },
  'import.saveMapping': { summary: '保存列映射模板', permission: 'item.register', input: z.object({ name: text(40), mapping }), output: z.object({ id: z.number() }) },
});
