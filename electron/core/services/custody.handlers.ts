/** Custodian desk: intake, put-away, moves, photos, alerts. */
import type { HandlerMap } from '../api/handlers';

export const custodyHandlers: HandlerMap<never> = {};
