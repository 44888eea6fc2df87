/** job.start / job.status / job.result: each kind needs the permission of its synchronous method. */
import type { HandlerMap } from '../api/handler-types';
import type { Ctx } from '../context';
import { JOB_KIND_LABELS, JOB_PERMISSION } from '../../../shared/api/job.contract';
import { hasPermission } from '../../../shared/domain/permissions';
import { MSG } from '../../../shared/messages';
import { AppError, forbidden } from '../errors';

function jobsOf(ctx: Ctx) {
  if (!ctx.jobs) throw new AppError('INTERNAL', '后台任务服务未启动');
  return ctx.jobs;
}

export const jobHandlers: HandlerMap<'job.start' | 'job.status' | 'job.result'> = {
  'job.start': async (ctx, input) => {
    if (!hasPermission(ctx.user.roles, JOB_PERMISSION[input.kind])) throw forbidden(MSG.forbidden(JOB_KIND_LABELS[input.kind]));
    return jobsOf(ctx).start(ctx.user, input);
  },
  'job.status': async (ctx, { jobId }) => jobsOf(ctx).status(ctx.user, jobId),
  'job.result': async (ctx, { jobId }) => jobsOf(ctx).result(ctx.user, jobId),
};
