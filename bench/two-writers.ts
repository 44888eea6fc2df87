/**
 * Two programs writing one data folder at once (a server and the CLI): two child processes sign in, create cases and
 * register 50 items per call on the bench's copy of its dataset, while this process keeps it open. Goal: every call
 * succeeds, or is told the database is busy — never 「数据已被他人修改」 or 「系统内部错误」.
 */
import { spawn } from 'node:child_process';
import { MSG } from '../shared/messages';
import { now, type Row } from './stats';

type Outcome = { method: string; ok: boolean; code?: string; message?: string };

function writer(dataDir: string, name: string, rounds: number, password: string): Promise<Outcome[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/core/support/writer-process.ts', dataDir, name, String(rounds), password], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!) as Outcome[]) : reject(new Error(`写入进程 ${name} 退出码 ${code}：${err.slice(0, 300)}`))));
  });
}

export async function twoWritersFigure(dataDir: string, password: string, rounds = 20): Promise<Row> {
  const t = now();
  const all = (await Promise.all([writer(dataDir, 'P', rounds, password), writer(dataDir, 'Q', rounds, password)])).flat();
  const ms = now() - t;
  const busy = all.filter((o) => !o.ok && o.code === 'BUSY' && o.message === MSG.busyRetry).length;
  const wrong = all.filter((o) => !o.ok && !(o.code === 'BUSY' && o.message === MSG.busyRetry));
  const registered = all.filter((o) => o.ok && o.method === 'item.register').length;
  return {
    figure: '两个进程（服务器与命令行）同时写一个数据目录',
    measure: `${all.length} 次调用`,
    value: ms,
    unit: 'ms',
    goal: { text: '每次调用成功，或提示数据库忙；不出现「数据已被他人修改」「系统内部错误」', met: wrong.length === 0 },
    note: `登记 ${registered} 次（每次 50 件），提示忙 ${busy} 次，其他错误 ${wrong.length} 次${wrong.length ? `（如「${wrong[0]!.message}」）` : ''}`,
  };
}
