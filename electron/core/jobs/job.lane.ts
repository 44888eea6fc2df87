/**
 * The interactive lane. Small jobs (one item's trail, a few labels) are bounded and someone stands at the printer
 * waiting: they go ahead of large jobs in the queue and, when every pool worker is busy, run on one extra worker
 * kept for them alone (spawned on demand, idle afterwards, never given a large job).
 */
import type { JobInput } from '../../../shared/api/job.contract';

/** Labels in one print that still count as small (an intake batch at the counter). */
export const SMALL_LABELS = 50;

export function isSmallJob(input: JobInput): boolean {
  switch (input.kind) {
    case 'item.trail':
      return true;
    case 'label.items':
      return input.itemIds.length <= SMALL_LABELS;
    case 'label.locations':
      return input.locationIds.length <= SMALL_LABELS;
    default:
      return false;
  }
}
