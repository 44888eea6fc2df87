/**
 * Fixed SQL for the hottest paths (session lookup, scan by code): written once with `?` placeholders in SQL both engines
 * accept, run without Kysely's query compiler. On SQLite the driver reuses the prepared statement (cachingDatabase).
 */
import { CompiledQuery, type Kysely } from 'kysely';
import type { DialectName } from './dialect';

const pgText = new Map<string, string>();

/** `?` → `$1, $2…` for PostgreSQL (the fixed SQL has no `?` inside literals). */
function forPostgres(text: string): string {
  let out = pgText.get(text);
  if (out === undefined) {
    let n = 0;
    out = text.replace(/\?/g, () => `$${++n}`);
    pgText.set(text, out);
  }
  return out;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function fixedQuery<R>(db: Kysely<any>, dialect: DialectName, text: string, params: readonly unknown[]): Promise<R[]> {
  const q = CompiledQuery.raw(dialect === 'postgres' ? forPostgres(text) : text, [...params]);
  return (await db.executeQuery<R>(q)).rows;
}

/** Row counts a multi-row INSERT is split into: any batch is a few of these, so each shape has at most 12 SQL texts. */
const INSERT_SIZES = [2000, 1000, 500, 256, 128, 64, 32, 16, 8, 4, 2, 1] as const;
/** Bound values per statement: well under SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMS = 13_000;
const insertText = new Map<string, string>();

/**
 * A multi-row INSERT as fixed SQL (`INSERT INTO t (a, b) VALUES (?, ?), (?, ?) … [tail]`): no query compiling per
 * call, and on SQLite the prepared statement is reused. `rows` are value arrays in `columns` order; `tail` is fixed
 * SQL both engines accept (e.g. `ON CONFLICT DO NOTHING`, `RETURNING id`). Returns the rows RETURNING gives (in no
 * particular order: match them by a key).
 * Table and column names are the caller's constants, never user input.
 */
export async function fixedInsert<R = never>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  dialect: DialectName,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  tail = '',
): Promise<R[]> {
  const out: R[] = [];
  for (let at = 0; at < rows.length; ) {
    const size = INSERT_SIZES.find((s) => s <= rows.length - at && s * columns.length <= MAX_PARAMS)!;
    const key = `${table}(${columns.join(',')})${size}${tail}`;
    let text = insertText.get(key);
    if (text === undefined) {
      const one = `(${columns.map(() => '?').join(', ')})`;
      text = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${new Array<string>(size).fill(one).join(', ')}${tail ? ` ${tail}` : ''}`;
      insertText.set(key, text);
    }
    const params: unknown[] = [];
    for (let k = at; k < at + size; k++) for (const v of rows[k]!) params.push(v);
    out.push(...(await fixedQuery<R>(db, dialect, text, params)));
    at += size;
  }
  return out;
}
