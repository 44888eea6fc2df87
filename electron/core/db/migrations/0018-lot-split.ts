/**
 * 0018: partial quantities (拆分). items.parent_item_id links an item split off a lot to the lot it came from;
 * the index lists a lot's parts. The quantities themselves live in the items and in the SPLIT / SPLIT_CREATED
 * ledger events. Frozen once landed.
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect';

export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema.alterTable('items').addColumn('parent_item_id', 'integer', (c) => c.references('items.id')).execute();
  await db.schema.createIndex('items_parent').on('items').column('parent_item_id').execute();
}
