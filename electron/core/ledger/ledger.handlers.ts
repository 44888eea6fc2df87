import type { HandlerMap } from '../api/handler-types';
import { verifyLedger } from './ledger.verify';

export const ledgerHandlers: HandlerMap<'ledger.verify' | 'ledger.head'> = {
  'ledger.verify': async (ctx) => verifyLedger(ctx.db),
  'ledger.head': async (ctx) => ctx.db.selectFrom('ledger_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow(),
};
