/** Printed documents: labels, receipts, handover forms, audit trails. */
import type { HandlerMap } from '../api/handlers';

export const documentHandlers: HandlerMap<never> = {};
