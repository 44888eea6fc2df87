/**
 * 0021: items (store_id, id). A custodian's list is the items their store has had (item_stores) plus those not yet
 * received anywhere (store_id IS NULL); with this index both halves are index ranges, newest first, so a page never
 * walks the other stores' items. Frozen once landed.
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect';

export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema.createIndex('items_store').on('items').columns(['store_id', 'id']).execute();
}
