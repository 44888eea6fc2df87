/**
 * Long work as jobs: ledger checks, trail and label PDFs, Excel exports run in a worker beside the request path.
 * job.start checks the kind's own permission; a job is visible only to the user who started it.
 */
import { z } from 'zod';
import { defineMethods } from './define';
import { fileOut, id } from './common.schemas';
import { LABELS_PER_JOB, labelStock } from './document.contract';
import { itemListFilter } from './item.contract';
import { reportFilter } from './report.contract';
import { verifyResultDto } from './ledger.contract';
import { caseListFilter, eventListFilter, requestListFilter } from './list-export.schemas';
import { IMPORT_INPUT_MAX_BYTES, importCommitInput, importFileInput, importPreviewDto, importResultDto } from './import.contract';
import type { Permission } from '../domain/permissions';
import { ERROR_CODES, type ErrorCode } from './errors';
import { SCOPE_VOLUME_EVENTS, scopeTrailInput } from './scope-trail.contract';

export { LABELS_PER_JOB };

export const jobInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ledger.check'), mode: z.enum(['full', 'incremental']).default('incremental') }),
  z.object({ kind: z.literal('item.trail'), itemId: id }),
  z.object({ kind: z.literal('case.trail'), caseId: id }),
  z.object({ kind: z.literal('label.items'), itemIds: z.array(id).min(1).max(LABELS_PER_JOB), stock: labelStock, reprint: z.boolean().optional() }),
  z.object({ kind: z.literal('label.locations'), locationIds: z.array(id).min(1).max(LABELS_PER_JOB), stock: labelStock }),
  z.object({ kind: z.literal('item.export'), filter: itemListFilter.default({}) }),
  // 流转记录 of an agency, a store or location (with its subtree), or a period; from/to bound any of them.
  // Above volumeSize events (default 200,000) it is printed in volumes (分册), delivered as one zip.
  scopeTrailInput.extend({ kind: z.literal('scope.trail'), volumeSize: z.number().int().min(1).max(SCOPE_VOLUME_EVENTS).optional() }),
  // Every list out to Excel with the list's own filters (the shared streaming runner).
  z.object({ kind: z.literal('case.export'), filter: caseListFilter.default({}) }),
  z.object({ kind: z.literal('request.export'), filter: requestListFilter.default({}) }),
  z.object({ kind: z.literal('event.export'), filter: eventListFilter.default({}) }),
  z.object({ kind: z.literal('alert.export') }),
  z.object({ kind: z.literal('overdue.export') }),
  z.object({ kind: z.literal('stocktake.export'), stocktakeId: id }),
  z.object({ kind: z.literal('case.exportZip'), caseId: id }),
  // The import wizard's preview and all-or-nothing commit, with row-level progress.
  importFileInput.extend({ kind: z.literal('import.preview') }),
  importCommitInput.extend({ kind: z.literal('import.commit') }),
  // 统计报表 PDF (the same filter as report.stats).
  reportFilter.extend({ kind: z.literal('report.print') }),
  // A verified backup into the folder of the backup settings (a scheduled one runs as the system user).
  z.object({ kind: z.literal('backup.run') }),
]);
export type JobInput = z.output<typeof jobInput>;
export type JobKind = JobInput['kind'];

/** What each kind needs, the same as its synchronous method (label.locations checks custodian-or-admin itself). */
export const JOB_PERMISSION: Record<JobKind, Permission> = {
  'ledger.check': 'audit.read',
  'item.trail': 'item.read',
  'case.trail': 'item.read',
  'label.items': 'custody.handle',
  'label.locations': 'authenticated',
  'item.export': 'item.read',
  'scope.trail': 'audit.read',
  'case.export': 'item.read',
  'request.export': 'item.read',
  'event.export': 'item.read',
  'alert.export': 'item.read',
  'overdue.export': 'item.read',
  'stocktake.export': 'custody.handle',
  'case.exportZip': 'item.read',
  'import.preview': 'item.register',
  'import.commit': 'item.register',
  'report.print': 'report.read',
  'backup.run': 'admin.manage',
};

export const JOB_KIND_LABELS: Record<JobKind, string> = {
  'ledger.check': '账本校验',
  'item.trail': '物品流转记录',
  'case.trail': '案件流转记录',
  'label.items': '物品标签',
  'label.locations': '库位标签',
  'item.export': '导出物品清单',
  'scope.trail': '流转记录（单位 / 库位 / 期间）',
  'case.export': '导出案件列表',
  'request.export': '导出申请单列表',
  'event.export': '导出流转记录',
  'alert.export': '导出时限预警',
  'overdue.export': '导出逾期未还调用',
  'stocktake.export': '导出盘点结果',
  'case.exportZip': '导出案件档案',
  'import.preview': '导入预览',
  'import.commit': '导入扣押清单',
  'report.print': '统计报表',
  'backup.run': '备份',
};

export const JOB_KINDS = Object.keys(JOB_KIND_LABELS) as [JobKind, ...JobKind[]];

export const checkResultDto = verifyResultDto.extend({ mode: z.enum(['full', 'incremental']), fromSeq: z.number() });

export const jobStatusDto = z.object({
  jobId: z.string(),
  kind: z.enum(JOB_KINDS),
  state: z.enum(['queued', 'running', 'done', 'failed']),
  /** Units done and in all (events checked, rows exported, labels drawn); total 0 while unknown. */
  done: z.number(),
  total: z.number(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  error: z.object({ code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]), message: z.string(), details: z.array(z.string()).optional() }).nullable(),
});
export type JobStatus = z.infer<typeof jobStatusDto>;

/** A backup job's outcome: the file written and its check. */
export const backupResultDto = z.object({ id: z.number(), file: z.string(), ok: z.boolean(), failure: z.string().nullable(), events: z.number() });

/**
 * A job file on disk (a scope trail in volumes, too large to travel as base64): only the job's owner fetches it,
 * in the browser from GET /api/jobs/<jobId>/file, on the desktop through the host's save dialog.
 */
export const jobDownloadDto = z.object({ fileName: z.string(), mime: z.string(), bytes: z.number(), serialNo: z.string().optional() });
export type JobDownload = z.infer<typeof jobDownloadDto>;

export const jobResultDto = z.object({
  /** A small file, whole (base64); null when there is none or it is on disk (`download`). */
  file: fileOut.nullable(),
  download: jobDownloadDto.nullable().optional(),
  check: checkResultDto.nullable(),
  /** import.preview: every row's result; import.commit: what was registered. */
  preview: importPreviewDto.optional(),
  imported: importResultDto.optional(),
  backup: backupResultDto.nullable().optional(),
});
export type JobResult = z.infer<typeof jobResultDto>;

export const jobContract = defineMethods({
  // An import job carries its file: the body may be as large as import.commit's.
  'job.start': { summary: '启动后台任务', permission: 'authenticated', input: jobInput, output: jobStatusDto, readonly: true, maxBytes: IMPORT_INPUT_MAX_BYTES },
  'job.status': { summary: '后台任务进度', permission: 'authenticated', input: z.object({ jobId: z.string().max(64) }), output: jobStatusDto, readonly: true },
  'job.result': {
    summary: '取回后台任务结果',
    permission: 'authenticated',
    input: z.object({ jobId: z.string().max(64) }),
    output: jobResultDto,
    readonly: true,
  },
});
