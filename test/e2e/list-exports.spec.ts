/**
 * Every list out to Excel: the requests list (with its status filter) and the home page's alerts, exported from the
 * UI as jobs with a progress bar; the downloaded .xlsx is opened with exceljs and checked against the lists' API.
 */
import { test, expect, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { saveDownload, shot } from './support/helpers';
import { api, signIn } from './support/api';
import { seedItems, STAMP } from './requests-seed';
import { advanceServerClock, serverClockOffset } from './support/clock';

async function rowsOf(path: string, sheet: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheet)!;
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const rows = [];
  for (let r = 2; r <= ws.rowCount; r++) rows.push(Object.fromEntries(header.map((h, i) => [h, ws.getRow(r).getCell(i + 1).value])));
  return { header, rows };
}

/** Clicks the export button and waits for the download; the job's bar ends at 100% with its row count. */
async function exportFrom(page: Page, testId: string, name: string): Promise<string> {
  const downloaded = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByTestId(testId).click();
  const path = await saveDownload(await downloaded, name);
  const bar = page.getByTestId(`${testId}-progress`);
  await expect(bar).toContainText('已导出');
  await expect(bar.locator('.ant-progress-indicator')).toHaveText('100%');
  return path;
}

test('exports the requests list and the alerts from the UI with progress; the workbooks hold the lists', async ({ page }) => {
  test.setTimeout(180_000);
  const items = await seedItems(page, 'EXP', 3);
  await signIn(page, 'ga_bar');
  const loan = await api(page, 'request.create', { kind: 'loan', itemIds: items.map((i) => i.id), reason: `导出测试${STAMP}`, purpose: 'appraisal', dueAt: new Date(Date.now() + 86_400_000).toISOString() });

  // 申请单: the filter on screen (待审批) is the export's filter.
  await page.getByRole('menuitem', { name: '申请单' }).click();
  await page.getByPlaceholder('申请单号或事由').fill(`导出测试${STAMP}`);
  // The list has applied the search (one row) before the export reads it.
  await expect(page.locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(1);
  const file = await exportFrom(page, 'export-xlsx', 'list-export-requests.xlsx');
  await shot(page, 'list-exports-01-requests');
  const req = await rowsOf(file, '申请单列表');
  expect(req.header.slice(0, 8)).toEqual(['申请单号', '类型', '方式', '状态', '案件编号', '案件名称', '申请单位', '接收单位']);
  expect(req.rows).toEqual([expect.objectContaining({ 申请单号: loan.requestNo, 类型: '调用', 状态: '待审批', 申请单位: '滨州市公安局', 物品件数: 3 })]);
  // Without the filter: every request ga_bar may see, as request.list counts them; none of another agency.
  await page.getByPlaceholder('申请单号或事由').fill('');
  const all = await rowsOf(await exportFrom(page, 'export-xlsx', 'list-export-requests-all.xlsx'), '申请单列表');
  const listed = await api(page, 'request.list', { limit: 500 });
  expect(all.rows.map((r) => r['申请单号'])).toEqual(listed.rows.map((r) => r.requestNo));
  expect(all.rows.every((r) => r['申请单位'] === '滨州市公安局' || r['接收单位'] === '滨州市公安局')).toBe(true);

  // 时限预警 on the home page (the custodian sees every agency's): an item not taken in 21 h after its seizure.
  const c = await api(page, 'case.create', { caseNo: `滨公刑EXA${STAMP}号`, name: '预警导出测试案' });
  const [late] = await api(page, 'item.register', {
    caseId: c.id, seizureDocNo: `滨公扣字〔2026〕EXA${STAMP}号`, seizedAt: new Date(Date.now() + serverClockOffset() - 3600_000).toISOString(), seizedBy: '李办案',
    items: [{ name: '未入库的手机', category: 'electronics', quantity: 1, unit: '部', source: 'seized', flags: [] }],
  });
  advanceServerClock(20 * 3600_000 + 60_000);
  await signIn(page, 'zx_bgy');
  await expect(page.getByTestId('alerts-widget')).toBeVisible();
  const alertsFile = await exportFrom(page, 'alerts-export', 'list-export-alerts.xlsx');
  await shot(page, 'list-exports-02-alerts');
  const al = await rowsOf(alertsFile, '时限预警');
  expect(al.header).toEqual(['预警类型', '级别', '物品编码', '案件编号', '申请单号', '说明', '起算时间']);
  const alerts = await api(page, 'alert.list', {});
  expect(al.rows.map((r) => r['说明'])).toEqual(alerts.alerts.map((a) => a.message));
  // Each kind lists at most limitPerKind alerts, oldest first: after the whole suite the store has more late intakes
  // than that, and this new one is then counted but not listed.
  const intake = al.rows.filter((r) => r['预警类型'] === '24 小时入库时限');
  expect(intake.length).toBe(Math.min(alerts.counts.intake, alerts.limitPerKind));
  if (alerts.counts.intake <= alerts.limitPerKind) expect(intake).toContainEqual(expect.objectContaining({ 物品编码: late!.code }));
});
