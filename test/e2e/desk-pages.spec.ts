/** Desk screens at 1366×768: the loan desk's list of approved loans (or its empty state), the item page with its timeline in view. */
import { test, expect } from '@playwright/test';
import { shot } from './support/helpers';
import { apiData, signIn } from './support/desk';

const stamp = String(Date.now()).slice(-6);

test('调用出入库：已批准待出库的调用单以列表显示，没有时显示空状态', async ({ page }) => {
  await signIn(page, 'zx_bgy');
  const waiting = await apiData<{ total: { n: number }; rows: Array<{ requestNo: string }> }>(page, 'request.list', { kind: 'loan', status: ['approved'], limit: 50 });
  await page.getByRole('menuitem', { name: '调用出入库' }).click();
  await expect(page.getByTestId('approved-count')).toContainText(`（${waiting.total.n} 张）`);
  const list = page.getByTestId('approved-loans');
  if (waiting.total.n === 0) await expect(list).toContainText('目前没有已批准、待出库的调用申请');
  else for (const r of waiting.rows) await expect(page.getByTestId(`checkout-${r.requestNo}`)).toBeVisible();
  await shot(page, 'desk-loan-desk');
});

test('物品页：关键信息与流转记录不需滚动即可看到；现金显示金额；文书编号完整；非图片文件有中文提示', async ({ page }) => {
  await signIn(page, 'ga_bar');
  const docNo = `滨公扣〔2026〕第P${stamp}号`;
  const kase = await apiData<{ id: number }>(page, 'case.create', { caseNo: `滨公刑〔2026〕P${stamp}号`, name: 'E2E 物品页案' });
  const [cash] = await apiData<Array<{ id: number; code: string }>>(page, 'item.register', {
    caseId: kase.id,
    seizureDocNo: docNo,
    seizedAt: new Date(Date.now() - 60_000).toISOString(),
    seizedBy: '李办案',
    items: [{ name: '人民币现金', category: 'cash', quantity: 1, unit: '沓', cashAmount: 12345, source: 'seized', flags: [] }],
  });
  await signIn(page, 'zx_bgy');
  await apiData(page, 'intake.receive', { counterpart: { name: '李办案', idNo: '061234' }, items: [{ code: cash!.code }], witness: { username: 'zx_bgy2', password: 'Demo1234' } });
  await page.goto(`/#/items/${cash!.id}`);
  await expect(page.getByTestId('item-qty')).toHaveText('¥12,345.00');
  const firstEvent = page.getByTestId('timeline').locator('[data-event]').first();
  await expect(firstEvent).toBeVisible();
  const box = (await firstEvent.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(768);
  // Nothing moved between agencies at intake: no 「A → A」.
  const cells = await page.getByTestId('timeline').locator('td').allInnerTexts();
  expect(cells.filter((c) => /^(.+) → \1$/.test(c.trim()))).toEqual([]);
  await shot(page, 'desk-item-page');
  await page.getByRole('tab', { name: '全部信息' }).click();
  await expect(page.getByTestId('item-fields')).toContainText(docNo);
  await expect(page.getByTestId('item-fields')).toContainText('¥12,345.00');
  await page.getByRole('tab', { name: '照片' }).click();
  await page.getByTestId('photo-file').setInputFiles({ name: '清单.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image') });
  await expect(page.getByTestId('photo-type-error')).toHaveText('「清单.txt」不是照片文件，只能选择 JPG、PNG 或 WebP 格式的图片');
  await shot(page, 'desk-item-page-photo-error');
});
