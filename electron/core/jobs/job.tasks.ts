/**
 * What each job kind does. The same code runs in a worker (ctx.db: the worker's read-only connection) or in
 * process (ctx.db: the main store outside any transaction). Reads run here; writes go through `env.write`.
 */
import type { Ctx } from '../context';
import type { FileOut } from '../../../shared/api/common.schemas';
import type { JobInput, JobResult } from '../../../shared/api/job.contract';
import { ITEM_CATEGORY_LABELS } from '../../../shared/domain/enums';
import { hasPermission } from '../../../shared/domain/permissions';
import { canSeeCase, canSeeItem, notVisible } from '../access/visibility';
import { AppError, conflict, forbidden } from '../errors';
import { getItemDto, getItemDtos } from '../services/items/item.repository';
import { exportItems } from '../services/items/export.service';
import { locationPaths } from '../services/admin/admin.handlers';
import { resolveFonts } from '../documents/pdf-engine';
import { LABEL_STOCK_NAMES, renderItemLabels, renderLocationLabels, type ItemLabel } from '../documents/label.pdf';
import { caseTrailPlan, itemTrailPlan } from '../documents/trail.source';
import { checkLedger } from '../ledger/ledger.check';
import { issueRecord, renderIssued } from '../documents/issue-document';
import type { FormDoc } from '../documents/document.types';
import { buildReport } from '../services/reports/report.stats';
import { coveredEvents, reportDoc } from '../services/reports/report.output';
import { printTrail } from './job.trail';
import { printScopeTrail } from './job.volumes';
import { countDrift, missingItemCountTriggers, missingTriggers, reconcileItems } from '../ledger/ledger.integrity';
import { exportAlerts, exportCases, exportCountResults, exportOverdue, exportRequests } from '../services/exports/list-exports';
import { exportEvents } from '../services/exports/event-export';
import { exportCaseZip } from '../services/exports/case-export';
import { runImportTask } from './job.import';
import type { ReaderSpec } from '../db/database';
import { runBackupTask } from '../services/backup/backup.task';
import { LABEL_WRITE_CHUNK, labelRefusals, type WriteArgs, type WriteOp, type WriteOut } from './job.writes';

export type TaskEnv = {
  ctx: Ctx;
  /** The live store as a worker would open it (backups copy from it); absent for an in-memory store. */
  source?: ReaderSpec;
  write<K extends WriteOp>(op: K, args: WriteArgs<K>): Promise<WriteOut<K>>;
  progress(done: number, total: number): void | Promise<void>;
  /** Where this job may write its one file on disk (job.files.ts); the result then carries `download`. */
  filePath?: string;
};

const NO_RESULT: JobResult = { file: null, check: null };

/** Shanghai local time as 20261201-1405, for file names. */
export function fileStamp(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
}
const pdfOut = (fileName: string, pdf: Buffer): FileOut => ({ fileName, mime: 'application/pdf', base64: pdf.toString('base64') });

export async function runTask(env: TaskEnv, input: JobInput): Promise<JobResult> {
  const { ctx } = env;
  switch (input.kind) {
    case 'ledger.check': {
      const check = await checkLedger(ctx.db, ctx.dialect, { mode: input.mode, onProgress: env.progress });
      await env.write('ledger.checkpoint', check);
      if (input.mode !== 'full') return { ...NO_RESULT, check };
      // The item rows against the ledger, the triggers, the count tables against items (a full check only).
      const rows = await reconcileItems(ctx.db);
      const integrity = {
        ...rows,
        missingTriggers: await missingTriggers(ctx.db, ctx.dialect),
        missingCountTriggers: await missingItemCountTriggers(ctx.db, ctx.dialect),
        countDrift: await countDrift(ctx.db, ctx.dialect),
      };
      return { ...NO_RESULT, check: { ...check, integrity } };
    }
    case 'item.trail': {
      const item = await getItemDto(ctx, { id: input.itemId });
      if (!item || !(await canSeeItem(ctx, input.itemId))) throw notVisible('物品');
      return { ...NO_RESULT, file: await printTrail(env, await itemTrailPlan(ctx, item)) };
    }
    case 'case.trail': {
      const kase = await ctx.db
        .selectFrom('cases as c')
        .innerJoin('agencies as a', 'a.id', 'c.host_agency_id')
        .select(['c.case_no', 'c.name', 'c.cause', 'a.name as agency_name'])
        .where('c.id', '=', input.caseId)
        .executeTakeFirst();
      if (!kase || !(await canSeeCase(ctx, input.caseId))) throw notVisible('案件');
      const plan = await caseTrailPlan(ctx, input.caseId, { caseNo: kase.case_no, name: kase.name, cause: kase.cause, hostAgencyName: kase.agency_name });
      return { ...NO_RESULT, file: await printTrail(env, plan) };
    }
    case 'label.items':
      return { ...NO_RESULT, file: await itemLabels(env, input.itemIds, input.stock, input.reprint ?? false) };
    case 'label.locations':
      return { ...NO_RESULT, file: await locationLabels(env, input.locationIds, input.stock) };
    case 'item.export':
      return { ...NO_RESULT, file: await exportItems(ctx, input.filter, env.progress) };
    case 'scope.trail':
      return { ...NO_RESULT, ...(await printScopeTrail(env, input)) };
    case 'report.print': {
      const { kind: _kind, ...filter } = input;
      await env.progress(0, 3);
      const report = await buildReport(ctx, filter);
      await env.progress(1, 3);
      const covers = await coveredEvents(ctx, filter);
      await env.progress(2, 3);
      return { ...NO_RESULT, file: await issue(env, reportDoc(ctx, report), covers, null) };
    }
    case 'case.export':
      return { ...NO_RESULT, file: await exportCases(ctx, input.filter, env.progress) };
    case 'request.export':
      return { ...NO_RESULT, file: await exportRequests(ctx, input.filter, env.progress) };
    case 'event.export':
      return { ...NO_RESULT, file: await exportEvents(ctx, input.filter, env.progress) };
    case 'alert.export':
      return { ...NO_RESULT, file: await exportAlerts(ctx, env.progress) };
    case 'overdue.export':
      return { ...NO_RESULT, file: await exportOverdue(ctx, env.progress) };
    case 'stocktake.export':
      return { ...NO_RESULT, file: await exportCountResults(ctx, input.stocktakeId, env.progress) };
    case 'case.exportZip': {
      // The trail is issued through this job's write path, so a worker's read-only connection never writes.
      const trail = async () => (await runTask({ ...env, progress: () => undefined }, { kind: 'case.trail', caseId: input.caseId })).file!;
      return { ...NO_RESULT, file: await exportCaseZip(ctx, input.caseId, { trail, progress: env.progress }) };
    }
    case 'import.preview':
    case 'import.commit':
      return runImportTask(env, input);
    case 'backup.run':
      return { ...NO_RESULT, backup: await runBackupTask({ ...env, record: (r) => env.write('backup.record', r) }) };
  }
}

