/** Opening the store and bringing its schema up to date. */
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import type { Database } from './schema';
import type { DialectName } from './dialect';
import { CodeMigrationProvider } from './migrations';

export type Store = {
  db: Kysely<Database>;
  dialect: DialectName;
  close(): Promise<void>;
  /** Online, consistent copy of the database to `file`. */
  backup(file: string): Promise<void>;
};

/** Opens (creating if needed) a SQLite store: WAL, foreign keys on, a busy timeout. `:memory:` for tests. */
export function openSqlite(file: string, opts: { nativeBinding?: string } = {}): Store {
  const raw = new BetterSqlite3(file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  if (file !== ':memory:') raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  raw.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  return { db, dialect: 'sqlite', close: () => db.destroy(), backup: async (target) => void (await raw.backup(target)) };
}

/** Runs every pending migration (or up to and including `upTo`). Throws on failure. */
export async function migrate(store: Store, upTo?: string): Promise<string[]> {
  const migrator = new Migrator({ db: store.db, provider: new CodeMigrationProvider(store.dialect, upTo) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
