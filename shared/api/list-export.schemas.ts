/** The filters of the list exports (job kinds in job.contract.ts): each the same as its list screen's. */
import { z } from 'zod';
import { id, isoDateTime } from './common.schemas';
import { REQUEST_KINDS, REQUEST_STATUSES } from '../domain/requests';

export const caseListFilter = z.object({ q: z.string().trim().max(60).optional(), hostAgencyId: id.optional() });
export type CaseListFilter = z.output<typeof caseListFilter>;

export const requestListFilter = z.object({
  kind: z.enum(REQUEST_KINDS).optional(),
  status: z.array(z.enum(REQUEST_STATUSES)).optional(),
  mine: z.boolean().optional(),
  caseId: id.optional(),
  q: z.string().trim().max(60).optional(),
});
export type RequestListFilter = z.output<typeof requestListFilter>;

/** 流转记录: a case's or an item's events, or all the user may see, within an optional period. */
export const eventListFilter = z.object({ caseId: id.optional(), itemId: id.optional(), from: isoDateTime.optional(), to: isoDateTime.optional() });
export type EventListFilter = z.output<typeof eventListFilter>;
