/** 统计报表、首页图表、异常清单 and 监督意见 methods. */
import type { HandlerMap } from '../../api/handler-types';
import { buildReport, caseDisposalRate } from './report.stats';
import { exportReport, printReport } from './report.output';
import { dashboard } from './report.dashboard';
import { exceptionList } from './report.exceptions';
import { answerSupervision, createSupervision, listSupervision, reviewSupervision } from '../supervision/supervision.service';

type Method =
  | 'case.disposalRate' | 'report.stats' | 'report.export' | 'report.print' | 'report.dashboard' | 'report.exceptions'
  | 'supervision.create' | 'supervision.list' | 'supervision.answer' | 'supervision.review';

export const reportHandlers: HandlerMap<Method> = {
  'case.disposalRate': async (ctx, { caseId }) => caseDisposalRate(ctx, caseId),
  'report.stats': async (ctx, f) => buildReport(ctx, f),
  'report.export': async (ctx, f) => exportReport(ctx, await buildReport(ctx, f)),
  'report.print': async (ctx, f) => printReport(ctx, await buildReport(ctx, f)),
  'report.dashboard': async (ctx) => dashboard(ctx),
  'report.exceptions': async (ctx, input) => exceptionList(ctx, input),
  'supervision.create': async (ctx, input) => createSupervision(ctx, input),
  'supervision.list': async (ctx, { openOnly }) => listSupervision(ctx, openOnly),
  'supervision.answer': async (ctx, { id, answer }) => answerSupervision(ctx, id, answer),
  'supervision.review': async (ctx, { id, close, note }) => reviewSupervision(ctx, id, close, note),
};
