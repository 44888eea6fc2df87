/**
 * Printed documents: item and location labels, audit trails of an item or a case. These synchronous methods run
 * the job tasks in process (read-only methods: reads outside any transaction, writes in short ones of their own);
 * the UI starts them as jobs (job.start), which run the same tasks in a worker.
 */
import type { HandlerMap } from '../api/handler-types';
import { inlineFile } from '../jobs/job.inline';

export const documentHandlers: HandlerMap<'label.items' | 'label.locations' | 'document.itemTrail' | 'document.caseTrail'> = {
  'label.items': async (ctx, { itemIds, stock, reprint }) => inlineFile(ctx, { kind: 'label.items', itemIds, stock, reprint }),
  'label.locations': async (ctx, { locationIds, stock }) => inlineFile(ctx, { kind: 'label.locations', locationIds, stock }),
  'document.itemTrail': async (ctx, { itemId }) => inlineFile(ctx, { kind: 'item.trail', itemId }),
  'document.caseTrail': async (ctx, { caseId }) => inlineFile(ctx, { kind: 'case.trail', caseId }),
};
