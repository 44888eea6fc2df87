/** Events as the API shows them: names instead of ids, JSON fields parsed. */
import type { Ctx } from '../context';
import type { EventRow } from '../db/schema';
import type { EventDto } from '../../../shared/api/item.contract';
import type { EventType } from '../../../shared/domain/enums';
import { locationPathsFor } from '../services/items/location-paths';

type PersonJson = { name: string; idNo: string | null };

export async function toEventDtos(ctx: Pick<Ctx, 'db' | 'dialect'>, rows: EventRow[]): Promise<EventDto[]> {
  if (rows.length === 0) return [];
  const agencies = new Map((await ctx.db.selectFrom('agencies').select(['id', 'name']).execute()).map((a) => [a.id, a.name]));
  // Only the locations these events name: the cost follows the page, not the store's thousands of bins.
  const locs = await locationPathsFor(ctx, rows.flatMap((r) => [r.location_from_id, r.location_to_id]));
  const itemIds = [...new Set(rows.map((r) => r.item_id).filter((x): x is number => x !== null))];
  const codes = new Map<number, string>();
  for (let i = 0; i < itemIds.length; i += 500) {
    const part = await ctx.db.selectFrom('items').select(['id', 'code']).where('id', 'in', itemIds.slice(i, i + 500)).execute();
    for (const p of part) codes.set(p.id, p.code);
  }
  const agency = (id: number | null) => (id === null ? null : (agencies.get(id) ?? null));
  const loc = (id: number | null) => (id === null ? null : (locs.get(id) ?? null));
  return rows.map((r) => ({
    id: r.id,
    seq: r.seq,
    type: r.type as EventType,
    itemId: r.item_id,
    itemCode: r.item_id === null ? null : (codes.get(r.item_id) ?? null),
    caseId: r.case_id,
    requestId: r.request_id,
    actorName: r.actor_name,
    counterpart: r.counterpart ? (JSON.parse(r.counterpart) as PersonJson) : null,
    witnesses: JSON.parse(r.witnesses) as PersonJson[],
    agencyFrom: agency(r.agency_from_id),
    agencyTo: agency(r.agency_to_id),
    locationFrom: loc(r.location_from_id),
    locationTo: loc(r.location_to_id),
    legalDocNo: r.legal_doc_no,
    conditionNote: r.condition_note,
    note: r.note,
    payload: JSON.parse(r.payload) as Record<string, unknown>,
    occurredAt: r.occurred_at,
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
}
