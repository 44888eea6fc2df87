/** A job worker's own read-only connection: SQLite read-only on the same WAL file, or its own PostgreSQL client. */
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { Database } from '../db/schema';
import type { ReaderSpec } from '../db/database';
import type { DialectName } from '../db/dialect';

export function openReader(spec: ReaderSpec): { db: Kysely<Database>; dialect: DialectName } {
  if (spec.engine === 'sqlite') {
    const raw = new BetterSqlite3(spec.file, { readonly: true, fileMustExist: true, ...(spec.nativeBinding ? { nativeBinding: spec.nativeBinding } : {}) });
    raw.pragma('busy_timeout = 5000');
    return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) }), dialect: 'sqlite' };
  }
  // One client; every transaction it opens is read-only, so a job can never write behind the main connection.
  const pool = new pg.Pool({ connectionString: spec.url, max: 1, options: `-c search_path=${spec.schema},public -c default_transaction_read_only=on` });
  pool.on('error', () => undefined);
  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres' };
}
