/**
 * `backup --out FILE`: the same online copy and check as the scheduled backups (SQLite online backup or pg_dump,
 * the recorded photos into FILE-photos/, then: it opens, its ledger verifies, its photo hashes match). A copy that
 * fails its check is reported with the reason and exit code 1; it is left in place for inspection.
 */
import { mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { OpenedApp } from '../core/bootstrap';
import { writeCheckedCopy } from '../core/services/backup/backup.make';
import { firstBreakLine } from '../core/services/backup/backup.check';

export async function backupCommand(target: string, app: OpenedApp): Promise<number> {
  const file = resolve(target);
  if (existsSync(file)) throw new Error(`${file} 已存在，请换一个文件名`);
  const source = app.store.reader;
  if (!source) throw new Error('当前数据库在内存中，无法备份');
  await mkdir(dirname(file), { recursive: true });
  const photoDir = `${file}-photos`;
  const { check } = await writeCheckedCopy(source, app.store.db, { dataDir: app.dataDir || null, file, photoDir });
  if (!check.ok) {
    console.error(`备份已写出到 ${file}，但未通过校验：${check.failure ?? ''}`);
    const line = firstBreakLine(check);
    if (line) console.error(`  ${line}`);
    console.error('这份备份不能用于恢复：请先运行 verify 检查在用数据库与数据目录中的照片，处理后重新备份。');
    return 1;
  }
  console.log(`已在线备份数据库到 ${file}，并校验通过：账本 ${check.events} 条事件，照片 ${check.photos} 张哈希一致${check.photos ? `（在 ${photoDir}/）` : ''}。`);
  console.log(`恢复：npm run cli -- restore ${file} ${source.engine === 'sqlite' ? '--data 数据目录（先停止服务）' : '--database postgres://…（恢复到新数据库）'}`);
  return 0;
}
