/** `cli import`: the same preview and all-or-nothing commit as the wizard, from a terminal. */
import { expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
};

it('import --dry-run writes nothing; import commits every row; a bad row refuses the whole file', { timeout: 120_000 }, () => {
  const data = mkdtempSync(join(tmpdir(), 'seized-import-'));
  expect(cli('seed-demo', '--items', '5', '--data', data).code).toBe(0);
  const raw = new BetterSqlite3(join(data, 'seized.sqlite'));
  const count = () => (raw.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n;
  const caseNo = (raw.prepare("SELECT c.case_no FROM cases c JOIN agencies a ON a.id = c.host_agency_id WHERE a.kind = 'police' ORDER BY c.id LIMIT 1").get() as { case_no: string }).case_no;
  const before = count();
  const good = join(data, '清单.csv');
  writeFileSync(good, '\ufeff扣押清单编号,滨公扣〔2026〕7号\n扣押时间,2026-11-19 09:00\n\n物品名称,数量,单位\n手机,1,部\n电脑,2,台\n');
  const dry = cli('import', good, '--case', caseNo, '--dry-run', '--data', data);
  expect(dry.out).toContain('试运行：2 行全部无误，未写入');
  expect(dry.code).toBe(0);
  expect(count()).toBe(before);
  const done = cli('import', good, '--case', caseNo, '--data', data);
  expect(done.out).toMatch(/已导入 2 件物品（\S+ … \S+），扣押清单 滨公扣〔2026〕7号/);
  expect(count()).toBe(before + 2);
  const bad = join(data, '错误.csv');
  writeFileSync(bad, '物品名称,数量,扣押时间\n手机,一部,2026-11-19\n,1,2026-11-19\n');
  const refused = cli('import', bad, '--case', caseNo, '--data', data);
  expect(refused.code).toBe(1);
  expect(refused.out).toContain('第 2 行「数量」：数量「一部」不是数字');
  expect(refused.out).toContain('第 3 行「物品名称」：物品名称为空');
  expect(count()).toBe(before + 2);
  raw.close();
  expect(cli('verify', '--data', data).out).toContain('账本哈希链校验通过');
});
