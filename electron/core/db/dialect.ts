/** The one place that knows SQL differs between SQLite and PostgreSQL. */
import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely } from 'kysely';
import type { ItemRow } from './schema';
import { fixedInsert } from './prepared';

export type DialectName = 'sqlite' | 'postgres';
/** Above every row id on both engines (PostgreSQL serial is a 4-byte integer): the cursor of a first page. */
export const MAX_ID = 2_147_483_647;
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

/** The append-only triggers protectAppendOnly creates on the custody events table, per engine. */
export const APPEND_ONLY_TRIGGERS: Record<DialectName, readonly string[]> = {
  sqlite: ['custody_events_no_update', 'custody_events_no_delete'],
  postgres: ['custody_events_append_only'],
};

/** Names of the triggers on `table` (PostgreSQL: enabled ones only, so a disabled trigger counts as missing). */
async function triggersOn(dialect: DialectName, db: AnyDb, table: string): Promise<Set<string>> {
  const rows =
    dialect === 'sqlite'
      ? (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ${table}`.execute(db)).rows
      : (
          await sql<{ name: string }>`SELECT t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
            WHERE c.relname = ${table} AND c.relnamespace = to_regnamespace(current_schema()) AND NOT t.tgisinternal AND t.tgenabled <> 'D'`.execute(db)
        ).rows;
  return new Set(rows.map((r) => r.name));
}

/** Which of the append-only triggers on custody_events are missing (or disabled, on PostgreSQL). */
export async function missingAppendOnlyTriggers(dialect: DialectName, db: AnyDb): Promise<string[]> {
  const have = await triggersOn(dialect, db, 'custody_events');
  return APPEND_ONLY_TRIGGERS[dialect].filter((n) => !have.has(n));
}

/** The triggers createItemCountsSync puts on items (0022), per engine. */
export const COUNT_TRIGGERS: Record<DialectName, readonly string[]> = {
  sqlite: ['items_counts_insert', 'items_counts_delete', 'items_counts_update', 'items_location_counts_update'],
  postgres: ['items_counts_insert', 'items_counts_delete', 'items_counts_update'],
};

/** Which of the count triggers on items are missing (or disabled, on PostgreSQL). */
export async function missingCountTriggers(dialect: DialectName, db: AnyDb): Promise<string[]> {
  const have = await triggersOn(dialect, db, 'items');
  return COUNT_TRIGGERS[dialect].filter((n) => !have.has(n));
}

/** An item's value in fen as item_counts keeps it (cash amount, else estimate), over `items` columns. */
export function itemFen(dialect: DialectName) {
  return dialect === 'postgres'
    ? sql<number>`ROUND((COALESCE(cash_amount, estimated_value, 0) * 100)::numeric)::bigint`
    : sql<number>`CAST(ROUND(COALESCE(cash_amount, estimated_value, 0) * 100) AS INTEGER)`;
}

/**
 * Re-creates every count trigger (all dropped first, so none is doubled) and rebuilds item_counts and
 * location_counts from items, which may have drifted while a trigger was missing. Run it in one transaction.
 */
export async function restoreItemCounts(dialect: DialectName, db: AnyDb): Promise<void> {
  for (const name of COUNT_TRIGGERS[dialect]) await sql.raw(`DROP TRIGGER IF EXISTS ${name}${dialect === 'postgres' ? ' ON items' : ''}`).execute(db);
  await createItemCountsSync(dialect, db);
  await sql`DELETE FROM item_counts`.execute(db);
  await sql`DELETE FROM location_counts`.execute(db);
  await sql`INSERT INTO item_counts (status, category, holding_agency_id, store_id, n, value_fen)
    SELECT status, category, holding_agency_id, COALESCE(store_id, 0), COUNT(*), SUM(${itemFen(dialect)})
    FROM items GROUP BY status, category, holding_agency_id, COALESCE(store_id, 0)`.execute(db);
  await sql`INSERT INTO location_counts (location_id, status, n)
    SELECT location_id, status, COUNT(*) FROM items WHERE location_id IS NOT NULL GROUP BY location_id, status`.execute(db);
}

/** Re-creates the missing append-only triggers (a disabled PostgreSQL trigger is dropped and made again). */
export async function restoreAppendOnlyTriggers(dialect: DialectName, db: AnyDb, missing: readonly string[]): Promise<void> {
  if (dialect === 'postgres') {
    if (!missing.length) return;
    await sql`DROP TRIGGER IF EXISTS custody_events_append_only ON custody_events`.execute(db);
    await protectAppendOnly(dialect, db, 'custody_events');
    return;
  }
  const body = sql`BEGIN SELECT RAISE(ABORT, 'custody ledger is append-only'); END`;
  if (missing.includes('custody_events_no_update')) await sql`CREATE TRIGGER custody_events_no_update BEFORE UPDATE ON custody_events ${body}`.execute(db);
  if (missing.includes('custody_events_no_delete')) await sql`CREATE TRIGGER custody_events_no_delete BEFORE DELETE ON custody_events ${body}`.execute(db);
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

type SearchRow = { id: number; code: string; name: string; case_no: string; owner_name: string | null };

/** Writes (or rewrites) the search index entries of an item: trigram FTS (SQLite) and the short-query grams (both). */
export async function indexItemForSearch(dialect: DialectName, db: AnyDb, row: SearchRow): Promise<void> {
  if (dialect === 'sqlite') {
    await sql`DELETE FROM items_fts WHERE rowid = ${row.id}`.execute(db);
    await sql`INSERT INTO items_fts(rowid, code, name, case_no, owner_name)
      VALUES (${row.id}, ${row.code}, ${row.name}, ${row.case_no}, ${row.owner_name ?? ''})`.execute(db);
    await sql`DELETE FROM items_grams WHERE rowid = ${row.id}`.execute(db);
    await writeGrams(dialect, db, [row]);
    return;
  }
  // One round trip on PostgreSQL: the old terms go and the new ones come in the same statement.
  const pairs = itemGrams(row).map((g) => sql`(${g}, ${row.id})`);
  if (pairs.length === 0) return void (await sql`DELETE FROM item_grams WHERE item_id = ${row.id}`.execute(db));
  await sql`WITH gone AS (DELETE FROM item_grams WHERE item_id = ${row.id})
    INSERT INTO item_grams (gram, item_id) VALUES ${sql.join(pairs)} ON CONFLICT DO NOTHING`.execute(db);
}

/** `column LIKE '%q%'` with q taken literally (% _ \\ escaped); the same SQL on SQLite and PostgreSQL. */
export function likeContains(column: string, q: string) {
  const pattern = `%${q.replace(/[\\%_]/g, (m) => '\\' + m)}%`;
  return sql<boolean>`${sql.ref(column)} LIKE ${pattern} ESCAPE '\\'`;
}

/** `column` starts with `prefix`, answered by the column's index (SQLite: a range on the unique index; PostgreSQL: varchar_pattern_ops). */
export function startsWith(dialect: DialectName, column: string, prefix: string) {
  if (dialect === 'postgres') return sql<boolean>`${sql.ref(column)} LIKE ${prefix.replace(/[\\%_]/g, (m) => '\\' + m) + '%'}`;
  return sql<boolean>`(${sql.ref(column)} >= ${prefix} AND ${sql.ref(column)} < ${prefix + '\u{10FFFF}'})`;
}

/**
 * The beginning of an item code (机关代码-年份-序号, e.g. 「371600-2026-00」): searched by prefix on the code's own
 * index, never through the trigram index (whose posting lists for digits are as long as the store).
 */
export const isItemCodePrefix = (q: string) => /^[0-9A-Za-z]{2,}-\d{1,4}(-\d{0,8})?$/.test(q);

/**
 * Candidate item ids for a search, newest first, at most `limit` of them below `before`: the trigram FTS for 3+
 * characters (SQLite), the unigram/bigram index for 1–2 characters (both engines), pg_trgm for 3+ on PostgreSQL.
 * Candidates may be a superset (ASCII punctuation splits tokens): callers keep `itemSearchExact` as a filter.
 */
export function itemSearchCandidates(dialect: DialectName, q: string, before: number, limit: number) {
  if (isItemCodePrefix(q)) {
    // A range on the code's index, then the newest of it (`+id`: the id term must not pick the primary key instead).
    return sql<number>`SELECT id FROM items WHERE ${startsWith(dialect, 'code', q.toUpperCase())} AND +id < ${before} ORDER BY id DESC LIMIT ${limit}`;
  }
  const short = [...q].length < 3;
  if (short) {
    const gram = gramOfQuery(q);
    if (gram === null) return null;
    return dialect === 'postgres'
      ? sql<number>`SELECT item_id AS id FROM item_grams WHERE gram = ${gram} AND item_id < ${before} ORDER BY item_id DESC LIMIT ${limit}`
      : sql<number>`SELECT rowid AS id FROM items_grams WHERE items_grams MATCH ${'"' + gram + '"'} AND rowid < ${before} ORDER BY rowid DESC LIMIT ${limit}`;
  }
  if (dialect === 'postgres') {
    const like = `%${q.replace(/[\\%_]/g, (m) => '\\' + m)}%`;
    return sql<number>`SELECT id FROM items WHERE (code || ' ' || name || ' ' || coalesce(owner_name, '')) ILIKE ${like} AND id < ${before}
      UNION SELECT i.id FROM cases c JOIN items i ON i.case_id = c.id WHERE ${startsWith(dialect, 'c.case_no', q.toUpperCase())} AND i.id < ${before}
      ORDER BY 1 DESC LIMIT ${limit}`;
  }
  const phrase = '"' + q.replace(/"/g, '""') + '"';
  return sql<number>`SELECT rowid AS id FROM items_fts WHERE items_fts MATCH ${phrase} AND rowid < ${before} ORDER BY rowid DESC LIMIT ${limit}`;
}

/** The exact meaning of a search, checked on candidate rows (`items as i` joined to `cases as c`). */
export function itemSearchExact(dialect: DialectName, q: string) {
  const like = `%${q.replace(/[\\%_]/g, (m) => '\\' + m)}%`;
  const op = sql.raw(dialect === 'postgres' ? 'ILIKE' : 'LIKE');
  const esc = sql.raw(`ESCAPE '\\'`);
  if ([...q].length < 3) {
    const prefix = q.toUpperCase().replace(/[\\%_]/g, (m) => '\\' + m) + '%';
    return sql<boolean>`(i.name ${op} ${like} ${esc} OR i.owner_name ${op} ${like} ${esc} OR i.code ${op} ${prefix} ${esc} OR c.case_no ${op} ${prefix} ${esc})`;
  }
  if (dialect === 'postgres') return sql<boolean>`((i.code || ' ' || i.name || ' ' || coalesce(i.owner_name, '')) ILIKE ${like} OR c.case_no LIKE ${q.toUpperCase().replace(/[\\%_]/g, (m) => '\\' + m) + '%'})`;
  return sql<boolean>`(i.code LIKE ${like} ${esc} OR i.name LIKE ${like} ${esc} OR c.case_no LIKE ${like} ${esc} OR i.owner_name LIKE ${like} ${esc})`;
}

/**
 * The short-query index terms of an item: every character and every pair of adjacent characters of its name and
 * owner, and the first one and two characters of its code and case number (codes are searched by prefix).
 * Lower-cased; terms with ASCII punctuation or spaces are left out (the FTS5 ascii tokenizer splits on them).
 */
export function itemGrams(row: Pick<SearchRow, 'code' | 'name' | 'case_no' | 'owner_name'>): string[] {
  const out = new Set<string>();
  const add = (g: string) => {
    if (g && !/[\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]/.test(g)) out.add(g.toLowerCase());
  };
  for (const text of [row.name, row.owner_name ?? '']) {
    const cs = [...text];
    for (let i = 0; i < cs.length; i++) {
      add(cs[i]!);
      if (i + 1 < cs.length) add(cs[i]! + cs[i + 1]!);
    }
  }
  for (const code of [row.code, row.case_no]) {
    const cs = [...code];
    add(cs.slice(0, 1).join(''));
    add(cs.slice(0, 2).join(''));
  }
  return [...out];
}

/** The index term a 1–2 character query looks up: its longest run without ASCII punctuation; null when none. */
function gramOfQuery(q: string): string | null {
  const parts = q.toLowerCase().split(/[\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+/).filter(Boolean);
  if (parts.length === 0) return null;
  return parts.sort((a, b) => [...b].length - [...a].length)[0]!;
}

async function writeGrams(dialect: DialectName, db: AnyDb, rows: SearchRow[]): Promise<void> {
  if (rows.length === 0) return;
  // Fixed SQL (fixedInsert): a batch's INSERT is not compiled anew, and SQLite reuses its prepared statement.
  if (dialect === 'sqlite') return void (await fixedInsert(db, dialect, 'items_grams', ['rowid', 't'], rows.map((r) => [r.id, itemGrams(r).join(' ')])));
  const pairs = rows.flatMap((r) => itemGrams(r).map((g) => [g, r.id]));
  await fixedInsert(db, dialect, 'item_grams', ['gram', 'item_id'], pairs, 'ON CONFLICT DO NOTHING');
}

/**
 * Indexes items just inserted, from the rows the caller holds (registration): the trigram FTS (SQLite) and the short
 * grams, without reading the rows back. Writes the same entries as indexItemsForSearchAfter.
 */
export async function indexNewItemsForSearch(dialect: DialectName, db: AnyDb, rows: SearchRow[]): Promise<void> {
  if (dialect === 'sqlite') {
    await fixedInsert(db, dialect, 'items_fts', ['rowid', 'code', 'name', 'case_no', 'owner_name'], rows.map((r) => [r.id, r.code, r.name, r.case_no, r.owner_name ?? '']));
  }
  await writeGrams(dialect, db, rows);
}

/** Indexes every item with id > afterId (bulk loads and the 0006 backfill), in batches. */
export async function indexItemsForSearchAfter(dialect: DialectName, db: AnyDb, afterId: number, opts: { fts?: boolean } = {}): Promise<void> {
  if (dialect === 'sqlite' && opts.fts !== false) {
    await sql`INSERT INTO items_fts(rowid, code, name, case_no, owner_name)
      SELECT i.id, i.code, i.name, c.case_no, coalesce(i.owner_name, '') FROM items i JOIN cases c ON c.id = i.case_id WHERE i.id > ${afterId}`.execute(db);
  }
  for (let last = afterId; ; ) {
    const rows = (
      await sql<SearchRow>`SELECT i.id, i.code, i.name, c.case_no, i.owner_name FROM items i JOIN cases c ON c.id = i.case_id
        WHERE i.id > ${last} ORDER BY i.id LIMIT 5000`.execute(db)
    ).rows;
    if (rows.length === 0) return;
    await writeGrams(dialect, db, rows);
    last = rows[rows.length - 1]!.id;
  }
}

/** Short-query grams (both engines), code and case-number prefix indexes (PostgreSQL; SQLite's unique indexes serve). */
export async function createShortSearchIndex(dialect: DialectName, db: AnyDb): Promise<void> {
  if (dialect === 'sqlite') {
    await sql`CREATE VIRTUAL TABLE items_grams USING fts5(t, content='', contentless_delete=1, tokenize='ascii')`.execute(db);
    return;
  }
  // Derived from items (never deleted) like the FTS tables: no foreign key, whose per-row check and row lock made
  // registration 3× slower; byte-order collation, as terms are only ever compared for equality.
  await sql`CREATE TABLE item_grams (gram varchar(16) COLLATE "C" NOT NULL, item_id integer NOT NULL, PRIMARY KEY (gram, item_id))`.execute(db);
  await sql`CREATE INDEX item_grams_item ON item_grams (item_id)`.execute(db);
  await sql`CREATE INDEX items_code_prefix ON items (code varchar_pattern_ops)`.execute(db);
  await sql`CREATE INDEX cases_case_no_prefix ON cases (case_no varchar_pattern_ops)`.execute(db);
}

/** item_flags follows items.flags (JSON) on every insert and every change of flags, whoever writes them; backfilled. */
export async function createItemFlagsSync(dialect: DialectName, db: AnyDb): Promise<void> {
  if (dialect === 'sqlite') {
    await sql`CREATE TRIGGER items_flags_insert AFTER INSERT ON items BEGIN
      INSERT INTO item_flags (item_id, flag) SELECT DISTINCT NEW.id, value FROM json_each(NEW.flags); END`.execute(db);
    await sql`CREATE TRIGGER items_flags_update AFTER UPDATE OF flags ON items WHEN OLD.flags IS NOT NEW.flags BEGIN
      DELETE FROM item_flags WHERE item_id = NEW.id;
      INSERT INTO item_flags (item_id, flag) SELECT DISTINCT NEW.id, value FROM json_each(NEW.flags); END`.execute(db);
    await sql`INSERT INTO item_flags (item_id, flag) SELECT DISTINCT i.id, j.value FROM items i, json_each(i.flags) j`.execute(db);
    return;
  }
  await sql`CREATE OR REPLACE FUNCTION item_flags_sync() RETURNS trigger AS $$
    BEGIN
      IF TG_OP = 'UPDATE' THEN
        IF NEW.flags IS NOT DISTINCT FROM OLD.flags THEN RETURN NEW; END IF;
        DELETE FROM item_flags WHERE item_id = NEW.id;
      END IF;
      INSERT INTO item_flags (item_id, flag) SELECT DISTINCT NEW.id, f FROM jsonb_array_elements_text(NEW.flags::jsonb) f;
      RETURN NEW;
    END $$ LANGUAGE plpgsql`.execute(db);
  await sql`CREATE TRIGGER items_flags_sync AFTER INSERT OR UPDATE OF flags ON items FOR EACH ROW EXECUTE FUNCTION item_flags_sync()`.execute(db);
  await sql`INSERT INTO item_flags (item_id, flag) SELECT DISTINCT id, jsonb_array_elements_text(flags::jsonb) FROM items`.execute(db);
}

/**
 * item_counts and location_counts (0022) follow items on every insert, update and delete, whoever writes them, in
 * the same transaction: registration, events, corrections, splits, store transfers, imports and raw SQL alike.
 * SQLite: row triggers (one upsert per changed item). PostgreSQL: statement triggers over the transition tables, so a
 * batch (registration, a store transfer) costs one grouped upsert; unchanged keys net to zero and write nothing.
 * Hot counter rows cannot deadlock: every write transaction takes lockWriters first, so item writers are serialised.
 */
export async function createItemCountsSync(dialect: DialectName, db: AnyDb): Promise<void> {
  if (dialect === 'sqlite') {
    const fen = (r: string) => `CAST(ROUND(COALESCE(${r}.cash_amount, ${r}.estimated_value, 0) * 100) AS INTEGER)`;
    const count = (r: string, sign: string) => `
      INSERT INTO item_counts (status, category, holding_agency_id, store_id, n, value_fen)
        VALUES (${r}.status, ${r}.category, ${r}.holding_agency_id, COALESCE(${r}.store_id, 0), ${sign}1, ${sign}${fen(r)})
        ON CONFLICT (status, category, holding_agency_id, store_id) DO UPDATE SET n = n + excluded.n, value_fen = value_fen + excluded.value_fen;`;
    const place = (r: string, sign: string) => `
      INSERT INTO location_counts (location_id, status, n) SELECT ${r}.location_id, ${r}.status, ${sign}1 WHERE ${r}.location_id IS NOT NULL
        ON CONFLICT (location_id, status) DO UPDATE SET n = n + excluded.n;`;
    const changed = (cols: string[]) => cols.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');
    const counted = ['status', 'category', 'holding_agency_id', 'store_id', 'cash_amount', 'estimated_value'];
    await sql.raw(`CREATE TRIGGER items_counts_insert AFTER INSERT ON items BEGIN ${count('NEW', '')} ${place('NEW', '')} END`).execute(db);
    await sql.raw(`CREATE TRIGGER items_counts_delete AFTER DELETE ON items BEGIN ${count('OLD', '-')} ${place('OLD', '-')} END`).execute(db);
    await sql.raw(`CREATE TRIGGER items_counts_update AFTER UPDATE OF ${counted.join(', ')} ON items WHEN ${changed(counted)}
      BEGIN ${count('OLD', '-')} ${count('NEW', '')} END`).execute(db);
    await sql.raw(`CREATE TRIGGER items_location_counts_update AFTER UPDATE OF location_id, status ON items WHEN ${changed(['location_id', 'status'])}
      BEGIN ${place('OLD', '-')} ${place('NEW', '')} END`).execute(db);
    return;
  }
  const rows = (table: string, sign: string) => `SELECT status, category, holding_agency_id, COALESCE(store_id, 0) AS store_id, location_id, ${sign}1 AS n,
    ${sign}ROUND((COALESCE(cash_amount, estimated_value, 0) * 100)::numeric)::bigint AS v FROM ${table}`;
  const apply = (src: string) => `
    INSERT INTO item_counts AS t (status, category, holding_agency_id, store_id, n, value_fen)
      SELECT status, category, holding_agency_id, store_id, SUM(n), SUM(v) FROM (${src}) d
      GROUP BY status, category, holding_agency_id, store_id HAVING SUM(n) <> 0 OR SUM(v) <> 0
      ON CONFLICT (status, category, holding_agency_id, store_id) DO UPDATE SET n = t.n + EXCLUDED.n, value_fen = t.value_fen + EXCLUDED.value_fen;
    INSERT INTO location_counts AS t (location_id, status, n)
      SELECT location_id, status, SUM(n) FROM (${src}) d WHERE location_id IS NOT NULL GROUP BY location_id, status HAVING SUM(n) <> 0
      ON CONFLICT (location_id, status) DO UPDATE SET n = t.n + EXCLUDED.n;`;
  const fn = (name: string, src: string) => sql.raw(`CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger AS $$ BEGIN ${apply(src)} RETURN NULL; END $$ LANGUAGE plpgsql`);
  await fn('item_counts_insert', rows('new_rows', '')).execute(db);
  await fn('item_counts_delete', rows('old_rows', '-')).execute(db);
  await fn('item_counts_update', `${rows('old_rows', '-')} UNION ALL ${rows('new_rows', '')}`).execute(db);
  await sql`CREATE TRIGGER items_counts_insert AFTER INSERT ON items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION item_counts_insert()`.execute(db);
  await sql`CREATE TRIGGER items_counts_delete AFTER DELETE ON items REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION item_counts_delete()`.execute(db);
  await sql`CREATE TRIGGER items_counts_update AFTER UPDATE ON items REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION item_counts_update()`.execute(db);
}

/**
 * `items as i`, read through the named (partial) index. SQLite's planner, without statistics, prefers items_status
 * for `status IN (…)` and then sorts every match; INDEXED BY names the index that holds exactly the rows wanted, and
 * fails loudly should the query stop matching its WHERE. PostgreSQL's planner picks partial indexes by itself.
 */
export function itemsIndexedBy(dialect: DialectName, index: string) {
  return sql<ItemRow>`items`.as<'i'>(dialect === 'sqlite' ? sql`i INDEXED BY ${sql.raw(index)}` : sql`i`);
}

/**
 * `custody_events AS alias` for a subquery that names the item: SQLite, without statistics, prefers events_type_time
 * for `type IN (…) AND occurred_at <= …` and walks every event of those types; the item's own few events
 * (events_item) are what is wanted. PostgreSQL's planner picks by itself.
 */
export function eventsOfItem(dialect: DialectName, alias: string) {
  return dialect === 'sqlite' ? sql`custody_events ${sql.raw(alias)} INDEXED BY events_item` : sql`custody_events ${sql.raw(alias)}`;
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

/** Hours from `earlier` to `later` (two ISO-8601 text columns) as a SQL number expression (0014 reports). */
export function hoursBetween(dialect: DialectName, later: string, earlier: string) {
  if (dialect === 'postgres') return sql<number>`(extract(epoch from (${sql.ref(later)}::timestamptz - ${sql.ref(earlier)}::timestamptz)) / 3600)`;
  return sql<number>`((julianday(${sql.ref(later)}) - julianday(${sql.ref(earlier)})) * 24)`;
}

/** The Shanghai calendar day (UTC+8, YYYY-MM-DD) of an ISO-8601 text column (0019 report_daily). */
export function shanghaiDay(dialect: DialectName, column: string) {
  if (dialect === 'postgres') return sql<string>`to_char((${sql.ref(column)}::timestamptz AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD')`;
  return sql<string>`substr(datetime(${sql.ref(column)}, '+8 hours'), 1, 10)`;
}
