/**
 * Long prints run as background jobs with a progress bar: 300 labels from the item list, then the inspector's full
 * ledger check; the files arrive as before (download) and other requests are answered meanwhile.
 */
import { execFileSync } from 'node:child_process';
import { test, expect } from '@playwright/test';
import { shot, saveDownload } from './support/helpers';
import { apiData, btn, signIn } from './support/desk';

const stamp = String(Date.now()).slice(-6);
const CASE_NO = `滨公刑〔2026〕J${stamp}号`;
const N = 300;

test('300 labels and a full ledger check run as jobs with a progress bar', async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, 'ga_bar');
  const kase = await apiData<{ id: number }>(page, 'case.create', { caseNo: CASE_NO, name: '批量标签测试案' });
  await apiData(page, 'item.register', {
    caseId: kase.id, seizureDocNo: `滨公扣〔2026〕J${stamp}号`, seizedAt: new Date(Date.now() - 3600_000).toISOString(), seizedBy: '李办案',
    items: Array.from({ length: N }, (_, i) => ({ name: `电动自行车${i + 1}`, category: 'vehicle', quantity: 1, unit: '辆', source: 'seized' })),
  });

  await signIn(page, 'zx_bgy');
  await page.getByRole('menuitem', { name: '物品查询' }).click();
  await page.getByTestId('item-search').fill(CASE_NO);
  await expect(page.getByTestId('item-total')).toHaveText(new RegExp(`^共 ${N} 件`));
  // The table loads the pages it shows: scroll through it once, then select every loaded row.
  const scroller = page.getByTestId('item-table').locator('div[style*="overflow: auto"]');
  for (let y = 0; y <= N * 40; y += 300) {
    await scroller.evaluate((el, top) => el.scrollTo(0, top), y);
    await page.waitForTimeout(60);
  }
  await expect(async () => {
    const box = page.getByTestId('item-table').getByLabel('全选已加载的行');
    if (!(await box.isChecked())) await box.click();
    await expect(page.getByTestId('item-total')).toContainText(`已选 ${N} 件`, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await page.getByTestId('print-labels').click();
  const dialog = page.getByRole('dialog');
  const downloaded = page.waitForEvent('download', { timeout: 120_000 });
  await dialog.getByRole('button', { name: btn('下载 PDF') }).click();
  // The job reports how many labels are drawn.
  await expect(dialog.getByTestId('job-progress')).toBeVisible();
  await expect(dialog.getByTestId('job-progress')).toContainText('正在生成 PDF');
  await expect(dialog.getByTestId('job-progress').locator('.ant-progress-indicator')).toHaveText(/^\d+%$/, { timeout: 60_000 }); // a known total: percent shown
  await shot(page, 'jobs-01-label-progress');
  // Meanwhile the same terminal is answered at once.
  const t0 = Date.now();
  await apiData(page, 'auth.me', {});
  expect(Date.now() - t0).toBeLessThan(2000);
  const pdf = await saveDownload(await downloaded, 'jobs-labels-300.pdf');
  await expect(dialog.getByTestId('print-result')).toBeVisible();
  expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(new RegExp(`Pages:\\s+${N}\\b`));
  await page.keyboard.press('Escape');

  await signIn(page, 'jw_jd');
  await page.getByRole('menuitem', { name: '账本校验与审计' }).click();
  await expect(page.getByTestId('verify-verdict')).toHaveText(/账本完整/);
  await page.getByTestId('verify-full').click();
  await expect(page.getByTestId('verify-full')).toBeEnabled();
  await expect(page.getByTestId('verify-result')).toContainText('（自第 1 号起）');
  const head = await apiData<{ seq: number }>(page, 'ledger.head', {});
  await expect(page.getByTestId('verify-result')).toContainText(`${head.seq.toLocaleString('zh-CN')} 条`);
  await shot(page, 'jobs-02-ledger-full-check');
});
