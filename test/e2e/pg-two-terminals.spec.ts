/**
 * One shared store (issue 8): two browser contexts as two terminals of one PostgreSQL-backed server.
 * A police officer sends a paper transfer at one terminal; the procuratorate approver accepts it at the other.
 * Needs TEST_DATABASE_URL (.ci/run starts PostgreSQL and sets it); skipped with that reason otherwise.
 */
import { test, expect, type Browser, type Page } from '@playwright/test';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { api, signIn } from './support/api';
import { shot } from './support/helpers';

const ADMIN_URL = process.env.TEST_DATABASE_URL;
const PORT = Number(process.env.E2E_PG_PORT ?? 5898);
const BASE = `http://127.0.0.1:${PORT}`;
const DB = `seized_e2e_${process.pid}`;
let dbUrl = '';
let server: ChildProcess | null = null;

test.skip(!ADMIN_URL, '未设置 TEST_DATABASE_URL：跳过 PostgreSQL 服务器的双终端测试');

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB}`);
  await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();
  const u = new URL(ADMIN_URL!);
  u.pathname = `/${DB}`;
  dbUrl = u.toString();
  const data = mkdtempSync(join(tmpdir(), 'seized-pg-e2e-'));
  execFileSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', 'seed-demo', '--items', '20', '--password', 'Demo1234', '--database', dbUrl, '--data', data], { stdio: 'pipe' });
  server = spawn(process.execPath, ['--import', 'tsx', 'electron/server/main.ts', '--database', dbUrl, '--data', data, '--port', String(PORT)], { stdio: 'pipe' });
  // Drain the JSON request log: an unread pipe fills up and a full pipe blocks the server's writes.
  server.stdout?.resume();
  server.stderr?.resume();
  for (let i = 0; i < 120; i++) {
    const up = await fetch(`${BASE}/healthz`).then((r) => r.ok, () => false);
    if (up) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('PostgreSQL 服务器未能启动');
});

test.afterAll(async () => {
  server?.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`).catch(() => undefined);
  await admin.end();
});

async function terminal(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({ baseURL: BASE, viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  return ctx.newPage();
}

test('两个终端共用一个 PostgreSQL 服务器：公安移送，检察院在另一终端接收；法院看不到侦查中的物品', async ({ browser }) => {
  const police = await terminal(browser);
  const proc = await terminal(browser);

  await signIn(police, 'ga_bar');
  await expect(police.getByTestId('connection-tag')).toContainText(`127.0.0.1:${PORT}`);
  const stock = await api(police, 'item.list', { status: ['IN_STORE'], limit: 2 });
  const items = stock.rows;
  expect(items).toHaveLength(2);
  const caseItems = items.filter((i) => i.caseId === items[0]!.caseId);
  const jc = (await api(police, 'agency.list', {})).find((a) => a.kind === 'procuratorate')!;
  const r = await api(police, 'request.create', { kind: 'transfer', mode: 'paper', itemIds: caseItems.map((i) => i.id), toAgencyId: jc.id, reason: '侦查终结，移送审查起诉', legalBasis: '滨公诉字〔2026〕88号' });
  await signIn(police, 'ga_sp');
  await api(police, 'request.decide', { id: r.id, approve: true, comment: '同意' });

  // The other terminal, another agency: the acceptance waits in its inbox.
  await signIn(proc, 'jc_sp');
  await proc.goto('/#/inbox?box=accept');
  await proc.getByTestId('inbox-table').getByRole('link', { name: r.requestNo }).click();
  await proc.getByRole('button', { name: '确认接收' }).click();
  await proc.getByTestId('dialog-comment').fill('材料齐全，同意接收');
  await proc.getByTestId('dialog-ok').click();
  await expect(proc.getByTestId('request-status')).toHaveText('已完成');
  await shot(proc, 'pg-01-accepted-at-second-terminal');

  // Back at the first terminal the change is there at once: one store.
  await signIn(police, 'ga_bar');
  const after = await api(police, 'item.get', { id: caseItems[0]!.id });
  expect(after.holdingAgencyName).toBe(jc.name);

  // The court never held a police item still under investigation: it does not exist for them.
  const other = (await api(police, 'item.list', { status: ['IN_STORE'], limit: 50 })).rows.find((i) => i.holdingAgencyName === '滨州市公安局')!;
  await signIn(proc, 'fy_bar');
  const res = await proc.request.post('/api/item.get', { data: { id: other.id }, headers: { 'X-Seized-Client': '1' } });
  expect(res.status()).toBe(404);
  expect((await res.json()).error.message).toBe('物品未找到或无权查看');
  await proc.goto(`/#/items/${other.id}`);
  await expect(proc.getByRole('alert').filter({ hasText: `物品（编号 ${other.id}）未找到或无权查看` })).toBeVisible();
  await shot(proc, 'pg-02-court-cannot-see-police-item');
});
