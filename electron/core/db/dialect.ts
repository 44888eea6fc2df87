/** The one place that knows SQL differs between SQLite and PostgreSQL. */
import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDb = Kysely<any>;

/** Adds an auto-increment integer primary key `id`. */
export function withId<T extends string>(dialect: DialectName, table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'> {
  return dialect === 'postgres'
    ? table.addColumn('id', 'serial', (c: ColumnDefinitionBuilder) => c.primaryKey())
    : table.addColumn('id', 'integer', (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement());
}

/** Makes the custody events table refuse UPDATE and DELETE at the database level. */
export async function protectAppendOnly(dialect: DialectName, db: AnyDb, table: string): Promise<void> {
  if (dialect === 'sqlite') {
    await sql`CREATE TRIGGER ${sql.raw(`${table}_no_update`)} BEFORE UPDATE ON ${sql.table(table)}
      BEGIN SELECT RAISE(ABORT, 'custody ledger is append-only'); END`.execute(db);
    await sql`CREATE TRIGGER ${sql.raw(`${table}_no_delete`)} BEFORE DELETE ON ${sql.table(table)}
      BEGIN SELECT RAISE(ABORT, 'custody ledger is append-only'); END`.execute(db);
    return;
  }
  await sql`CREATE OR REPLACE FUNCTION ledger_append_only() RETURNS trigger AS $$
    BEGIN RAISE EXCEPTION 'custody ledger is append-only'; END $$ LANGUAGE plpgsql`.execute(db);
  await sql`CREATE TRIGGER ${sql.raw(`${table}_append_only`)} BEFORE UPDATE OR DELETE ON ${sql.table(table)}
    FOR EACH ROW EXECUTE FUNCTION ledger_append_only()`.execute(db);
}

/** Full-text index for Chinese substring search over items. */
export async function createItemSearchIndex(dialect: DialectName, db: AnyDb): Promise<void> {
  if (dialect === 'postgres') {
    await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
    await sql`CREATE INDEX items_search_trgm ON items USING gin ((code || ' ' || name || ' ' || coalesce(owner_name, '')) gin_trgm_ops)`.execute(db);
    return;
  }
  await sql`CREATE VIRTUAL TABLE items_fts USING fts5(code, name, case_no, owner_name, content='', contentless_delete=1, tokenize='trigram')`.execute(db);
}

/** Writes (or rewrites) the search index entry of an item. PostgreSQL indexes the row itself. */
export async function indexItemForSearch(
  dialect: DialectName,
  db: AnyDb,
  row: { id: number; code: string; name: string; case_no: string; owner_name: string | null },
): Promise<void> {
  if (dialect === 'postgres') return;
  await sql`DELETE FROM items_fts WHERE rowid = ${row.id}`.execute(db);
  await sql`INSERT INTO items_fts(rowid, code, name, case_no, owner_name)
    VALUES (${row.id}, ${row.code}, ${row.name}, ${row.case_no}, ${row.owner_name ?? ''})`.execute(db);
}

/** `column LIKE '%q%'` with q taken literally (% _ \\ escaped); the same SQL on SQLite and PostgreSQL. */
export function likeContains(column: string, q: string) {
  const pattern = `%${q.replace(/[\\%_]/g, (m) => '\\' + m)}%`;
  return sql<boolean>`${sql.ref(column)} LIKE ${pattern} ESCAPE '\\'`;
}

/**
 * Item ids matching a free-text query, as a SQL fragment usable in `where id in (...)`.
 * Trigram FTS needs 3+ characters; shorter queries fall back to LIKE.
 */
export function itemSearchIds(dialect: DialectName, q: string) {
  const like = `%${q.replace(/[\\%_]/g, (m) => '\\' + m)}%`;
  if (dialect === 'postgres') {
    return sql<number>`SELECT i.id FROM items i JOIN cases c ON c.id = i.case_id
      WHERE i.code ILIKE ${like} OR i.name ILIKE ${like} OR c.case_no ILIKE ${like} OR i.owner_name ILIKE ${like}`;
  }
  if ([...q].length >= 3) {
    const phrase = '"' + q.replace(/"/g, '""') + '"';
    return sql<number>`SELECT rowid FROM items_fts WHERE items_fts MATCH ${phrase}`;
  }
  return sql<number>`SELECT i.id FROM items i JOIN cases c ON c.id = i.case_id
    WHERE i.code LIKE ${like} ESCAPE '\\' OR i.name LIKE ${like} ESCAPE '\\' OR c.case_no LIKE ${like} ESCAPE '\\' OR i.owner_name LIKE ${like} ESCAPE '\\'`;
}

/** Indexes every item with id > afterId in one statement (bulk loads). */
export async function indexItemsForSearchAfter(dialect: DialectName, db: AnyDb, afterId: number): Promise<void> {
  if (dialect === 'postgres') return;
  await sql`INSERT INTO items_fts(rowid, code, name, case_no, owner_name)
    SELECT i.id, i.code, i.name, c.case_no, coalesce(i.owner_name, '') FROM items i JOIN cases c ON c.id = i.case_id WHERE i.id > ${afterId}`.execute(db);
}

/**
 * Serialises writers, taken first thing in every write transaction.
 * PostgreSQL: a row lock on the ledger head. Every custody write appends to the one hash chain anyway, so writers
 * queue on this row; taking it before anything is read means a call's checks ("is the item still in store?") see
 * every write committed before it, so two terminals can never both check out one item, and the chain never forks.
 * READ COMMITTED suffices under this lock; deadlocks cannot arise because it is always the first lock taken.
 * SQLite: one connection per process already runs transactions one at a time; other processes wait on busy_timeout.
 */
export async function lockWriters(dialect: DialectName, db: AnyDb): Promise<void> {
  if (dialect === 'postgres') await sql`SELECT seq FROM ledger_head WHERE id = 1 FOR UPDATE`.execute(db);
}

/**
 * Ids of a location and every location under it (materialised path '/1/4/9/'), as a SQL fragment for
 * `location_id IN (...)`. SQLite: a range on the path (BINARY order; ':' sorts after every digit and '/'), which uses
 * the locations_path index (its LIKE is case-insensitive and would not). PostgreSQL: LIKE on the prefix; the
 * locations table is small either way, and items are then found through items_location.
 */
export function subtreeLocationIds(dialect: DialectName, locationId: number) {
  const root = sql`(SELECT r.path FROM locations r WHERE r.id = ${locationId})`;
  if (dialect === 'postgres') return sql<number>`SELECT s.id FROM locations s WHERE s.path LIKE ${root} || '%'`;
  return sql<number>`SELECT s.id FROM locations s WHERE s.path >= ${root} AND s.path < ${root} || ':'`;
}
