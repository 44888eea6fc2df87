/** Issuing a printed document: a serial number, the hash of the events it covers, a RECEIPT_PRINTED event. */
import type { Ctx } from '../context';
import type { FileOut } from '../../../shared/api/common.schemas';
import { appendEvent } from '../ledger/ledger.append';
import { hashOfEvents } from '../ledger/ledger.canonical';
import { nextDocumentSerial } from '../services/common/sequence';
import { DOC_SERIAL_PREFIX, type DocMeta, type FormDoc } from './document.types';
import { renderFormPdf } from './form.pdf';
import { recordCovers, type Cover } from './document.covers';

export async function issueDocument(
  ctx: Ctx,
  doc: FormDoc,
  cover: { eventIds: number[]; caseId?: number | null; requestId?: number | null },
): Promise<FileOut> {
  const ids = [...new Set(cover.eventIds)];
  const covers: Cover[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    covers.push(...(await ctx.db.selectFrom('custody_events').select(['seq', 'hash']).where('id', 'in', ids.slice(i, i + 500)).execute()));
  }
  covers.sort((a, b) => a.seq - b.seq);
  const hashes = covers.map((c) => c.hash);
  const serialNo = await nextDocumentSerial(ctx, DOC_SERIAL_PREFIX[doc.docType]);
  const meta: DocMeta = {
    serialNo,
    printedBy: `${ctx.user.displayName}（${ctx.user.agencyName}）`,
    printedAt: ctx.now,
    eventsHash: hashOfEvents(hashes),
    eventCount: hashes.length,
  };
  const pdf = await renderFormPdf(doc, meta, { fontDir: ctx.config.fontDir ?? null });
  const printed = await appendEvent(ctx, {
    type: 'RECEIPT_PRINTED',
    caseId: cover.caseId ?? null,
    requestId: cover.requestId ?? null,
    note: `打印${doc.title}（${serialNo}）`,
    payload: { serialNo, docType: doc.docType, title: doc.title, eventsHash: meta.eventsHash, eventCount: meta.eventCount, itemCodes: doc.items.map((i) => i.code) },
  });
  await recordCovers(ctx, serialNo, printed.seq, meta.eventsHash, covers);
  return { fileName: `${doc.title}-${serialNo}.pdf`, mime: 'application/pdf', base64: pdf.toString('base64'), serialNo };
}

export type IssueRecord = {
  docType: FormDoc['docType'];
  prefix: string;
  title: string;
  caseId: number | null;
  eventsHash: string;
  eventCount: number;
  itemCodes: string[];
  /** The covered events (seq order), recorded with the serial so the paper can be re-checked event by event. */
  covers: Cover[];
};

/** What a document read outside the write transaction needs to be issued: its events' hashes, in seq order. */
export function issueRecord(doc: FormDoc, events: ReadonlyArray<{ seq: number; hash: string }>, caseId: number | null): IssueRecord {
  const covers = [...events].sort((a, b) => a.seq - b.seq).map((e) => ({ seq: e.seq, hash: e.hash }));
  const hashes = covers.map((e) => e.hash);
  return {
    covers,
    docType: doc.docType,
    prefix: DOC_SERIAL_PREFIX[doc.docType],
    title: doc.title,
    caseId,
    eventsHash: hashOfEvents(hashes),
    eventCount: hashes.length,
    itemCodes: doc.items.map((i) => i.code),
  };
}

/** The write half of issuing (a short write transaction): the serial number and the RECEIPT_PRINTED event. */
export async function recordIssue(ctx: Ctx, r: IssueRecord): Promise<string> {
  const serialNo = await nextDocumentSerial(ctx, r.prefix);
  const printed = await appendEvent(ctx, {
    type: 'RECEIPT_PRINTED',
    caseId: r.caseId,
    note: `打印${r.title}（${serialNo}）`,
    payload: { serialNo, docType: r.docType, title: r.title, eventsHash: r.eventsHash, eventCount: r.eventCount, itemCodes: r.itemCodes },
  });
  await recordCovers(ctx, serialNo, printed.seq, r.eventsHash, r.covers);
  return serialNo;
}

/** Renders an issued document (outside any transaction). */
export async function renderIssued(ctx: Pick<Ctx, 'user' | 'config' | 'now'>, doc: FormDoc, r: IssueRecord, serialNo: string): Promise<FileOut> {
  const meta: DocMeta = {
    serialNo,
    printedBy: `${ctx.user.displayName}（${ctx.user.agencyName}）`,
    printedAt: ctx.now,
    eventsHash: r.eventsHash,
    eventCount: r.eventCount,
  };
  const pdf = await renderFormPdf(doc, meta, { fontDir: ctx.config.fontDir ?? null });
  return { fileName: `${doc.title}-${serialNo}.pdf`, mime: 'application/pdf', base64: pdf.toString('base64'), serialNo };
}
