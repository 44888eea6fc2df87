/**
 * 0005: several stores in one city. A store (保管中心 or 分库) is the root of a location tree (kind 'store').
 * - locations.path is the materialised id path ('/1/4/9/') and locations.store_id the tree's root: subtree and
 *   per-store queries use their indexes instead of walking parents.
 * - users.store_id: the store a custodian works in. items.store_id: the store that has the item (null before intake);
 *   item_stores lists every store that has had it (custodians read their store's items through it).
 * - store_transfers (+ items): goods moved from one store to another, scanned out by one custodian and in by another.
 * Existing data: if there are locations or custodians, one store 「保管中心」 becomes the parent of every root location,
 * custodians work in it, and every item that has been received is in it. Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';
import { withId, type DialectName } from '../dialect';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema.alterTable('locations').addColumn('store_id', 'integer').execute();
  await db.schema.alterTable('locations').addColumn('path', 'text').execute();
  await db.schema.alterTable('users').addColumn('store_id', 'integer').execute();
  await db.schema.alterTable('items').addColumn('store_id', 'integer').execute();
  await db.schema.createIndex('locations_path').on('locations').column('path').execute();
  await db.schema.createIndex('locations_store').on('locations').columns(['store_id', 'code']).execute();

  await db.schema
    .createTable('item_stores')
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
    .addColumn('store_id', 'integer', (c) => c.notNull().references('locations.id'))
    .addPrimaryKeyConstraint('item_stores_pk', ['item_id', 'store_id'])
    .execute();
  await db.schema.createIndex('item_stores_store').on('item_stores').columns(['store_id', 'item_id']).execute();

  await withId(dialect, db.schema.createTable('store_transfers'))
    .addColumn('transfer_no', 'text', (c) => c.notNull().unique())
    .addColumn('from_store_id', 'integer', (c) => c.notNull().references('locations.id'))
    .addColumn('to_store_id', 'integer', (c) => c.notNull().references('locations.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('received_by', 'integer', (c) => c.references('users.id'))
    .addColumn('received_at', 'text')
    .execute();
  await db.schema.createIndex('store_transfers_to').on('store_transfers').columns(['to_store_id', 'status', 'id']).execute();
  await db.schema.createIndex('store_transfers_from').on('store_transfers').columns(['from_store_id', 'id']).execute();
  await db.schema
    .createTable('store_transfer_items')
    .addColumn('transfer_id', 'integer', (c) => c.notNull().references('store_transfers.id'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
    .addColumn('received', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('store_transfer_items_pk', ['transfer_id', 'item_id'])
    .execute();
  await db.schema.createIndex('store_transfer_items_item').on('store_transfer_items').column('item_id').execute();

  // Existing data: one store above every root location.
  const locs = (await sql<{ n: number }>`SELECT count(*) AS n FROM locations`.execute(db)).rows[0]!.n;
  const custodians = (await sql<{ n: number }>`SELECT count(*) AS n FROM users WHERE roles LIKE '%"custodian"%'`.execute(db)).rows[0]!.n;
  if (Number(locs) === 0 && Number(custodians) === 0) return;
  let code = 'ST-01';
  while ((await sql`SELECT 1 FROM locations WHERE code = ${code}`.execute(db)).rows.length > 0) code += 'X';
  const created = new Date().toISOString();
  const store = (
    await sql<{ id: number }>`INSERT INTO locations (code, name, kind, parent_id, active, created_at) VALUES (${code}, '保管中心', 'store', NULL, 1, ${created}) RETURNING id`.execute(db)
  ).rows[0]!.id;
  await sql`UPDATE locations SET parent_id = ${store} WHERE parent_id IS NULL AND id <> ${store}`.execute(db);
  // Paths top-down: each level's path is its parent's plus its own id.
  await sql`UPDATE locations SET path = ${`/${store}/`}, store_id = ${store} WHERE id = ${store}`.execute(db);
  for (let depth = 0; depth < 10; depth++) {
    const r = await sql`UPDATE locations SET store_id = ${store},
      path = (SELECT p.path FROM locations p WHERE p.id = locations.parent_id) || CAST(id AS TEXT) || '/'
      WHERE path IS NULL AND parent_id IN (SELECT id FROM locations WHERE path IS NOT NULL)`.execute(db);
    if (Number(r.numAffectedRows ?? 0) === 0) break;
  }
  await sql`UPDATE users SET store_id = ${store} WHERE roles LIKE '%"custodian"%'`.execute(db);
  await sql`UPDATE items SET store_id = ${store} WHERE location_id IS NOT NULL OR status <> 'REGISTERED'`.execute(db);
  await sql`INSERT INTO item_stores (item_id, store_id) SELECT id, store_id FROM items WHERE store_id IS NOT NULL`.execute(db);
}
