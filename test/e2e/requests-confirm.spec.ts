/**
 * Issue 7 item 2 and 7: an irreversible execution never runs from Enter. A 处置·销毁 of 16 items at 1366×768 keeps its
 * action bar and scan result in view; Enter in 「实际执行日期」 only opens a confirmation listing what will happen
 * (checked through the API: nothing changed), Enter again cancels it (focus starts on 取消), and only the dialog's
 * button executes. The same for a 发还 with a single item.
 */
import { test, expect, type Page } from '@playwright/test';
import { shot } from './support/helpers';
import { api, scanBurst, signIn } from './support/api';
import type { ItemDto } from '../../shared/api/item.contract';
import { seedItems, STAMP } from './requests-seed';

/** Opens the approved request as the custodian and scans every item. */
async function openAndScan(page: Page, id: number, items: ItemDto[]): Promise<void> {
  await signIn(page, 'zx_bgy');
  await page.goto(`/#/requests/${id}`);
  await expect(page.getByTestId('execute-panel')).toBeVisible();
  await page.waitForLoadState('networkidle');
  for (const i of items) {
    await scanBurst(page, i.code);
    await expect(page.getByTestId(`state-${i.code}`)).toContainText('已扫描');
  }
  await expect(page.getByTestId('scan-progress')).toHaveText(`已扫 ${items.length} / ${items.length}`);
}

/** The element is entirely inside the 1366×768 window (no scrolling needed to see it). */
async function expectInView(page: Page, testId: string, top = 48): Promise<void> {
  const box = await page.getByTestId(testId).boundingBox();
  expect(box, testId).not.toBeNull();
  expect(box!.y, `${testId} top`).toBeGreaterThanOrEqual(top);
  expect(box!.y + box!.height, `${testId} bottom`).toBeLessThanOrEqual(768);
}

test('处置·销毁 of 16 items: Enter in the date opens a confirmation, nothing is executed until its button is pressed', async ({ page }) => {
  test.setTimeout(240_000);
  const items = await seedItems(page, '确认销毁', 16);
  await signIn(page, 'ga_bar');
  const req = await api(page, 'request.create', { kind: 'disposition', itemIds: items.map((i) => i.id), reason: '作案工具，判决没收销毁', legalBasis: `判决书 (2026)鲁16刑初${STAMP}号`, method: 'destroy' });
  await signIn(page, 'ga_sp');
  await api(page, 'request.decide', { id: req.id, approve: true });

  await openAndScan(page, req.id, items);
  await page.getByTestId('w1-username').fill('zx_bgy2');
  await page.getByTestId('w1-password').fill('Demo1234');
  await page.getByTestId('w2-username').fill('jw_jd');
  await page.getByTestId('w2-password').fill('Demo1234');
  // Header, sider and the action bar stay put at 1366×768 with 16 items and two witnesses.
  await expect(page.getByTestId('scan-complete')).toBeVisible();
  for (const id of ['execute-submit', 'scan-progress', 'scan-complete', 'exec-scan']) await expectInView(page, id);
  await expectInView(page, 'current-user', -1);
  await shot(page, 'req-01-dispose-16-items-ready');
  // Scrolling the page moves only the content: the header and the action bar stay where they are.
  await page.getByTestId('app-content').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect.poll(() => page.getByTestId('app-content').evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  await expectInView(page, 'current-user', -1);
  await expectInView(page, 'execute-submit');
  await page.getByTestId('app-content').evaluate((el) => el.scrollTo(0, 0));

  const before = await Promise.all(items.map((i) => api(page, 'item.get', { id: i.id })));
  expect(before.every((i) => i.status !== 'DESTROYED')).toBe(true);
  const date = page.getByLabel('实际执行日期（提交后不可更改）');
  await date.click();
  await date.press('Enter');
  const dialog = page.getByTestId('confirm-irreversible');
  await expect(dialog).toBeVisible();
  await expect(page.getByRole('dialog')).toContainText(`确认执行处置·销毁：${req.requestNo}`);
  await expect(page.getByTestId('confirm-fact-类型')).toHaveText('处置·销毁');
  await expect(page.getByTestId('confirm-fact-申请单号')).toHaveText(req.requestNo);
  await expect(page.getByTestId('confirm-fact-实际执行日期')).toContainText('年');
  await expect(page.getByTestId('confirm-fact-见证人')).toContainText('zx_bgy2');
  await expect(page.getByTestId('confirm-fact-见证人')).toContainText('jw_jd');
  await expect(page.getByTestId('confirm-fact-执行人')).toHaveText('王保管');
  for (const i of items) await expect(page.getByTestId('confirm-items')).toContainText(i.code);
  await shot(page, 'req-02-dispose-confirmation');

  // Nothing has happened yet.
  expect((await api(page, 'request.get', { id: req.id })).status).toBe('approved');
  expect(await Promise.all(items.map((i) => api(page, 'item.get', { id: i.id })))).toEqual(before);

  // Enter again lands on 取消: the dialog closes and still nothing is executed.
  await expect(page.getByTestId('confirm-cancel')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  expect((await api(page, 'request.get', { id: req.id })).status).toBe('approved');

  // The button opens the same confirmation; its confirm button executes.
  await page.getByTestId('execute-submit').click();
  await expect(dialog).toBeVisible();
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('request-status')).toHaveText('已完成');
  for (const i of items) expect((await api(page, 'item.get', { id: i.id })).status).toBe('DESTROYED');
});

test('发还: Enter in the date field does not return the item; the confirmation names the claimant', async ({ page }) => {
  test.setTimeout(180_000);
  const [item] = await seedItems(page, '确认发还', 1);
  await signIn(page, 'ga_bar');
  const req = await api(page, 'request.create', {
    kind: 'return',
    itemIds: [item!.id],
    reason: '经查系被害人合法财产',
    legalBasis: `发还决定书 滨公发〔2026〕${STAMP}号`,
    claimant: { name: '张三', idType: 'resident_id', idNo: '371602198001011234' },
  });
  await signIn(page, 'ga_sp');
  await api(page, 'request.decide', { id: req.id, approve: true });

  await openAndScan(page, req.id, [item!]);
  const before = await api(page, 'item.get', { id: item!.id });
  await page.getByTestId('claimant-id-check').fill('371602198001011234');
  await page.getByLabel('实际执行日期（提交后不可更改）').click();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('confirm-irreversible')).toBeVisible();
  await expect(page.getByTestId('confirm-fact-领取人')).toContainText('张三');
  await expect(page.getByTestId('confirm-items')).toContainText(item!.code);
  expect(await api(page, 'item.get', { id: item!.id })).toEqual(before);
  expect((await api(page, 'request.get', { id: req.id })).status).toBe('approved');
  await shot(page, 'req-03-return-confirmation');

  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('request-status')).toHaveText('已完成');
  expect((await api(page, 'item.get', { id: item!.id })).status).toBe('RETURNED');
});
