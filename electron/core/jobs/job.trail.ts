/**
 * Printing a 流转记录 in a job: measure (reading the events once, collecting what the document covers), issue it in
 * one short write (serial number, RECEIPT_PRINTED, covers), then draw it, reading the events again. Memory holds one
 * page of rows, the row heights and the PDF being written; progress counts both passes.
 */
import type { FileOut } from '../../../shared/api/common.schemas';
import { hashOfEvents } from '../ledger/ledger.canonical';
import { DOC_SERIAL_PREFIX, type DocMeta } from '../documents/document.types';
import type { IssueRecord } from '../documents/issue-document';
import { resolveFonts } from '../documents/pdf-engine';
import { drawTrail, measureTrail } from '../documents/trail.pdf';
import type { TrailPlan } from '../documents/trail.source';
import type { TaskEnv } from './job.tasks';

export type PrintedTrail = { pdf: Buffer; serialNo: string; fileName: string; eventsHash: string; pages: number };

export async function printTrail(env: TaskEnv, plan: TrailPlan): Promise<FileOut> {
  const t = await printTrailPdf(env, plan);
  return { fileName: t.fileName, mime: 'application/pdf', base64: t.pdf.toString('base64'), serialNo: t.serialNo };
}

/** Measures, issues and draws one trail; the PDF as a buffer (a volume goes into a zip as it is). */
export async function printTrailPdf(env: TaskEnv, plan: TrailPlan): Promise<PrintedTrail> {
  const { ctx } = env;
  resolveFonts(ctx.config.fontDir); // a missing font fails before anything is recorded
  const units = Math.max(1, 2 * plan.rows);
  let done = 0;
  // Reported in events (the job's total), whichever pass is running.
  const step = async (n: number) => {
    done += n;
    await env.progress(Math.min(plan.events, Math.floor((done / units) * plan.events)), plan.events);
  };
  await env.progress(0, plan.events);
  const t0 = performance.now();
  const measured = await measureTrail(plan.spec, step);
  if (process.env.TRAIL_DEBUG) console.log('measure', performance.now() - t0);
  const hashes = plan.covers.map((c) => c.hash);
  const record: IssueRecord = {
    covers: plan.covers,
    docType: 'audit_trail',
    prefix: DOC_SERIAL_PREFIX.audit_trail,
    title: plan.spec.title,
    caseId: plan.caseId,
    eventsHash: hashOfEvents(hashes),
    eventCount: hashes.length,
    itemCodes: plan.itemCodes,
  };
  const serialNo = await env.write('document.issue', record);
  const meta: DocMeta = { serialNo, printedBy: `${ctx.user.displayName}（${ctx.user.agencyName}）`, printedAt: ctx.now, eventsHash: record.eventsHash, eventCount: record.eventCount };
  const t1 = performance.now();
  const pdf = await drawTrail(plan.spec, measured, meta, { fontDir: ctx.config.fontDir ?? null, progress: step });
  if (process.env.TRAIL_DEBUG) console.log('draw', performance.now() - t1);
  return { pdf, serialNo, fileName: `${plan.spec.title}-${serialNo}.pdf`, eventsHash: record.eventsHash, pages: measured.pages };
}
