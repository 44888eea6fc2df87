/** Opening the app's data folder: the database file, migrations, and the first admin account. */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openPostgres, openSqlite, migrate, type Store } from './db/database';
import { createCore, type Core } from './api/dispatch';
import { createFirstAdmin } from './services/auth/auth.service';
import { generatePassword } from './auth/password';
import type { Clock } from './context';
import { loadOrCreateAnchorKey, resolveAnchorKeyFile } from './ledger/anchor.key';
import { guardLedger } from './ledger/ledger.integrity';
import { applyPendingRestore } from './services/backup/backup.restore';

export const DB_FILE = 'seized.sqlite';

export type OpenedApp = { core: Core; store: Store; dataDir: string; databaseUrl: string | null; firstAdmin: { username: string; password: string } | null };

/** `--data DIR` beats SEIZED_DATA_DIR beats `./.data`. */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  const i = argv.indexOf('--data');
  const fromArg = i >= 0 ? argv[i + 1] : undefined;
  return resolve(fromArg ?? env.SEIZED_DATA_DIR ?? '.data');
}

/**
 * `--database postgres://…` beats DATABASE_URL; without either the store is the data folder's SQLite file.
 * Only PostgreSQL URLs are accepted, so a typo never silently opens a new empty local store.
 */
export function resolveDatabaseUrl(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string | null {
  const i = argv.indexOf('--database');
  const url = (i >= 0 ? argv[i + 1] : undefined) ?? env.DATABASE_URL ?? null;
  if (url === null || url === '') return null;
  if (!/^postgres(ql)?:\/\//.test(url)) throw new Error(`--database 只接受 PostgreSQL 连接串（postgres://用户:密码@主机:5432/库名），收到「${url}」`);
  return url;
}

/** A connection string with its password hidden, for logs. */
export const redactUrl = (url: string) => url.replace(/(\/\/[^:/@]+):[^@/]*@/, '$1:***@');

export async function openApp(
  dataDir: string,
  opts: {
    clock?: Clock;
    createAdmin?: boolean;
    fontDir?: string | null;
    nativeBinding?: string;
    databaseUrl?: string | null;
    log?: (msg: string, err?: unknown) => void;
    /** The checkpoint signing key file (default: resolveAnchorKeyFile without flags). */
    anchorKeyFile?: string;
  } = {},
): Promise<OpenedApp> {
  // Photos stay in the data folder on either engine; the database holds their hashes.
  mkdirSync(join(dataDir, 'photos'), { recursive: true });
  // A restore staged from the admin screen (checked then) is checked again and swapped in before the file opens.
  if (!opts.databaseUrl) await applyPendingRestore(dataDir, new Date().toISOString(), (m) => (opts.log ?? console.warn)(m));
  const store = opts.databaseUrl ? openPostgres(opts.databaseUrl) : openSqlite(join(dataDir, DB_FILE), { nativeBinding: opts.nativeBinding });
  await migrate(store);
  // Someone dropped the append-only triggers: put them back, and say so (integrity_log and the log).
  await guardLedger(store.db, store.dialect, new Date().toISOString(), (m) => (opts.log ?? console.warn)(m));
  // Created on first start; it stays outside the database (see README「账本校验凭证」).
  const anchorKey = loadOrCreateAnchorKey(opts.anchorKeyFile ?? resolveAnchorKeyFile([], dataDir));
  let firstAdmin: OpenedApp['firstAdmin'] = null;
  if (opts.createAdmin !== false) {
    const n = await store.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (Number(n.n) === 0) {
      const password = generatePassword();
      await createFirstAdmin(store.db, {
        agencyName: '涉案财物管理中心',
        agencyCode: '000000',
        username: 'admin',
        displayName: '系统管理员',
        password,
        now: new Date().toISOString(),
        mustChange: true,
      });
      firstAdmin = { username: 'admin', password };
    }
  }
  const core = createCore(store, { dataDir, clock: opts.clock ?? (() => new Date()), fontDir: opts.fontDir ?? null, anchorKey }, opts.log);
  return { core, store, dataDir, databaseUrl: opts.databaseUrl ?? null, firstAdmin };
}

export function printFirstAdmin(a: OpenedApp['firstAdmin'], out: (line: string) => void = console.log): void {
  if (!a) return;
  out('');
  out('  首次启动：已创建管理员账号（请登录后立即修改密码）');
  out(`    用户名：${a.username}`);
  out(`    一次性密码：${a.password}`);
  out('');
}
