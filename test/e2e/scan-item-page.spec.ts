/**
 * Issue 9: a scan opens the item page in one round trip. The scan's answer carries the item's details, its timeline
 * and its proposals, so the page asks nothing else; opening the item route directly takes one call (item.page).
 */
import { test, expect, type Page } from '@playwright/test';
import { apiData, signIn } from './support/desk';
import { wedgeScan } from './support/wedge';
import { shot } from './support/helpers';

const stamp = String(Date.now()).slice(-6);

/** Setup through the API (not under test): two registered items of one case. */
async function twoItems(page: Page): Promise<Array<{ id: number; code: string; name: string }>> {
  await signIn(page, 'ga_bar');
  const kase = await apiData<{ id: number }>(page, 'case.create', { caseNo: `滨公刑〔2026〕P${stamp}号`, name: 'E2E 一次往返案' });
  return apiData(page, 'item.register', {
    caseId: kase.id,
    seizureDocNo: `滨公扣〔2026〕P${stamp}号`,
    seizedAt: new Date(Date.now() - 60_000).toISOString(),
    seizedBy: '李办案',
    items: [
      { name: '银色笔记本电脑', category: 'electronics', quantity: 1, unit: '台', source: 'seized', flags: [] },
      { name: '黑色双肩包', category: 'general', quantity: 1, unit: '个', source: 'seized', flags: [] },
    ],
  });
}

/** The API methods the page calls, in order (the 30-second inbox poll aside: it does not follow navigation). */
function recordCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (r) => {
    const m = /\/api\/([^/?]+)$/.exec(new URL(r.url()).pathname);
    if (m && m[1] !== 'inbox.counts') calls.push(m[1]!);
  });
  return calls;
}

async function expectItemShown(page: Page, item: { id: number; code: string; name: string }) {
  await expect(page).toHaveURL(new RegExp(`#/items/${item.id}$`));
  await expect(page.getByTestId('item-code')).toHaveText(item.code);
  await expect(page.getByTestId('item-name')).toHaveText(item.name);
  await expect(page.getByTestId('timeline').locator('[data-event="REGISTERED"]')).toBeVisible();
  await expect(page.getByRole('tab', { name: /更正与遗失报告（0）/ })).toBeVisible();
  await page.waitForLoadState('networkidle');
}

test('扫描物品：一次请求打开物品页（详情、流转记录、更正报告），再扫下一件也只一次；直接打开物品页也只一次', async ({ page }) => {
  const [laptop, bag] = await twoItems(page);
  await signIn(page, 'zx_bgy');
  await page.waitForLoadState('networkidle');
  const calls = recordCalls(page);

  await wedgeScan(page, laptop!.code);
  await expectItemShown(page, laptop!);
  expect(calls, '从首页扫描').toEqual(['scan.resolve']);
  await shot(page, 'scan-item-page');

  calls.length = 0;
  await wedgeScan(page, bag!.code);
  await expectItemShown(page, bag!);
  expect(calls, '在物品页再扫下一件').toEqual(['scan.resolve']);

  // Opened by its address (a link, a reload): one call answers the whole page.
  calls.length = 0;
  await page.reload();
  await expectItemShown(page, bag!);
  expect(calls.filter((c) => c.startsWith('item.') || c === 'proposal.list'), '直接打开物品页').toEqual(['item.page']);

  // The refresh button reloads the whole page in one call too.
  calls.length = 0;
  await page.getByRole('button', { name: /刷\s*新/ }).click();
  await expect(page.getByTestId('item-code')).toHaveText(bag!.code);
  await page.waitForLoadState('networkidle');
  expect(calls).toEqual(['item.page']);
});
