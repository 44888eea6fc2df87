import type { HandlerMap } from '../api/handler-types';
import { runInline } from '../jobs/job.inline';

export const ledgerHandlers: HandlerMap<'ledger.verify' | 'ledger.head'> = {
  // A full check on one read snapshot, then its checkpoint in a short write transaction.
  'ledger.verify': async (ctx) => (await runInline(ctx, { kind: 'ledger.check', mode: 'full' })).check!,
  'ledger.head': async (ctx) => ctx.db.selectFrom('ledger_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow(),
};
