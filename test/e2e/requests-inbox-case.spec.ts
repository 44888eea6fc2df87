/**
 * Issue 7 items 6 and 9: the receiving approver's 待办事项 opens on the first tab with work (待本单位接收, not the empty
 * 待我审批) and shows every tab's count; the case page starts a whole-case 移送 with every eligible item preselected,
 * and the picker marks, before choosing, items in an open request and items the agency does not hold.
 */
import { test, expect } from '@playwright/test';
import { shot } from './support/helpers';
import { api, signIn } from './support/api';
import { paperTransfer, seedItems, STAMP } from './requests-seed';

test('待办事项 opens on the first tab that has work, with counts on the tabs', async ({ page }) => {
  test.setTimeout(180_000);
  const items = await seedItems(page, '待办', 2);
  const no = await paperTransfer(page, items.map((i) => i.id), '滨州市人民检察院', false);

  await signIn(page, 'jc_sp');
  const counts = await api(page, 'inbox.counts', {});
  expect(counts.accept).toBeGreaterThanOrEqual(1);
  expect(counts.approve, 'precondition: the procuratorate approver has nothing to approve').toBe(0);
  await page.getByRole('menuitem', { name: /待办事项/ }).click();
  await expect(page.getByTestId('inbox-table').getByRole('link', { name: no })).toBeVisible();
  // Tabs in their order with their counts; the active one is the first whose count is not zero.
  const tabs = page.locator('[data-testid^="box-"]:not([data-testid^="box-count"])');
  const boxes = (await tabs.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice(4)))) as Array<keyof typeof counts>;
  expect(boxes.slice(0, 2)).toEqual(['approve', 'accept']);
  for (const b of boxes) await expect(page.getByTestId(`box-${b}`)).toContainText(String(counts[b]));
  expect(boxes.find((b) => counts[b] > 0)).toBe('accept');
  await expect(page.locator('.ant-tabs-tab-active')).toContainText('待本单位接收');
  await expect(page).toHaveURL(/#\/inbox$/);
  await shot(page, 'req-04-inbox-opens-on-work');

  // A chosen tab stays chosen.
  await page.getByTestId('box-approve').click();
  await expect(page.locator('.ant-tabs-tab-active')).toContainText('待我审批');
  await expect(page).toHaveURL(/box=approve/);
});

test('the case page starts a whole-case 移送 with the eligible items preselected; the picker marks the others', async ({ page }) => {
  test.setTimeout(240_000);
  const items = await seedItems(page, '整案', 4);
  const [inLoan, moved, a, b] = items as [(typeof items)[number], (typeof items)[number], (typeof items)[number], (typeof items)[number]];
  await paperTransfer(page, [moved.id], '滨州市人民检察院', true);
  await signIn(page, 'ga_bar');
  const loan = await api(page, 'request.create', { kind: 'loan', itemIds: [inLoan.id], purpose: 'appraisal', dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(), reason: '送鉴定' });

  await page.goto(`/#/cases/${a.caseId}`);
  await expect(page.getByTestId('case-groups')).toContainText(loan.requestNo); // the item list marks the open request
  await page.getByTestId('whole-case-request').click();
  await expect(page.getByRole('menuitem', { name: '申请处置' })).toBeVisible();
  await shot(page, 'req-05a-case-page-whole-case-menu');
  await page.getByRole('menuitem', { name: '申请移送' }).click();
  await expect(page.getByTestId('page-title')).toHaveText('申请移送');
  await expect(page.getByTestId('picked-count')).toHaveText('已选物品 2 件');
  const picked = page.getByTestId('picked-items');
  for (const it of [a, b]) await expect(picked).toContainText(it.code);
  for (const it of [inLoan, moved]) await expect(picked).not.toContainText(it.code);
  const note = page.getByTestId('case-preselect');
  await expect(note).toContainText('共 4 件物品，已预选可移送的 2 件');
  await expect(note).toContainText('1 件在未完结申请中');
  await expect(note).toContainText('1 件非本单位保管');
  // Before choosing: the picker lists the case's items and says why two cannot be chosen (no 加入 button for them).
  await expect(page.getByTestId(`pick-state-${inLoan.code}`)).toHaveText('在申请中');
  await expect(page.getByTestId(`pick-state-${moved.code}`)).toHaveText('非本单位保管');
  await expect(page.getByRole('button', { name: `加入 ${inLoan.code}` })).toHaveCount(0);
  await expect(page.getByRole('button', { name: `加入 ${moved.code}` })).toHaveCount(0);
  await page.getByTestId(`pick-state-${inLoan.code}`).hover();
  await expect(page.getByRole('tooltip')).toContainText(loan.requestNo);
  await shot(page, 'req-05b-whole-case-preselected');

  // Switching the kind keeps the case and preselects again.
  await page.getByTestId('kind-switch').getByText('发还').click();
  await expect(page.getByTestId('page-title')).toHaveText('申请发还');
  await expect(page.getByTestId('picked-count')).toHaveText('已选物品 2 件');
  await page.getByTestId('kind-switch').getByText('移送').click();
  await expect(page.getByTestId('picked-count')).toHaveText('已选物品 2 件');

  await page.getByTestId('f-to-agency').click();
  await page.locator('.ant-select-item-option', { hasText: '滨州市中级人民法院' }).first().click();
  await page.getByLabel('权属移交、实物不动').check();
  await page.getByTestId('f-legal-basis').fill(`起诉意见书 滨公诉字〔2026〕${STAMP}号`);
  await page.getByTestId('f-reason').fill('整案移送');
  await page.getByRole('button', { name: '提交申请' }).click();
  await expect(page.getByTestId('request-status')).toHaveText('待审批');
  const id = Number(page.url().split('/').pop());
  const created = await api(page, 'request.get', { id });
  expect(created.items.map((i) => i.code).sort()).toEqual([a.code, b.code].sort());
});
