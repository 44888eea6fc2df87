/** Opening the store and bringing its schema up to date. */
import BetterSqlite3 from 'better-sqlite3';
import { resolve } from 'node:path';
import pg from 'pg';
import { CompiledQuery, Kysely, Migrator, PostgresDialect, SqliteDialect, SqliteDriver, type DatabaseConnection, type SqliteDatabase, type SqliteDialectConfig } from 'kysely';
import type { Database } from './schema';
import type { DialectName } from './dialect';
import { CodeMigrationProvider } from './migrations';

export type Store = {
  db: Kysely<Database>;
  dialect: DialectName;
  /** PostgreSQL: the schema holding the tables (public unless a test gave its own). */
  schema?: string;
  close(): Promise<void>;
  /** Online, consistent copy of the database to `file`. */
  backup(file: string): Promise<void>;
  /** How a job's worker opens its own read-only connection (absent: an in-memory store, jobs run in process). */
  reader?: ReaderSpec;
};

/** Prepared statements kept by SQL text: Kysely's SQLite driver otherwise prepares every statement anew. */
const STATEMENT_CACHE_SIZE = 1000;

export function cachingDatabase(raw: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => raw.close(),
    prepare: (text: string) => {
      const hit = cache.get(text);
      // A statement still being iterated (a streamed query) cannot run twice at once: prepare a fresh one.
      if (hit && !hit.busy) return hit;
      const stmt = raw.prepare(text);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      cache.set(text, stmt);
      return stmt;
    },
  };
}

/**
 * Write transactions start with BEGIN IMMEDIATE: the write lock is taken first, so another process's writer makes
 * this one wait (busy_timeout) instead of failing at its first write after reading a stale snapshot (SQLITE_BUSY_SNAPSHOT).
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly config: SqliteDialectConfig) {
    super(config);
  }
  override createDriver() {
    return new ImmediateSqliteDriver(this.config);
  }
}
export type ReaderSpec = { engine: 'sqlite'; file: string; nativeBinding?: string } | { engine: 'postgres'; url: string; schema: string };

/**
 * Opens (creating if needed) a SQLite store: WAL, foreign keys on, a busy timeout. `:memory:` for tests.
 * synchronous=FULL: in WAL mode NORMAL may lose the last acknowledged commits on a power cut (they sit in the WAL
 * unsynced), and a custody event the user was told is recorded must survive; `bench/sync-cost.ts` measures the cost.
 */
export function openSqlite(file: string, opts: { nativeBinding?: string; synchronous?: 'FULL' | 'NORMAL' } = {}): Store {
  const raw = new BetterSqlite3(file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  if (file !== ':memory:') raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  raw.pragma(`synchronous = ${opts.synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: cachingDatabase(raw) }) });
  const reader: ReaderSpec | undefined = file === ':memory:' ? undefined : { engine: 'sqlite', file: resolve(file), ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) };
  return { db, dialect: 'sqlite', close: () => db.destroy(), backup: async (target) => void (await raw.backup(target)), ...(reader ? { reader } : {}) };
}

/**
 * Opens a PostgreSQL store (the server engine) through a connection pool. `schema` puts every table in that schema
 * (tests use one schema each); extensions such as pg_trgm stay in `public`, which follows it on the search path.
 */
export function openPostgres(url: string, opts: { schema?: string; max?: number } = {}): Store {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    ...(opts.schema ? { options: `-c search_path=${opts.schema},public` } : {}),
  });
  // An idle client that loses its connection must not take the process down; the pool replaces it.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    schema: opts.schema ?? 'public',
    reader: { engine: 'postgres', url, schema: opts.schema ?? 'public' },
    close: () => db.destroy(),
    backup: async () => {
      throw new Error('PostgreSQL 数据库请用 pg_dump 备份（npm run cli -- backup --database … 会在 PATH 中有 pg_dump 时调用它）');
    },
  };
}

/** Runs every pending migration (or up to and including `upTo`). Throws on failure. */
export async function migrate(store: Store, upTo?: string): Promise<string[]> {
  // On PostgreSQL, name the schema: Kysely otherwise takes a migration table in any schema of the database for ours.
  const migrator = new Migrator({ db: store.db, provider: new CodeMigrationProvider(store.dialect, upTo), ...(store.schema ? { migrationTableSchema: store.schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
