/** 物品查询 at more than 1000 items: the total is estimated (「约 … 件」「1000+ 件」) and pages load by cursor as you scroll or press 「加载更多」. */
import { expect, test } from '@playwright/test';
import { api, signIn } from './support/api';
import { shot } from './support/helpers';

test('物品查询：超过 1000 件时显示估计总数，滚动或按「加载更多」按游标翻页', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, 'ga_bar');
  const kase = await api(page, 'case.create', { caseNo: `A371600${Date.now()}`, name: '光盘批量扣押案' });
  const codes: string[] = [];
  for (let batch = 0; batch < 3; batch++) {
    const items = await api(page, 'item.register', {
      caseId: kase.id, seizureDocNo: '滨公扣字〔2026〕900号', seizedAt: new Date(Date.now() - 3600_000).toISOString(), seizedBy: '李办案',
      items: Array.from({ length: 400 }, (_, k) => ({ name: `盗版光盘${batch * 400 + k}`, category: 'general' as const, quantity: 1, unit: '张', source: 'seized' as const })),
    });
    codes.push(...items.map((i) => i.code));
  }

  await signIn(page, 'zx_bgy');
  await page.getByRole('menuitem', { name: '物品查询' }).click();
  const total = page.getByTestId('item-total');
  await expect(total).toHaveText(/^约 [\d,]+ 件$/);
  await expect(page.locator(`[role=row][data-code="${codes[codes.length - 1]}"]`)).toBeVisible();
  await shot(page, 'items-01-estimated-total');

  // A search with more than 1000 hits: a lower bound, not a count of every hit.
  await page.getByTestId('item-search').fill('光盘');
  await expect(total).toHaveText('1,000+ 件');
  await shot(page, 'items-02-search-lower-bound');

  // Scrolling to the end loads the next page (200 rows a page); from the keyboard, End in the focused list does it.
  const grid = page.getByTestId('item-scroll');
  await grid.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(page.locator(`[role=row][data-code="${codes[codes.length - 201]}"]`)).toBeAttached();
  await grid.focus();
  await expect(async () => {
    await page.keyboard.press('End');
    await expect(page.locator(`[role=row][data-code="${codes[0]}"]`)).toBeAttached({ timeout: 500 });
  }).toPass({ timeout: 30_000 });
  // The end of the list: no loader row is left, and the rows shown are each there once.
  await expect(page.getByTestId('load-more-row')).toHaveCount(0);
  const shown = await page.getByTestId('item-table').locator('[role=row][data-code]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
  expect(new Set(shown).size).toBe(shown.length);
  await shot(page, 'items-03-loaded-to-the-end');
});

test('案件与申请单列表：按游标翻页，「下一页」「上一页」可用键盘操作', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, 'ga_bar');
  const stamp = Date.now();
  for (let k = 0; k < 55; k++) await api(page, 'case.create', { caseNo: `A37160${stamp}${String(k).padStart(2, '0')}`, name: `翻页测试案${k}` });
  await page.getByRole('menuitem', { name: '案件' }).click();
  const total = page.getByTestId('list-total');
  await expect(total).toHaveText(/^共 [\d,]+ 条，第 1 页$/);
  const table = page.getByTestId('case-table');
  await expect(table.getByRole('link', { name: `A37160${stamp}54` })).toBeVisible();
  const next = page.getByTestId('cursor-pager').getByRole('button', { name: /下一页/ });
  await next.focus();
  await page.keyboard.press('Enter');
  await expect(total).toContainText('第 2 页');
  await expect(table.getByRole('link', { name: `A37160${stamp}04` })).toBeAttached();
  await expect(table.getByRole('link', { name: `A37160${stamp}54` })).toHaveCount(0);
  await shot(page, 'cases-01-second-page');
  await page.getByTestId('cursor-pager').getByRole('button', { name: /上一页/ }).click();
  await expect(total).toContainText('第 1 页');
  await expect(table.getByRole('link', { name: `A37160${stamp}54` })).toBeVisible();

  await page.getByRole('menuitem', { name: '申请单' }).click();
  await expect(page.getByTestId('list-total')).toHaveText(/^共 [\d,]+ 条，第 1 页$/);
  await shot(page, 'requests-01-list-total');
});

test('首页时限预警：由预警索引给出，超过 24 小时未入库的物品列在最前', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, 'ga_bar');
  const kase = await api(page, 'case.create', { caseNo: `A371600${Date.now()}`, name: '逾期入库案' });
  const [late] = await api(page, 'item.register', {
    caseId: kase.id, seizureDocNo: '滨公扣字〔2026〕901号', seizedAt: new Date(Date.now() - 26 * 3600_000).toISOString(), seizedBy: '李办案',
    items: [{ name: '逾期未入库的手机', category: 'electronics', quantity: 1, unit: '部', source: 'seized' }],
  });
  await signIn(page, 'zx_bgy');
  const widget = page.getByTestId('alerts-widget');
  await expect(widget.getByText(`${late!.code}「逾期未入库的手机」`)).toBeVisible();
  await expect(widget).toContainText('已超过 24 小时入库时限');
  await shot(page, 'home-01-alerts');
});
