/**
 * The item rows against the ledger: every item event records the status it left (payload.statusTo), the holding
 * agency (agency_to_id) and the place (location_to_id). Replaying an item's events in seq order gives what its row
 * must say; any row that disagrees is reported with the event that last set the value. Also: the append-only
 * triggers, which start-up restores (and records in integrity_log) when someone has dropped them.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { missingAppendOnlyTriggers, restoreAppendOnlyTriggers, type DialectName } from '../db/dialect';

export type RowField = 'status' | 'holding_agency_id' | 'location_id';
export type RowMismatch = {
  itemId: number;
  code: string;
  field: RowField;
  /** What the item row says now. */
  row: string | number | null;
  /** What the ledger implies. */
  ledger: string | number | null;
  /** The event that last set the value (null: no event of this item sets it). */
  eventSeq: number | null;
  message: string;
};
export type ReconcileResult = { items: number; events: number; mismatches: RowMismatch[] };

const FIELD_LABEL: Record<RowField, string> = { status: '状态', holding_agency_id: '持有单位', location_id: '存放位置' };
type Implied = { value: string | number | null; seq: number | null };

/** Replays the item events page by page (items in id order), so memory stays flat at any ledger size. */
export async function reconcileItems(
  db: Kysely<Database>,
  opts: { pageSize?: number; limit?: number; onProgress?: (items: number) => unknown } = {},
): Promise<ReconcileResult> {
  const pageSize = opts.pageSize ?? 500;
  const limit = opts.limit ?? 1000;
  const mismatches: RowMismatch[] = [];
  let afterId = 0;
  let items = 0;
  let events = 0;
  for (;;) {
    const rows = await db
      .selectFrom('items')
      .select(['id', 'code', 'status', 'holding_agency_id', 'location_id'])
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(pageSize)
      .execute();
    if (!rows.length) break;
    afterId = rows[rows.length - 1]!.id;
    const evs = await db
      .selectFrom('custody_events')
      .select(['item_id', 'seq', 'agency_to_id', 'location_to_id', 'payload'])
      .where('item_id', 'in', rows.map((r) => r.id))
      .orderBy('item_id')
      .orderBy('seq')
      .execute();
    events += evs.length;
    const implied = new Map<number, Record<RowField, Implied>>();
    for (const e of evs) {
      const id = e.item_id!;
      const cur = implied.get(id) ?? { status: { value: null, seq: null }, holding_agency_id: { value: null, seq: null }, location_id: { value: null, seq: null } };
      const statusTo = (JSON.parse(e.payload) as { statusTo?: unknown }).statusTo;
      const set = (f: RowField, v: string | number | null) => {
        if (cur[f].seq === null || cur[f].value !== v) cur[f] = { value: v, seq: e.seq };
      };
      if (typeof statusTo === 'string') set('status', statusTo);
      if (e.agency_to_id !== null) set('holding_agency_id', e.agency_to_id);
      set('location_id', e.location_to_id);
      implied.set(id, cur);
    }
    for (const r of rows) {
      const want = implied.get(r.id);
      for (const f of ['status', 'holding_agency_id', 'location_id'] as const) {
        const w = want?.[f] ?? { value: null, seq: null };
        if (w.value === r[f] || mismatches.length >= limit) continue;
        const by = w.seq === null ? '账本中没有设定该值的事件' : `账本第 ${w.seq} 号事件设定为「${w.value ?? '无'}」`;
        mismatches.push({ itemId: r.id, code: r.code, field: f, row: r[f], ledger: w.value, eventSeq: w.seq, message: `${r.code} 的${FIELD_LABEL[f]}为「${r[f] ?? '无'}」，${by}` });
      }
    }
    items += rows.length;
    await opts.onProgress?.(items);
    if (rows.length < pageSize) break;
  }
  return { items, events, mismatches };
}

/** The missing append-only triggers (names), for verify. */
export const missingTriggers = (db: Kysely<Database>, dialect: DialectName) => missingAppendOnlyTriggers(dialect, db);

/** Start-up: restores missing append-only triggers and records it (integrity_log and the log). Returns what it restored. */
export async function guardLedger(db: Kysely<Database>, dialect: DialectName, now: string, log: (msg: string) => void = console.warn): Promise<string[]> {
  const missing = await missingAppendOnlyTriggers(dialect, db);
  if (!missing.length) return [];
  await db.transaction().execute(async (trx) => {
    await restoreAppendOnlyTriggers(dialect, trx, missing);
    await trx.insertInto('integrity_log').values({ at: now, kind: 'trigger_restored', detail: `账本只追加触发器缺失，已在启动时恢复：${missing.join('、')}` }).execute();
  });
  log(`[ledger] 账本只追加触发器缺失，已恢复：${missing.join('、')}`);
  return missing;
}
