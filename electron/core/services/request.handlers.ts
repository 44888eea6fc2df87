/** Requests: loans, custody transfers, returns, dispositions, allocations. */
import type { HandlerMap } from '../api/handlers';

export const requestHandlers: HandlerMap<never> = {};
