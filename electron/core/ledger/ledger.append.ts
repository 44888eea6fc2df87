/** Appending to the custody ledger: the only writer of custody_events. It never updates or deletes. */
import type { Ctx } from '../context';
import type { EventRow } from '../db/schema';
import type { EventType } from '../../../shared/domain/enums';
import type { Person } from '../../../shared/api/common.schemas';
import { hashEvent, type HashedFields } from './ledger.canonical';
import { fixedInsert } from '../db/prepared';
import { countEvents } from './event-aggregate';

export type EventInput = {
  type: EventType;
  itemId?: number | null;
  caseId?: number | null;
  requestId?: number | null;
  counterpart?: Person | null;
  witnesses?: Person[];
  agencyFromId?: number | null;
  agencyToId?: number | null;
  locationFromId?: number | null;
  locationToId?: number | null;
  legalDocNo?: string | null;
  conditionNote?: string | null;
  note?: string | null;
  payload?: Record<string, unknown>;
};

/** The hashed fields of an event, without its place in the chain. */
function fieldsOf(ctx: Ctx, e: EventInput): Omit<HashedFields, 'seq' | 'prev_hash'> {
  return {
    type: e.type,
    item_id: e.itemId ?? null,
    case_id: e.caseId ?? null,
    request_id: e.requestId ?? null,
    actor_user_id: ctx.user.id,
    actor_name: ctx.user.displayName,
    counterpart: e.counterpart ? JSON.stringify({ name: e.counterpart.name, idNo: e.counterpart.idNo ?? null }) : null,
    witnesses: JSON.stringify((e.witnesses ?? []).map((w) => ({ name: w.name, idNo: w.idNo ?? null }))),
    agency_from_id: e.agencyFromId ?? null,
    agency_to_id: e.agencyToId ?? null,
    location_from_id: e.locationFromId ?? null,
    location_to_id: e.locationToId ?? null,
    legal_doc_no: e.legalDocNo ?? null,
    condition_note: e.conditionNote ?? null,
    note: e.note ?? null,
    payload: JSON.stringify(e.payload ?? {}),
    occurred_at: ctx.now,
  };
}

async function readHead(ctx: Ctx) {
  let q = ctx.db.selectFrom('ledger_head').select(['seq', 'hash']).where('id', '=', 1);
  if (ctx.dialect === 'postgres') q = q.forUpdate();
  return q.executeTakeFirstOrThrow();
}

/** Appends one event in the caller's transaction and moves the chain head. */
export async function appendEvent(ctx: Ctx, e: EventInput): Promise<EventRow> {
  const head = await readHead(ctx);
  const fields: HashedFields = { seq: head.seq + 1, ...fieldsOf(ctx, e), prev_hash: head.hash };
  const hash = hashEvent(fields);
  const row = await ctx.db.insertInto('custody_events').values({ ...fields, hash }).returningAll().executeTakeFirstOrThrow();
  await ctx.db.updateTable('ledger_head').set({ seq: fields.seq, hash }).where('id', '=', 1).execute();
  await countEvents(ctx, [row]);
  return row;
}

/** The stored columns of an event: its hashed fields and the hash (20 per row; fixedInsert keeps a statement ≤ 500 rows). */
const EVENT_COLUMNS = [
  'seq', 'type', 'item_id', 'case_id', 'request_id', 'actor_user_id', 'actor_name', 'counterpart', 'witnesses', 'agency_from_id',
  'agency_to_id', 'location_from_id', 'location_to_id', 'legal_doc_no', 'condition_note', 'note', 'payload', 'occurred_at', 'prev_hash', 'hash',
] as const satisfies readonly (keyof (HashedFields & { hash: string }))[];

/**
 * Appends many events in order, in the caller's transaction: the chain is hashed in memory, the rows go in with
 * multi-row INSERTs, and the head moves once. The result is the same chain appendEvent would write one by one.
 */
export async function appendEvents(ctx: Ctx, events: readonly EventInput[]): Promise<{ firstSeq: number; lastSeq: number }> {
  const head = await readHead(ctx);
  let prev = head.hash;
  let seq = head.seq;
  const rows = events.map((e) => {
    const fields: HashedFields = { seq: ++seq, ...fieldsOf(ctx, e), prev_hash: prev };
    prev = hashEvent(fields);
    return { ...fields, hash: prev };
  });
  // Fixed SQL: a batch's INSERT is not compiled anew on every call, and SQLite reuses its prepared statement.
  await fixedInsert(ctx.db, ctx.dialect, 'custody_events', EVENT_COLUMNS, rows.map((r) => EVENT_COLUMNS.map((c) => r[c])));
  if (rows.length) await ctx.db.updateTable('ledger_head').set({ seq, hash: prev }).where('id', '=', 1).execute();
  await countEvents(ctx, rows);
  return { firstSeq: head.seq + 1, lastSeq: seq };
}
