/**
 * Issue 7 item 5: stale errors. A refused scan leaves a red tag in the header and a red toast (below the header, never
 * over it); the execution's success clears both; a tag left on one screen does not follow the user to another.
 */
import { test, expect, type Page } from '@playwright/test';
import { shot } from './support/helpers';
import { api, scanBurst, signIn } from './support/api';
import { seedItems, STAMP } from './requests-seed';

async function expectToastBelowHeader(page: Page): Promise<void> {
  const toast = page.locator('.ant-message-notice').first();
  await expect(toast).toBeVisible();
  // Once its slide-in animation is over, the toast sits below the 48 px header.
  await expect.poll(async () => (await toast.boundingBox())?.y ?? -1, { timeout: 3000 }).toBeGreaterThanOrEqual(48);
}

test('a success clears the red toasts and the header tag; the tag does not follow the user to another screen', async ({ page }) => {
  test.setTimeout(180_000);
  const [item] = await seedItems(page, '报错', 1);
  await signIn(page, 'ga_bar');
  const req = await api(page, 'request.create', {
    kind: 'return',
    itemIds: [item!.id],
    reason: '经查系被害人合法财产',
    legalBasis: `发还决定书 滨公发〔2026〕报错${STAMP}号`,
    claimant: { name: '李四', idType: 'resident_id', idNo: '371602198202021234' },
  });
  await signIn(page, 'ga_sp');
  await api(page, 'request.decide', { id: req.id, approve: true });

  await signIn(page, 'zx_bgy');
  await page.goto(`/#/requests/${req.id}`);
  await expect(page.getByTestId('execute-panel')).toBeVisible();
  await page.waitForLoadState('networkidle');
  await scanBurst(page, item!.code);
  await expect(page.getByTestId(`state-${item!.code}`)).toContainText('已扫描');
  await scanBurst(page, item!.code); // scanned twice: refused
  await expect(page.getByTestId('scan-status')).toContainText('重复扫描');
  await expect(page.locator('.ant-message-error')).toBeVisible();
  await expectToastBelowHeader(page);
  await shot(page, 'req-06-error-before-success');

  await page.getByTestId('claimant-id-check').fill('371602198202021234');
  await page.getByTestId('execute-submit').click();
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('request-status')).toHaveText('已完成');
  await expect(page.getByTestId('scan-status')).toHaveCount(0);
  await expect(page.locator('.ant-message-error')).toHaveCount(0);
  await expect(page.locator('.ant-message-success')).toContainText('已执行');

  // A refused scan on one screen; the user moves on: the tag stays behind.
  await scanBurst(page, `NOSUCH${STAMP}`);
  await expect(page.getByTestId('scan-status')).toBeVisible();
  await page.getByRole('menuitem', { name: /首页/ }).click();
  await expect(page).toHaveURL(/#\/$/);
  await expect(page.getByTestId('scan-status')).toHaveCount(0);
});
