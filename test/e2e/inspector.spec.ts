/** 监督员 jw_jd: the home dashboard with charts, drilling into one, a printed period report, and a supervision opinion that ga_sp answers. */
import { expect, test } from '@playwright/test';
import { api, pdfText, signIn } from './support/api';
import { saveDownload, shot } from './support/helpers';

test('an inspector reads the dashboard, prints a period report and runs a supervision opinion', async ({ page }) => {
  // Data: the police register four items (one of them cash, not yet handed over); the store receives three.
  await signIn(page, 'ga_bar');
  const kase = await api(page, 'case.create', { caseNo: `A371600INS${Date.now() % 100000}`, name: '孙某诈骗案' });
  const items = await api(page, 'item.register', {
    caseId: kase.id, seizureDocNo: '滨公（刑）扣字〔2026〕951号', seizedAt: new Date(Date.now() - 3600_000).toISOString(), seizedBy: '李办案',
    items: [
      { name: '白色手机', category: 'electronics', quantity: 1, unit: '部', estimatedValue: 3000, source: 'seized' },
      { name: '笔记本电脑', category: 'electronics', quantity: 1, unit: '台', estimatedValue: 6000, source: 'seized' },
      { name: '银行卡', category: 'document', quantity: 2, unit: '张', source: 'seized' },
      { name: '现金', category: 'cash', quantity: 1, unit: '捆', cashAmount: 20000, source: 'seized' },
    ],
  });
  await signIn(page, 'zx_bgy');
  await api(page, 'intake.receive', { counterpart: { name: '李办案', idNo: '061234' }, items: items.slice(0, 3).map((i) => ({ code: i.code })) });

  await signIn(page, 'jw_jd');
  const dash = page.getByTestId('dashboard');
  await expect(dash).toBeVisible();
  const statusChart = page.getByTestId('chart-status');
  await expect(statusChart.locator('canvas')).toHaveCount(1);
  await expect(page.getByTestId('chart-weekly').locator('canvas')).toHaveCount(1);
  const d = await api(page, 'report.dashboard', {});
  expect(d.byStatus.reduce((a, b) => a + b.count, 0)).toBeGreaterThan(0);
  await page.waitForTimeout(600); // the charts' entry animation
  await shot(page, 'inspector-01-dashboard');

  // Drill into the status chart: a click on the ring opens the item list filtered by that status.
  const box = (await statusChart.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2 + 55, box.y + box.height / 2);
  await expect(page).toHaveURL(/\/items/);
  const chosen = page.locator('.ant-select-selection-item').first();
  await expect(chosen).toBeVisible();
  // The select may also show an overflow tag (「+ N ...」): find the status among its tags.
  const shown = (await page.locator('.ant-select-selection-item').allInnerTexts()).map((t) => t.trim());
  const label = shown.find((t) => d.byStatus.some((s) => s.label === t)) ?? '';
  expect(label, shown.join(' | ')).not.toBe('');
  await expect(page.locator('.ant-tag', { hasText: label }).first()).toBeVisible();
  await shot(page, 'inspector-02-drill-items');

  // 统计报表 for this month, printed.
  await page.getByRole('menuitem', { name: '统计报表' }).click();
  await page.getByTestId('report-run').click();
  const figures = page.getByTestId('report-figures');
  await expect(figures).toContainText('入库（查验通过）');
  const receivedRow = figures.locator('tr', { hasText: '入库（查验通过）' });
  const received = (await receivedRow.locator('td').nth(1).innerText()).trim();
  expect(Number(received)).toBeGreaterThan(0);
  await shot(page, 'inspector-03-report');
  await page.getByTestId('report-print').click();
  const dialog = page.getByRole('dialog');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: /下\s*载/ }).click()]);
  const text = pdfText(await saveDownload(download, 'inspector-period-report.pdf'));
  expect(text).toContain('涉案财物统计报表');
  expect(text).toMatch(new RegExp(`入库（查验通过）\\s+${received}\\s`));
  expect(text).toMatch(/TJBB/);
  expect(text).toMatch(/第\s*1\s*页/);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // A supervision opinion against one of the police's items.
  const agencies = await api(page, 'agency.list', {});
  const ga = agencies.find((a) => a.name === '滨州市公安局')!;
  const [item] = (await api(page, 'item.list', { holdingAgencyId: ga.id, status: ['IN_STORE'], limit: 1 })).rows;
  await page.getByRole('menuitem', { name: '监督意见' }).click();
  await page.getByTestId('sv-target').fill(item!.code);
  await page.getByTestId('sv-finding').fill('调用归还后未及时重新封存');
  await page.getByTestId('sv-basis').fill('《人民检察院刑事诉讼规则》第五百五十二条');
  await page.getByTestId('sv-create').click();
  const table = page.getByTestId('sv-table');
  await expect(table).toContainText(item!.code);
  await expect(table.getByTestId('sv-status').first()).toHaveText('待整改');

  await signIn(page, 'ga_sp');
  await page.getByRole('menuitem', { name: '待办事项' }).click();
  await page.getByTestId('sv-inbox-notice').getByRole('link').click();
  await page.getByTestId('sv-answer').first().click();
  await page.getByTestId('sv-step-text').fill('已重新封存，封签号 FQ-2026-77');
  await page.getByTestId('sv-step-ok').click();
  await expect(page.getByTestId('sv-table').getByTestId('sv-status').first()).toHaveText('已回复待审查');

  await signIn(page, 'jw_jd');
  await page.getByRole('menuitem', { name: '监督意见' }).click();
  await page.getByTestId('sv-close').first().click();
  await page.getByTestId('sv-step-text').fill('整改到位');
  await page.getByTestId('sv-step-ok').click();
  await expect(page.getByTestId('sv-table').getByTestId('sv-status').first()).toHaveText('已办结');
  await expect(page.getByRole('dialog')).toBeHidden();
  await shot(page, 'inspector-04-supervision');
  const trail = await api(page, 'item.timeline', { id: item!.id });
  expect(trail.map((e) => e.type).slice(0, 3)).toEqual(['SUPERVISION_CLOSED', 'SUPERVISION_ANSWERED', 'SUPERVISION_ISSUED']);
});
