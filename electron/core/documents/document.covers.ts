/** What a printed document covers, kept so its QR can be re-checked event by event later (0013). */
import type { Ctx } from '../context';

const CHUNK = 500;

export type Cover = { seq: number; hash: string };

export async function recordCovers(ctx: Pick<Ctx, 'db'>, serialNo: string, printedSeq: number, eventsHash: string, covers: readonly Cover[]): Promise<void> {
  await ctx.db.insertInto('documents').values({ serial_no: serialNo, printed_seq: printedSeq, events_hash: eventsHash, event_count: covers.length }).execute();
  const rows = covers.map((c) => ({ serial_no: serialNo, seq: c.seq, hash: c.hash }));
  for (let i = 0; i < rows.length; i += CHUNK) await ctx.db.insertInto('document_covers').values(rows.slice(i, i + CHUNK)).execute();
}
