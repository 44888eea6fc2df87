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
import { issueRecord, renderIssued } from '../documents/issue-document';
import { resolveFonts } from '../documents/pdf-engine';
import { LABEL_STOCK_NAMES, renderItemLabels, renderLocationLabels, type ItemLabel } from '../documents/label.pdf';
import { caseTrailDoc, itemTrailDoc } from '../documents/trail.builder';
import type { FormDoc } from '../documents/document.types';
import type { EventRow } from '../db/schema';
import { checkLedger } from '../ledger/ledger.check';
import { scopeTrailDoc } from '../documents/scope-trail';
import { missingTriggers, reconcileItems } from '../ledger/ledger.integrity';
import type { ReaderSpec } from '../db/database';
import { runBackupTask } from '../services/backup/backup.task';
import { LABEL_WRITE_CHUNK, labelRefusals, type WriteArgs, type WriteOp, type WriteOut } from './job.writes';

export type TaskEnv = {
  ctx: Ctx;
  /** The live store as a worker would open it (backups copy from it); absent for an in-memory store. */
  source?: ReaderSpec;
  write<K extends WriteOp>(op: K, args: WriteArgs<K>): Promise<WriteOut<K>>;
  progress(done: number, total: number): void | Promise<void>;
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
      // The item rows against the ledger, and the append-only triggers (a full check only).
      const rows = await reconcileItems(ctx.db);
      return { ...NO_RESULT, check: { ...check, integrity: { ...rows, missingTriggers: await missingTriggers(ctx.db, ctx.dialect) } } };
    }
    case 'item.trail': {
      const item = await getItemDto(ctx, { id: input.itemId });
      if (!item || !(await canSeeItem(ctx, input.itemId))) throw notVisible('物品');
      const events = await ctx.db.selectFrom('custody_events').selectAll().where('item_id', '=', input.itemId).orderBy('seq').execute();
      return { ...NO_RESULT, file: await issue(env, await itemTrailDoc(ctx, item, events), events, item.caseId) };
    }
    case 'case.trail': {
      const kase = await ctx.db
        .selectFrom('cases as c')
        .innerJoin('agencies as a', 'a.id', 'c.host_agency_id')
        .select(['c.case_no', 'c.name', 'c.cause', 'a.name as agency_name'])
        .where('c.id', '=', input.caseId)
        .executeTakeFirst();
      if (!kase || !(await canSeeCase(ctx, input.caseId))) throw notVisible('案件');
      const itemIds = (await ctx.db.selectFrom('items').select('id').where('case_id', '=', input.caseId).orderBy('id').execute()).map((r) => r.id);
      const items = await getItemDtos(ctx, itemIds);
      const events = await ctx.db.selectFrom('custody_events').selectAll().where('case_id', '=', input.caseId).orderBy('seq').execute();
      const doc = await caseTrailDoc(ctx, { caseNo: kase.case_no, name: kase.name, cause: kase.cause, hostAgencyName: kase.agency_name }, items, events);
      return { ...NO_RESULT, file: await issue(env, doc, events, input.caseId) };
    }
    case 'label.items':
      return { ...NO_RESULT, file: await itemLabels(env, input.itemIds, input.stock, input.reprint ?? false) };
    case 'label.locations':
      return { ...NO_RESULT, file: await locationLabels(env, input.locationIds, input.stock) };
    case 'item.export':
      return { ...NO_RESULT, file: await exportItems(ctx, input.filter, env.progress) };
    case 'scope.trail': {
      const { doc, covers } = await scopeTrailDoc(ctx, input, env.progress);
      return { ...NO_RESULT, file: await issue(env, doc, covers, null) };
    }
    case 'backup.run':
      return { ...NO_RESULT, backup: await runBackupTask({ ...env, record: (r) => env.write('backup.record', r) }) };
  }
}

/** Issues a document read on this connection: serial and RECEIPT_PRINTED event in a short write, then the PDF. */
async function issue(env: TaskEnv, doc: FormDoc, events: ReadonlyArray<Pick<EventRow, 'seq' | 'hash'>>, caseId: number | null): Promise<FileOut> {
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
