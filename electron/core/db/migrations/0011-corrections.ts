/**
 * 0011: corrections and lost reports waiting for an approver (item_proposals), and items.unrelated_since.
 * - item_proposals: a custodian or case officer proposes a correction of an item's registered data (kind 'correction')
 *   or reports it lost (kind 'lost'); an approver of the holding agency decides. One pending proposal per item
 *   (partial unique index). On approval the ledger gets a CORRECTION or LOST_REPORTED event (event_id).
 * - items.unrelated_since: when the item was found to be unrelated to the case (查明), the start of the 3-day
 *   release clock. Backfilled with created_at for items already flagged. Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';
import { withId, type DialectName } from '../dialect';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema.alterTable('items').addColumn('unrelated_since', 'text').execute();
  await sql`UPDATE items SET unrelated_since = created_at WHERE flags LIKE '%"unrelated"%'`.execute(db);

  await withId(dialect, db.schema.createTable('item_proposals'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('changes', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('proposed_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('proposed_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decision_comment', 'text')
    .addColumn('event_id', 'integer')
    .execute();
  await db.schema.createIndex('item_proposals_item').on('item_proposals').columns(['item_id', 'id']).execute();
  await db.schema.createIndex('item_proposals_agency').on('item_proposals').columns(['agency_id', 'status', 'id']).execute();
  await sql`CREATE UNIQUE INDEX item_proposals_one_pending ON item_proposals (item_id) WHERE status = 'pending'`.execute(db);
}
