/** 流转记录 of a scope (agency, location subtree, period) in volumes (分册): how large it will be, before printing. */
import { z } from 'zod';
import { defineMethods } from './define';
import { id, isoDateTime } from './common.schemas';

/** Events per volume: one 200,000-event volume is about 10,000 A4 pages and 58 MB (measured, README 性能). */
export const SCOPE_VOLUME_EVENTS = 200_000;
/**
 * Events per job (3 volumes): the job hands its file back whole, as base64 in the job result, so one zip stays
 * near 175 MB (about 290 bytes of PDF per event); a longer scope is printed in several jobs, period by period.
 */
export const SCOPE_TRAIL_JOB_MAX = 600_000;
/** Volumes per job (a small volumeSize must not make thousands of documents). */
export const SCOPE_TRAIL_MAX_VOLUMES = 50;

export const scopeTrailInput = z.object({
  scope: z.enum(['agency', 'location', 'period']),
  agencyId: id.optional(),
  locationId: id.optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
});

export const scopeTrailSizeDto = z.object({
  /** Events the trail would hold now (a period is sized from the ledger's order, so it is 约). */
  events: z.number(),
  perVolume: z.number(),
  volumes: z.number(),
  /** Above SCOPE_TRAIL_JOB_MAX: the job would be refused. */
  tooLarge: z.boolean(),
});
export type ScopeTrailSize = z.infer<typeof scopeTrailSizeDto>;

export const scopeTrailContract = defineMethods({
  'trail.scopeSize': { summary: '流转记录事件数与分册', permission: 'audit.read', input: scopeTrailInput, output: scopeTrailSizeDto, readonly: true },
});
