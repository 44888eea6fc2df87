/** 0001: agencies, users, sessions, locations, cases, items, photos, the custody ledger. Frozen once landed. */
import { sql, type Kysely } from 'kysely';
import { withId, protectAppendOnly, type DialectName } from '../dialect';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await withId(dialect, db.schema.createTable('agencies'))
    .addColumn('code', 'varchar(20)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(100)', (c) => c.notNull().unique())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('agencies.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await withId(dialect, db.schema.createTable('users'))
    .addColumn('username', 'varchar(50)', (c) => c.notNull().unique())
    .addColumn('display_name', 'varchar(50)', (c) => c.notNull())
    .addColumn('badge_no', 'varchar(30)')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('roles', 'varchar(200)', (c) => c.notNull())
    .addColumn('password_hash', 'varchar(300)', (c) => c.notNull())
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'varchar(30)')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await withId(dialect, db.schema.createTable('locations'))
    .addColumn('code', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('locations.id'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await withId(dialect, db.schema.createTable('cases'))
    .addColumn('case_no', 'varchar(60)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('cause', 'varchar(100)')
    .addColumn('host_agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('officer_name', 'varchar(50)')
    .addColumn('stage', 'varchar(30)', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await withId(dialect, db.schema.createTable('items'))
    .addColumn('code', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('category', 'varchar(30)', (c) => c.notNull())
    .addColumn('spec', 'varchar(200)')
    .addColumn('quantity', 'real', (c) => c.notNull())
    .addColumn('unit', 'varchar(20)', (c) => c.notNull())
    .addColumn('features', 'varchar(1000)')
    .addColumn('estimated_value', 'real')
    .addColumn('cash_amount', 'real')
    .addColumn('source', 'varchar(20)', (c) => c.notNull())
    .addColumn('owner_name', 'varchar(100)')
    .addColumn('owner_id_no', 'varchar(40)')
    .addColumn('seizure_doc_no', 'varchar(80)')
    .addColumn('seized_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('seized_by', 'varchar(100)')
    .addColumn('seal_no', 'varchar(60)')
    .addColumn('flags', 'varchar(300)', (c) => c.notNull().defaultTo('[]'))
    .addColumn('status', 'varchar(30)', (c) => c.notNull())
    .addColumn('location_id', 'integer', (c) => c.references('locations.id'))
    .addColumn('out_with', 'varchar(200)')
    .addColumn('holding_agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('items_case').on('items').column('case_id').execute();
  await db.schema.createIndex('items_status').on('items').columns(['status', 'id']).execute();
  await db.schema.createIndex('items_location').on('items').column('location_id').execute();
  await db.schema.createIndex('items_holding').on('items').column('holding_agency_id').execute();

  await withId(dialect, db.schema.createTable('item_photos'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('mime', 'varchar(40)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await withId(dialect, db.schema.createTable('custody_events'))
    .addColumn('seq', 'integer', (c) => c.notNull().unique())
    .addColumn('type', 'varchar(40)', (c) => c.notNull())
    .addColumn('item_id', 'integer', (c) => c.references('items.id'))
    .addColumn('case_id', 'integer', (c) => c.references('cases.id'))
    .addColumn('request_id', 'integer')
    .addColumn('actor_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('actor_name', 'varchar(50)', (c) => c.notNull())
    .addColumn('counterpart', 'varchar(300)')
    .addColumn('witnesses', 'varchar(600)', (c) => c.notNull().defaultTo('[]'))
    .addColumn('agency_from_id', 'integer')
    .addColumn('agency_to_id', 'integer')
    .addColumn('location_from_id', 'integer')
    .addColumn('location_to_id', 'integer')
    .addColumn('legal_doc_no', 'varchar(100)')
    .addColumn('condition_note', 'varchar(1000)')
    .addColumn('note', 'varchar(1000)')
    .addColumn('payload', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('occurred_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('prev_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_item').on('custody_events').columns(['item_id', 'seq']).execute();
  await db.schema.createIndex('events_case').on('custody_events').columns(['case_id', 'seq']).execute();
  await db.schema.createIndex('events_request').on('custody_events').column('request_id').execute();
  await protectAppendOnly(dialect, db, 'custody_events');

  await db.schema
    .createTable('ledger_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO ledger_head (id, seq, hash) VALUES (1, 0, ${'0'.repeat(64)})`.execute(db);

  await db.schema
    .createTable('sequences')
    .addColumn('scope', 'varchar(60)', (c) => c.primaryKey())
    .addColumn('next_value', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('settings')
    .addColumn('key', 'varchar(60)', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}
