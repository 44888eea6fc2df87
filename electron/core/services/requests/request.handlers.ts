/** Requests: loans, custody transfers, returns, dispositions, allocations; the inbox and the case page. */
import type { HandlerMap } from '../../api/handler-types';
import type { requestContract } from '../../../../shared/api/request.contract';
import { CommittedFailure } from '../../api/handler-types';
import { createRequest } from './request.create';
import { cancelRequest, decideRequest } from './request.decide';
import { executeRequest } from './request.execute';
import { acceptTransfer, receiveIn } from './request.accept';
import { listRequests, requestDto } from './request.read';
import { printRequestDoc } from './request.documents';
import { checkIn, decideExtension, overdueLoans, requestExtension } from '../loans/loan.service';
import { inboxCounts, inboxList } from './inbox.service';
import { caseDetail } from '../items/case-page.service';

export const requestHandlers: HandlerMap<keyof typeof requestContract> = {
  'request.create': async (ctx, input) => requestDto(ctx, await createRequest(ctx, input)),
  'request.get': async (ctx, { id }) => requestDto(ctx, id),
  'request.list': async (ctx, input) => listRequests(ctx, input),
  'request.decide': async (ctx, input) => {
    await decideRequest(ctx, input);
    return requestDto(ctx, input.id);
  },
  'request.cancel': async (ctx, input) => {
    await cancelRequest(ctx, input);
    return requestDto(ctx, input.id);
  },
  'request.execute': async (ctx, input) => {
    const failed = await executeRequest(ctx, input);
    return failed instanceof CommittedFailure ? failed : requestDto(ctx, input.id);
  },
  'request.accept': async (ctx, input) => {
    await acceptTransfer(ctx, input);
    return requestDto(ctx, input.id);
  },
  'request.receiveIn': async (ctx, input) => {
    await receiveIn(ctx, input);
    return requestDto(ctx, input.id);
  },
  'request.document': async (ctx, { id, type }) => printRequestDoc(ctx, id, type),
  'loan.extend': async (ctx, input) => {
    await requestExtension(ctx, input);
    return requestDto(ctx, input.requestId);
  },
  'loan.decideExtension': async (ctx, input) => {
    await decideExtension(ctx, input);
    return requestDto(ctx, input.requestId);
  },
  'loan.checkIn': async (ctx, input) => checkIn(ctx, input),
  'loan.overdue': async (ctx, input) => overdueLoans(ctx, input),
  'inbox.counts': async (ctx) => inboxCounts(ctx),
  'inbox.list': async (ctx, input) => inboxList(ctx, input),
  'case.detail': async (ctx, { caseId }) => caseDetail(ctx, caseId),
};
