/**
 * Printed documents: item and location labels, audit trails of an item or a case. With a worker pool (a store with
 * a reader: a SQLite file, PostgreSQL) these synchronous methods start the job and wait for it, so the request path
 * never draws a PDF (small ones take the interactive lane, see jobs/job.lane.ts); a store without a reader
 * (in-memory) runs the same task in process. Either way the task's checks, refusals and writes are the same.
 */
import type { HandlerMap } from '../api/handler-types';
import type { Ctx } from '../context';
import type { JobInput } from '../../../shared/api/job.contract';
import { inlineFile } from '../jobs/job.inline';

async function print(ctx: Ctx, input: JobInput) {
  if (!ctx.jobs?.pooled) return inlineFile(ctx, input);
  const { file } = await ctx.jobs.run(ctx.user, input);
  if (!file) throw new Error(`${input.kind} made no file`);
  return file;
}

export const documentHandlers: HandlerMap<'label.items' | 'label.locations' | 'document.itemTrail' | 'document.caseTrail'> = {
  'label.items': async (ctx, { itemIds, stock, reprint }) => print(ctx, { kind: 'label.items', itemIds, stock, reprint }),
  'label.locations': async (ctx, { locationIds, stock }) => print(ctx, { kind: 'label.locations', locationIds, stock }),
  'document.itemTrail': async (ctx, { itemId }) => print(ctx, { kind: 'item.trail', itemId }),
  'document.caseTrail': async (ctx, { caseId }) => print(ctx, { kind: 'case.trail', caseId }),
};
