import type { HandlerMap } from '../api/handler-types';
import { runInline } from '../jobs/job.inline';

export const ledgerHandlers: HandlerMap<'ledger.verify' | 'ledger.head'> = {
  // A full check on one read snapshot, then its checkpoint in a short write transaction. With a worker pool it runs
  // there (its own read connection), so the request path never hashes the whole chain; in-memory stores run it here.
  'ledger.verify': async (ctx) => {
    const input = { kind: 'ledger.check', mode: 'full' } as const;
    const r = ctx.jobs?.pooled ? await ctx.jobs.run(ctx.user, input) : await runInline(ctx, input);
    return r.check!;
  },
  'ledger.head': async (ctx) => ctx.db.selectFrom('ledger_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow(),
};
