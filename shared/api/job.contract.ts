/**
 * Long work as jobs: ledger checks, trail and label PDFs, Excel exports run in a worker beside the request path.
 * job.start checks the kind's own permission; a job is visible only to the user who started it.
 */
import { z } from 'zod';
import { defineMethods } from './define';
import { fileOut, id, isoDateTime } from './common.schemas';
import { LABELS_PER_JOB, labelStock } from './document.contract';
import { itemListFilter } from './item.contract';
import { verifyResultDto } from './ledger.contract';
import type { Permission } from '../domain/permissions';
import { ERROR_CODES, type ErrorCode } from './errors';

export { LABELS_PER_JOB };

export const jobInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ledger.check'), mode: z.enum(['full', 'incremental']).default('incremental') }),
  z.object({ kind: z.literal('item.trail'), itemId: id }),
  z.object({ kind: z.literal('case.trail'), caseId: id }),
  z.object({ kind: z.literal('label.items'), itemIds: z.array(id).min(1).max(LABELS_PER_JOB), stock: labelStock, reprint: z.boolean().optional() }),
  z.object({ kind: z.literal('label.locations'), locationIds: z.array(id).min(1).max(LABELS_PER_JOB), stock: labelStock }),
  z.object({ kind: z.literal('item.export'), filter: itemListFilter.default({}) }),
  // 流转记录 of an agency, a store or location (with its subtree), or a period; from/to bound any of them.
  z.object({
    kind: z.literal('scope.trail'),
    scope: z.enum(['agency', 'location', 'period']),
    agencyId: id.optional(),
    locationId: id.optional(),
    from: isoDateTime.optional(),
    to: isoDateTime.optional(),
  }),
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
  'backup.run': '备份',
};

export const checkResultDto = verifyResultDto.extend({ mode: z.enum(['full', 'incremental']), fromSeq: z.number() });

export const jobStatusDto = z.object({
  jobId: z.string(),
  kind: z.enum(['ledger.check', 'item.trail', 'case.trail', 'label.items', 'label.locations', 'item.export', 'scope.trail', 'backup.run']),
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

export const jobResultDto = z.object({ file: fileOut.nullable(), check: checkResultDto.nullable(), backup: backupResultDto.nullable().optional() });
export type JobResult = z.infer<typeof jobResultDto>;

export const jobContract = defineMethods({
  'job.start': { summary: '启动后台任务', permission: 'authenticated', input: jobInput, output: jobStatusDto, readonly: true },
  'job.status': { summary: '后台任务进度', permission: 'authenticated', input: z.object({ jobId: z.string().max(64) }), output: jobStatusDto, readonly: true },
  'job.result': {
    summary: '取回后台任务结果',
    permission: 'authenticated',
    input: z.object({ jobId: z.string().max(64) }),
    output: jobResultDto,
    readonly: true,
  },
});
