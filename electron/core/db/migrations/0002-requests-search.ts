/** 0002: requests (loans, transfers, returns, dispositions, allocations) and the item search index. Frozen once landed. */
import { sql, type Kysely } from 'kysely';
import { withId, createItemSearchIndex, type DialectName } from '../dialect';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await withId(dialect, db.schema.createTable('requests'))
    .addColumn('request_no', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('mode', 'varchar(20)')
    .addColumn('case_id', 'integer', (c) => c.references('cases.id'))
    .addColumn('from_agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('to_agency_id', 'integer', (c) => c.references('agencies.id'))
    .addColumn('reason', 'varchar(1000)')
    .addColumn('legal_basis', 'varchar(300)')
    .addColumn('due_at', 'varchar(30)')
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'varchar(30)')
    .addColumn('decision_comment', 'varchar(1000)')
    .addColumn('executed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('executed_at', 'varchar(30)')
    .addColumn('accepted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('accepted_at', 'varchar(30)')
    .addColumn('closed_at', 'varchar(30)')
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('requests_status').on('requests').columns(['status', 'kind']).execute();

  await db.schema
    .createTable('request_items')
    .addColumn('request_id', 'integer', (c) => c.notNull().references('requests.id'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
    .addColumn('open', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('request_items_pk', ['request_id', 'item_id'])
    .execute();
  // One open request per item, enforced by the database as well as the service.
  await sql`CREATE UNIQUE INDEX request_items_one_open ON request_items (item_id) WHERE open = 1`.execute(db);

  await createItemSearchIndex(dialect, db);
  // Index the items that existed before this migration.
  if (dialect === 'sqlite') {
    await sql`INSERT INTO items_fts(rowid, code, name, case_no, owner_name)
      SELECT i.id, i.code, i.name, c.case_no, coalesce(i.owner_name, '') FROM items i JOIN cases c ON c.id = i.case_id`.execute(db);
  }
}
