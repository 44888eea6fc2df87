/** Every contract method mapped to its service function. The type makes a missing handler a compile error. */
import type { z } from 'zod';
import type { Contract, MethodName, MethodParsedInput } from '../../../shared/api/contract';
import type { Ctx } from '../context';
import type { AppError } from '../errors';
import { authHandlers } from '../services/auth.service';
import { adminHandlers } from '../services/admin.handlers';
import { itemHandlers } from '../services/item.handlers';
import { ledgerHandlers } from '../ledger/ledger.handlers';
import { custodyHandlers } from '../services/custody.handlers';
import { requestHandlers } from '../services/request.handlers';
import { documentHandlers } from '../documents/document.handlers';

/** Returned (not thrown) when a call fails but what it wrote must stay, e.g. a failed-login count. */
export class CommittedFailure {
  constructor(readonly error: AppError) {}
}

export type Handler<M extends MethodName> = (
  ctx: Ctx,
  input: MethodParsedInput<M>,
) => Promise<z.input<Contract[M]['output']> | CommittedFailure>;
export type HandlerMap<K extends MethodName> = { [M in K]: Handler<M> };

export const handlers: HandlerMap<MethodName> = {
  ...authHandlers,
  ...adminHandlers,
  ...itemHandlers,
  ...ledgerHandlers,
  ...custodyHandlers,
  ...requestHandlers,
  ...documentHandlers,
};
