/**
 * PostgreSQL backups: pg_dump's custom format (one consistent snapshot while terminals write). The check restores
 * the dump into a scratch database on the same server with pg_restore, verifies it there, and drops it again.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { checkCopy, type BackupCheck } from './backup.check';

const NO_TOOL = (tool: string) =>
  `未找到 ${tool}：请在本机安装 PostgreSQL 客户端（Debian/Ubuntu：apt-get install postgresql-client，版本不低于服务器）后再备份或恢复`;

/** Runs a PostgreSQL client tool and returns what it prints; a missing tool or a failure becomes a clear Chinese error. */
export function runTool(tool: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    child.on('error', (e: NodeJS.ErrnoException) => reject(new AppError('CONFLICT', e.code === 'ENOENT' ? NO_TOOL(tool) : `${tool} 无法运行：${e.message}`)));
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new AppError('CONFLICT', `${tool} 失败：${err.trim().split('\n').slice(-3).join(' ') || `退出码 ${code}`}`))));
  });
}

/** The schema a dump keeps its tables in (public, or a test's own schema), from the dump's table of contents. */
export async function dumpSchema(file: string): Promise<string> {
  const toc = await runTool('pg_restore', ['--list', file]);
  return /^\d+; \d+ \d+ TABLE (\S+) ledger_head /m.exec(toc)?.[1] ?? 'public';
}

/** `schema` other than public (tests): only that schema is dumped. */
export async function pgDump(url: string, schema: string, target: string): Promise<void> {
  await runTool('pg_dump', ['--format=custom', '--no-owner', ...(schema !== 'public' ? [`--schema=${schema}`] : []), `--file=${target}`, url]);
}

/** The URL of another database on the same server. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Restores `file` into a new database `name` (created here, dropped again if the restore fails); pg_trgm first when the dump has only a schema. */
export async function restoreInto(url: string, name: string, file: string, schema: string): Promise<string> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } catch (err) {
    throw new AppError('CONFLICT', `无法在数据库服务器上新建数据库「${name}」（需要 CREATEDB 权限）：${err instanceof Error ? err.message : String(err)}`);
  } finally {
    await admin.end();
  }
  const target = withDatabase(url, name);
  try {
    if (schema !== 'public') {
      const c = new pg.Client({ connectionString: target });
      await c.connect();
      await c.query('CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public').finally(() => c.end());
    }
    await runTool('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${target}`, file]);
  } catch (err) {
    // The database made here goes again: nothing half-restored stays on the server.
    await dropDatabase(url, name).catch(() => undefined);
    throw err;
  }
  return target;
}

export async function dropDatabase(url: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => admin.end());
}

/** Checks a dump by restoring it into a scratch database (dropped afterwards, pass or fail). */
export async function checkPgDump(url: string, schema: string, file: string, photoDir: string, onProgress?: (d: number, t: number) => unknown): Promise<BackupCheck> {
  const name = `seized_check_${randomBytes(6).toString('hex')}`;
  let target: string;
  try {
    target = await restoreInto(url, name, file, schema);
  } catch (err) {
    await dropDatabase(url, name).catch(() => undefined);
    return { ok: false, events: 0, headHash: '', photos: 0, failure: `备份无法恢复到临时数据库：${err instanceof Error ? err.message : String(err)}`, firstBreak: null };
  }
  const pool = new pg.Pool({ connectionString: target, max: 1, options: `-c search_path=${schema},public -c default_transaction_read_only=on` });
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    return await checkCopy(db, photoDir, onProgress);
  } finally {
    await db.destroy();
    await dropDatabase(url, name).catch(() => undefined);
  }
}
