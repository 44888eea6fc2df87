/** 盘点 methods. */
import type { HandlerMap } from '../../api/handler-types';
import { closeCount, decideLoss, resolveDiscrepancy } from './stocktake.close';
import { countDto, discrepancyDtos } from './stocktake.read';
import { printCount } from './stocktake.report';
import { listCounts, openCount, scanInCount, setPaused } from './stocktake.service';
import { storeWarnings } from './stocktake.warnings';

type StocktakeMethod =
  | 'stocktake.open' | 'stocktake.list' | 'stocktake.get' | 'stocktake.scan' | 'stocktake.pause' | 'stocktake.resume' | 'stocktake.close'
  | 'stocktake.print' | 'stocktake.resolve' | 'stocktake.pendingLosses' | 'stocktake.decideLoss' | 'stocktake.warnings';

export const stocktakeHandlers: HandlerMap<StocktakeMethod> = {
  'stocktake.open': async (ctx, input) => openCount(ctx, input),
  'stocktake.list': async (ctx, { openOnly }) => listCounts(ctx, openOnly),
  'stocktake.get': async (ctx, { id }) => countDto(ctx, id),
  'stocktake.scan': async (ctx, input) => scanInCount(ctx, input),
  'stocktake.pause': async (ctx, { id }) => setPaused(ctx, id, true),
  'stocktake.resume': async (ctx, { id }) => setPaused(ctx, id, false),
  'stocktake.close': async (ctx, { id }) => closeCount(ctx, id),
  'stocktake.print': async (ctx, { id }) => printCount(ctx, await countDto(ctx, id)),
  'stocktake.resolve': async (ctx, input) => resolveDiscrepancy(ctx, input),
  'stocktake.pendingLosses': async (ctx) => discrepancyDtos(ctx, { pendingFor: ctx.user.agencyId }),
  'stocktake.decideLoss': async (ctx, input) => decideLoss(ctx, input),
  'stocktake.warnings': async (ctx) => storeWarnings(ctx),
};
