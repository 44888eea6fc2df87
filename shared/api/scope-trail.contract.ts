/** 流转记录 of a scope (agency, location subtree, period) in volumes (分册): how large it will be, before printing. */
import { z } from 'zod';
import { defineMethods } from './define';
import { id, isoDateTime } from './common.schemas';

/** Events per volume: one 200,000-event volume is about 10,000 A4 pages and 58 MB (measured, README 性能). */
export const SCOPE_VOLUME_EVENTS = 200_000;
/** Volumes per job (a small volumeSize must not make thousands of documents). */
export const SCOPE_TRAIL_MAX_VOLUMES = 50;
/**
 * Events per job: the volume cap (50 × 200,000 = 10,000,000). The zip is written to a job file on disk, volume by
 * volume, and streamed to the user, so no copy of it is held in memory: the worker holds one volume's layout at a
 * time (peak measured 609 MB for a 200,000-event volume) and memory does not grow with the number of volumes. What
 * bounds a job now is time, about 0.35 ms per event at 1M items (209,700 events in two volumes took 73.9 s: 10M
 * events about an hour), and disk, about 290 bytes of PDF per event (10M events about 2.9 GB, under the zip's 4 GiB
 * without Zip64).
 */
export const SCOPE_TRAIL_JOB_MAX = SCOPE_TRAIL_MAX_VOLUMES * SCOPE_VOLUME_EVENTS;

/** The one size rule (trail.scopeSize's tooLarge, the job's refusal): above the job's events or its volumes. */
export const scopeTrailTooLarge = (events: number, perVolume: number): boolean =>
  events > SCOPE_TRAIL_JOB_MAX || Math.max(1, Math.ceil(events / perVolume)) > SCOPE_TRAIL_MAX_VOLUMES;

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
