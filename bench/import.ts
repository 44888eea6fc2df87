/**
 * The seizure-list import at 10,000 rows: preview (read + check every row) and commit (read, check, register the
 * items and their REGISTERED events in one transaction). Goal: commit ≤ 5 s. Part of `npm run bench`; alone:
 * `npx tsx bench/import.ts [--rows 10000]` on a fresh store.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { openApp, type OpenedApp } from '../electron/core/bootstrap';
import { hashPassword } from '../electron/core/auth/password';
import { seedReferenceData } from '../electron/core/seed/reference-data';
import { now, type Row } from './stats';

const GOAL_MS = 5000;

async function workbook(rows: number, caseNo: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('扣押清单');
  ws.addRow(['扣押清单编号', '滨公扣〔2026〕B1号']);
  ws.addRow(['扣押时间', '2026-11-19 09:00']);
  ws.addRow([]);
  ws.addRow(['案件编号', '物品名称', '数量', '单位', '规格型号', '特征', '持有人']);
  for (let i = 0; i < rows; i++) ws.addRow([caseNo, `测试物品${i}`, 1 + (i % 5), '件', `型号-${i % 97}`, `编号 ${i} 的特征描述`, `持有人${i % 300}`]);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

export async function importFigures(app: OpenedApp, password: string, rows = 10_000): Promise<Row[]> {
  const login = await app.core.dispatch(null, 'auth.login', { username: 'ga_bar', password });
  if (!login.ok) throw new Error(login.error.message);
  const token = (login.data as { token: string }).token;
  const caseNo = `BENCH-IMPORT-${Date.now()}`;
  const c = await app.core.dispatch(token, 'case.create', { caseNo, name: '导入基准案' });
  if (!c.ok) throw new Error(c.error.message);
  const base64 = await workbook(rows, caseNo);
  const input = { fileName: 'bench.xlsx', base64, caseId: (c.data as { id: number }).id };
  let t = now();
  const p = await app.core.dispatch(token, 'import.preview', input);
  const previewMs = now() - t;
  if (!p.ok) throw new Error(p.error.message);
  t = now();
  const done = await app.core.dispatch(token, 'import.commit', input);
  const commitMs = now() - t;
  if (!done.ok) throw new Error(`${done.error.message} ${(done.error.details ?? []).slice(0, 3).join('; ')}`);
  const n = (done.data as { count: number }).count;
  if (n !== rows) throw new Error(`导入 ${n} 件，应为 ${rows} 件`);
  return [
    { figure: `导入预览 ${rows} 行（读取 + 逐行校验）`, measure: 'ms', value: previewMs, unit: 'ms' },
    { figure: `导入提交 ${rows} 行（读取、校验、登记与账本事件，一个事务）`, measure: 'ms', value: commitMs, unit: 'ms', goal: { text: `≤ ${GOAL_MS} ms`, met: commitMs <= GOAL_MS } },
  ];
}

async function main() {
  const i = process.argv.indexOf('--rows');
  const rows = i >= 0 ? Number(process.argv[i + 1]) : 10_000;
  const dir = mkdtempSync(join(tmpdir(), 'seized-import-bench-'));
  const app = await openApp(dir, { createAdmin: false, log: () => {} });
  try {
    await seedReferenceData(app.store.db, new Date().toISOString(), hashPassword('Bench1234'));
    for (const r of await importFigures(app, 'Bench1234', rows)) console.log(`${r.figure}：${r.value!.toFixed(0)} ms${r.goal ? `（目标 ${r.goal.text}：${r.goal.met ? '达标' : '未达标'}）` : ''}`);
  } finally {
    await app.core.jobs.close();
    await app.store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('import.ts')) void main();
