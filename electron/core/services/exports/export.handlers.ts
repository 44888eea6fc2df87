/** export.*: whole-record exports. */
import type { HandlerMap } from '../../api/handler-types';
import { exportCaseZip } from './case-export';

export const exportHandlers: HandlerMap<'case.exportZip'> = {
  'case.exportZip': async (ctx, { caseId }) => exportCaseZip(ctx, caseId),
};
