/** The canonical form an event is hashed in. Changing this breaks every existing chain: never edit. */
import { createHash } from 'node:crypto';
import type { CustodyEventTable } from '../db/schema';

export const GENESIS_HASH = '0'.repeat(64);

export type HashedFields = Omit<CustodyEventTable, 'id' | 'hash'>;

/** Field order is part of the format. */
const FIELDS = [
  'seq', 'type', 'item_id', 'case_id', 'request_id', 'actor_user_id', 'actor_name', 'counterpart', 'witnesses',
  'agency_from_id', 'agency_to_id', 'location_from_id', 'location_to_id', 'legal_doc_no', 'condition_note', 'note',
  'payload', 'occurred_at', 'prev_hash',
] as const satisfies readonly (keyof HashedFields)[];

export function canonicalEvent(e: HashedFields): string {
  return JSON.stringify(FIELDS.map((f) => (e[f] === undefined ? null : e[f])));
}

export function hashEvent(e: HashedFields): string {
  return createHash('sha256').update('seized-custody-v1\n').update(canonicalEvent(e)).digest('hex');
}

/** One hash over many events (a document's QR): the hashes in order, joined. */
export function hashOfEvents(hashes: readonly string[]): string {
  const h = createHash('sha256').update('seized-custody-set-v1\n');
  for (const x of hashes) h.update(x).update('\n');
  return h.digest('hex');
}
