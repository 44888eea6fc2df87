/**
 * 0014: statistics and supervision (issue 12, parts 1–4).
 * - events_type_time: report figures are counted from the ledger by event type and period.
 * - items_case_status: 处置到位率 per case reads items of a case by status from the index alone.
 * - supervision_records: 监督意见 / 纠正违法通知 against an item, request, case or agency; each step is also a
 *   ledger event (SUPERVISION_*). Frozen once landed.
 */
import type { Kysely } from 'kysely';
import { withId, type DialectName } from '../dialect';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema.createIndex('events_type_time').on('custody_events').columns(['type', 'occurred_at', 'item_id']).execute();
  await db.schema.createIndex('items_case_status').on('items').columns(['case_id', 'status']).execute();

  await withId(dialect, db.schema.createTable('supervision_records'))
    .addColumn('record_no', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('item_id', 'integer', (c) => c.references('items.id'))
    .addColumn('case_id', 'integer', (c) => c.references('cases.id'))
    .addColumn('request_id', 'integer', (c) => c.references('requests.id'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('finding', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'integer', (c) => c.references('users.id'))
    .addColumn('answered_at', 'text')
    .addColumn('close_note', 'text')
    .addColumn('closed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('closed_at', 'text')
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('supervision_agency').on('supervision_records').columns(['agency_id', 'status', 'id']).execute();
  await db.schema.createIndex('supervision_status').on('supervision_records').columns(['status', 'id']).execute();
}
