/**
 * `restore BACKUP --data DIR`: the backup goes into a fresh file, its ledger and photos are checked, and only then is
 * it swapped in; the replaced database is kept as seized.sqlite.replaced-<time>. Stop the server first.
 * `restore BACKUP.dump --database URL`: restored into a new database beside the live one, checked; the live one stays.
 */
import { resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { resolveDataDir, resolveDatabaseUrl, redactUrl } from '../core/bootstrap';
import type { Database } from '../core/db/schema';
import { AppError } from '../core/errors';
import { checkCopy, type BackupCheck } from '../core/services/backup/backup.check';
import { backupPhotoDir, refusal, restoreSqlite } from '../core/services/backup/backup.restore';
import { dropDatabase, dumpSchema, restoreInto, withDatabase } from '../core/services/backup/backup.pg';

function explain(err: unknown): number {
  if (!(err instanceof AppError)) throw err;
  console.error(err.message);
  for (const d of err.details ?? []) console.error(`  ${d}`);
  return 1;
}

export async function restoreCommand(argv: readonly string[]): Promise<number> {
  const file = argv[argv.indexOf('restore') + 1];
  if (!file || file.startsWith('--')) throw new Error('用法：restore 备份文件 --data 数据目录（或 --database postgres://…）');
  const backup = resolve(file);
  const url = resolveDatabaseUrl(argv);
  const now = new Date().toISOString();
  if (url) return restorePg(backup, url, now);
  const dataDir = resolveDataDir(argv);
  try {
    const { check, replaced } = await restoreSqlite(backup, dataDir, now);
    console.log(`已从 ${backup} 恢复到 ${dataDir}：账本 ${check.events} 条事件校验通过，照片 ${check.photos} 张哈希一致。`);
    if (replaced) console.log(`原数据库文件已改名保留为 ${replaced}`);
    return 0;
  } catch (err) {
    return explain(err);
  }
}

async function restorePg(backup: string, url: string, now: string): Promise<number> {
  const live = new URL(url).pathname.slice(1) || 'postgres';
  const name = `${live}_restored_${now.slice(0, 10).replace(/-/g, '')}_${randomBytes(3).toString('hex')}`;
  try {
    const schema = await dumpSchema(backup);
    const target = await restoreInto(url, name, backup, schema);
    const pool = new pg.Pool({ connectionString: target, max: 1, ...(schema !== 'public' ? { options: `-c search_path=${schema},public` } : {}) });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const check = await checkCopy(db, backupPhotoDir(backup))
      .catch((err: unknown): BackupCheck => ({ ok: false, events: 0, headHash: '', photos: 0, failure: `恢复出的数据库无法校验：${err instanceof Error ? err.message : String(err)}`, firstBreak: null }))
      .finally(() => db.destroy());
    if (!check.ok) {
      await dropDatabase(url, name);
      throw refusal(check);
    }
    console.log(`已恢复到新数据库 ${name}：账本 ${check.events} 条事件校验通过，照片 ${check.photos} 张哈希一致。原数据库 ${live} 保持不动。`);
    console.log(`切换：停止服务，把 DATABASE_URL 改为 ${redactUrl(withDatabase(url, name))}，把备份的照片放入数据目录的 photos/，再启动服务。`);
    return 0;
  } catch (err) {
    return explain(err);
  }
}
