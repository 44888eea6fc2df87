/**
 * The handler map's types and CommittedFailure. They sit below both api/handlers.ts and the services that
 * implement handlers, so no import runs in a circle.
 */
import type { z } from 'zod';
import type { Contract, MethodName, MethodParsedInput } from '../../../shared/api/contract';
import type { Ctx } from '../context';
import type { AppError } from '../errors';

/** Returned (not thrown) when a call fails but what it wrote must stay, e.g. a failed-login count. */
export class CommittedFailure {
  constructor(readonly error: AppError) {}
}

export type Handler<M extends MethodName> = (
  ctx: Ctx,
  input: MethodParsedInput<M>,
) => Promise<z.input<Contract[M]['output']> | CommittedFailure>;
export type HandlerMap<K extends MethodName> = { [M in K]: Handler<M> };
