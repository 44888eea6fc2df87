/** Opening the app's data folder: the database file, migrations, and the first admin account. */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openSqlite, migrate, type Store } from './db/database';
import { createCore, type Core } from './api/dispatch';
import { createFirstAdmin } from './services/auth.service';
import { generatePassword } from './auth/password';

export const DB_FILE = 'seized.sqlite';

export type OpenedApp = { core: Core; store: Store; dataDir: string; firstAdmin: { username: string; password: string } | null };

/** `--data DIR` beats SEIZED_DATA_DIR beats `./.data`. */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  const i = argv.indexOf('--data');
  const fromArg = i >= 0 ? argv[i + 1] : undefined;
  return resolve(fromArg ?? env.SEIZED_DATA_DIR ?? '.data');
}

export async function openApp(
  dataDir: string,
  opts: { createAdmin?: boolean; fontDir?: string | null; nativeBinding?: string; log?: (msg: string, err?: unknown) => void } = {},
): Promise<OpenedApp> {
  mkdirSync(join(dataDir, 'photos'), { recursive: true });
  const store = openSqlite(join(dataDir, DB_FILE), { nativeBinding: opts.nativeBinding });
  await migrate(store);
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
  const core = createCore(store, { dataDir, clock: () => new Date(), fontDir: opts.fontDir ?? null }, opts.log);
  return { core, store, dataDir, firstAdmin };
}

export function printFirstAdmin(a: OpenedApp['firstAdmin'], out: (line: string) => void = console.log): void {
  if (!a) return;
  out('');
  out('  首次启动：已创建管理员账号（请登录后立即修改密码）');
  out(`    用户名：${a.username}`);
  out(`    一次性密码：${a.password}`);
  out('');
}
