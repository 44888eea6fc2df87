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
