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

describe('admin CLI', { timeout: 120_000 }, () => {
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
    expect(ok.out).toContain('账本哈希链校验通过');

    const backup = join(data, 'backup', 'copy.sqlite');
    const made = cli('backup', '--out', backup, '--data', data);
    expect(made.code).toBe(0);
    expect(made.out).toMatch(/并校验通过：账本 \d+ 条事件/);
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

  it('user add places a custodian in a store, and refuses one without a store once stores exist', () => {
    const data = mkdtempSync(join(tmpdir(), 'seized-cli-'));
    expect(cli('seed-demo', '--items', '0', '--data', data).code).toBe(0);
    const none = cli('user', 'add', '--username', 'k2', '--name', '保管', '--agency', '371600ZX', '--roles', 'custodian', '--data', data);
    expect(none.code).toBe(2);
    expect(none.out).toContain('保管员须用 --store 指定所在的保管中心/分库（可用：ST-BC 滨城分库、ST-ZX 市中心库）');
    expect(cli('user', 'add', '--username', 'k2', '--name', '保管', '--agency', '371600ZX', '--roles', 'custodian', '--store', 'ST-BC', '--data', data).code).toBe(0);
    const raw = new BetterSqlite3(join(data, 'seized.sqlite'));
    expect(raw.prepare("SELECT l.code FROM users u JOIN locations l ON l.id = u.store_id WHERE u.username = 'k2'").get()).toEqual({ code: 'ST-BC' });
    raw.close();
  });
});

/** The same commands on the server engine: seed-demo and verify with --database on a throwaway PostgreSQL database. */
describe.skipIf(!process.env.TEST_DATABASE_URL)('admin CLI on PostgreSQL', () => {
  it('seed-demo --database, then verify --database exits 0', async () => {
    const pg = (await import('pg')).default;
    const base = process.env.TEST_DATABASE_URL!;
    const name = `seized_cli_${process.pid}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const url = base.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
      const seeded = cli('seed-demo', '--items', '200', '--database', url);
      expect(seeded.out).toMatch(/已生成 200 件演示物品/);
      expect(seeded.code).toBe(0);
      const ok = cli('verify', '--database', url);
      expect(ok.out).toContain('账本哈希链校验通过');
      expect(ok.code).toBe(0);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }, 120_000);
});

