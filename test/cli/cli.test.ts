/** The admin CLI as a user runs it: seed, verify, tamper, verify again, backup. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
};

describe('admin CLI', () => {
  it('init prints a one-time admin password once', () => {
    const data = mkdtempSync(join(tmpdir(), 'seized-cli-'));
    const first = cli('init', '--data', data);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/一次性密码：\S{12}/);
    const again = cli('init', '--data', data);
    expect(again.out).toContain('管理员账号已存在');
  });

  it('user add refuses an admin who would also handle custody', () => {
    const data = mkdtempSync(join(tmpdir(), 'seized-cli-'));
    expect(cli('init', '--data', data).code).toBe(0);
    const mixed = cli('user', 'add', '--username', 'boss', '--name', '老板', '--agency', '000000', '--roles', 'admin,custodian', '--data', data);
    expect(mixed.code).toBe(2);
    expect(mixed.out).toContain('系统管理员不参与保管业务');
    const raw = new BetterSqlite3(join(data, 'seized.sqlite'));
    expect(raw.prepare("SELECT count(*) AS n FROM users WHERE username = 'boss'").get()).toEqual({ n: 0 });
    raw.close();
    expect(cli('user', 'add', '--username', 'keeper', '--name', '保管', '--agency', '000000', '--roles', 'custodian', '--data', data).code).toBe(0);
  });

  it('seeds demo data, verifies, detects a tampered row by id and backs up', () => {
    const data = mkdtempSync(join(tmpdir(), 'seized-cli-'));
    const seeded = cli('seed-demo', '--items', '300', '--data', data);
    expect(seeded.code).toBe(0);
    expect(seeded.out).toMatch(/已生成 300 件演示物品、\d+ 条流转事件/);
    const ok = cli('verify', '--data', data);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('账本校验通过');

    const backup = join(data, 'backup', 'copy.sqlite');
    expect(cli('backup', '--out', backup, '--data', data).code).toBe(0);
    expect(existsSync(backup)).toBe(true);

    const raw = new BetterSqlite3(join(data, 'seized.sqlite'));
    raw.exec('DROP TRIGGER custody_events_no_update');
    const victim = raw.prepare('SELECT id FROM custody_events WHERE seq = 100').get() as { id: number };
    raw.prepare("UPDATE custody_events SET condition_note = '已调包' WHERE id = ?").run(victim.id);
    raw.close();
    const bad = cli('verify', '--data', data);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain(`事件 id ${victim.id}`);

    // The backup taken before the tampering is intact and verifies on its own.
    const restored = mkdtempSync(join(tmpdir(), 'seized-restore-'));
    copyFileSync(backup, join(restored, 'seized.sqlite'));
    expect(cli('verify', '--data', restored).code).toBe(0);
  });
});