/** Issues a form read on this connection: serial and RECEIPT_PRINTED event in a short write, then the PDF. */
async function issue(env: TaskEnv, doc: FormDoc, events: ReadonlyArray<{ seq: number; hash: string }>, caseId: number | null): Promise<FileOut> {
  resolveFonts(env.ctx.config.fontDir); // a missing font fails before anything is recorded
  const record = issueRecord(doc, events, caseId);
  const serialNo = await env.write('document.issue', record);
  return renderIssued(env.ctx, doc, record, serialNo);
}

async function itemLabels(env: TaskEnv, itemIds: number[], stock: ItemLabelStock, reprint: boolean): Promise<FileOut> {
  const { ctx } = env;
  const ids = [...new Set(itemIds)];
  const rows = await ctx.db.selectFrom('items').select(['id', 'code', 'name', 'status']).where('id', 'in', ids).execute();
  const found = new Set(rows.map((r) => r.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) throw new AppError('NOT_FOUND', `物品不存在（ID：${missing.join('、')}）`);
  // Refuse the whole batch up front, naming every item the state machine does not allow.
  const refused = labelRefusals(rows);
  if (refused.length) throw conflict(`有 ${refused.length} 件物品不能打印标签`, refused);
  resolveFonts(ctx.config.fontDir);
  // Progress: the label events first, then the drawing (2n steps in all).
  const n = ids.length;
  await env.progress(0, 2 * n);
  for (let i = 0; i < n; i += LABEL_WRITE_CHUNK) {
    await env.write('label.apply', { itemIds: ids.slice(i, i + LABEL_WRITE_CHUNK), stock, reprint });
    await env.progress(Math.min(n, i + LABEL_WRITE_CHUNK), 2 * n);
  }
  const dtos = new Map((await getItemDtos(ctx, ids)).map((d) => [d.id, d]));
  const labels: ItemLabel[] = ids.map((id) => {
    const d = dtos.get(id)!;
    return { code: d.code, name: d.name, caseNo: d.caseNo, category: ITEM_CATEGORY_LABELS[d.category], seizedAt: d.seizedAt };
  });
  const pdf = await renderItemLabels(labels, stock, { fontDir: ctx.config.fontDir ?? null, onProgress: (d) => env.progress(n + d, 2 * n) });
  return pdfOut(`物品标签-${ids.length}件-${fileStamp(ctx.now)}.pdf`, pdf);
}

type ItemLabelStock = keyof typeof LABEL_STOCK_NAMES;

async function locationLabels(env: TaskEnv, locationIds: number[], stock: ItemLabelStock): Promise<FileOut> {
  const { ctx } = env;
  if (!hasPermission(ctx.user.roles, 'custody.handle') && !hasPermission(ctx.user.roles, 'admin.manage')) {
    throw forbidden('只有保管员或管理员可以打印库位标签');
  }
  const ids = [...new Set(locationIds)];
  const paths = await locationPaths(ctx);
  const missing = ids.filter((id) => !paths.has(id));
  if (missing.length) throw new AppError('NOT_FOUND', `库位不存在（ID：${missing.join('、')}）`);
  const inactive = ids.map((id) => paths.get(id)!).filter((p) => p.row.active !== 1);
  if (inactive.length) throw conflict('停用的库位不能打印标签', inactive.map((p) => `${p.row.code}（${p.path}）已停用`));
  const labels = ids.map((id) => {
    const p = paths.get(id)!;
    return { code: p.row.code, name: p.row.name, path: p.path };
  });
  const pdf = await renderLocationLabels(labels, stock, { fontDir: ctx.config.fontDir ?? null, onProgress: env.progress });
  return pdfOut(`库位标签-${ids.length}个-${fileStamp(ctx.now)}.pdf`, pdf);
}
