/** The custodian's day through the UI at 1366×768: register → labels → intake → put-away → loan → search → item page → unknown scan. */
import { test, expect, type Page } from '@playwright/test';
import { shot } from './support/helpers';
import { advanceServerClock, serverClockOffset } from './support/clock';
import { wedgeScan as scan } from './support/wedge';
import { api, apiData, btn, decodePdfBarcodes, downloadFromDialog, pdfText, signIn } from './support/desk';

type Item = { id: number; code: string; name: string; status: string; locationCode: string | null };
type Ev = { seq: number; type: string };

const stamp = String(Date.now()).slice(-6);
const CASE_NO = `滨公刑〔2026〕E${stamp}号`;
const NAMES = ['黑色华为手机', '足金手镯', '联想笔记本电脑', '工商银行卡', '蓝色登山包'];
const SHELF = 'WH-A-Z1-S02';
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

async function pick(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  if (testId.endsWith('-category')) await page.keyboard.type(option); // the category list is searchable (and longer than its dropdown)
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}
const noPageScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);

test('保管员的一天：登记、标签、入库、上架、调用、查询、流转记录、未知编码', async ({ page }) => {
  test.setTimeout(300_000);
  let codes: string[] = [];
  let items: Item[] = [];

  await test.step('办案人员登记一份扣押清单（5 件）', async () => {
    await signIn(page, 'ga_bar');
    await page.getByRole('menuitem', { name: '登记财物' }).click();
    await page.getByRole('button', { name: btn('新建案件') }).click();
    await page.getByTestId('new-case-no').fill(CASE_NO);
    await page.getByTestId('new-case-name').fill('E2E 盗窃案');
    await page.getByRole('dialog').getByRole('button', { name: btn('创建') }).click();
    await expect(page.getByTestId('case-picker')).toContainText(CASE_NO);
    await page.getByTestId('seizure-doc-no').fill(`滨公扣〔2026〕${stamp}号`);
    for (let i = 0; i < NAMES.length; i++) {
      if (i > 0) await page.getByTestId('add-row').click();
      await page.getByTestId(`row-${i}-name`).fill(NAMES[i]!);
      await page.getByTestId(`row-${i}-ownerName`).fill('张三');
    }
    // Enter moves to the next cell (keyboard-only entry).
    await page.getByTestId('row-0-name').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('row-0-category').locator('input')).toBeFocused();
    await pick(page, 'row-1-category', '贵重物品');
    await page.getByTestId('row-1-sealNo').fill('FQ-0001');
    await noPageScroll(page);
    await shot(page, 'desk-01-register-form');
    await page.getByTestId('register-submit').click();
    const table = page.getByTestId('registered-items');
    await expect(table.locator('tbody tr.ant-table-row')).toHaveCount(5);
    codes = (await table.locator('tbody tr.ant-table-row td:first-child a').allInnerTexts()).map((s) => s.trim());
    expect(codes).toHaveLength(5);
    // A photo from a file (the webcam path uses the same photo.add).
    await table.locator('tbody tr.ant-table-row').first().getByRole('button', { name: /添加照片/ }).click();
    await page.getByTestId('photo-file').setInputFiles({ name: 'p.png', mimeType: 'image/png', buffer: Buffer.from(PNG_1PX, 'base64') });
    await expect(page.getByRole('dialog').getByRole('img', { name: /^照片 \d+$/ })).toHaveCount(1);
    await shot(page, 'desk-02-register-done');
    await page.keyboard.press('Escape');
  });

  await test.step('保管员打印标签：PDF 解码出每件物品的编码', async () => {
    await signIn(page, 'zx_bgy');
    await page.getByRole('menuitem', { name: '物品查询' }).click();
    await page.getByTestId('item-search').fill(CASE_NO);
    await expect(page.getByTestId('item-total')).toHaveText(/^共 5 件/);
    for (const c of codes) await expect(page.locator(`[role=row][data-code="${c}"]`)).toBeVisible();
    await expect(async () => {
      await page.getByTestId('item-table').getByLabel('全选已加载的行').click();
      await expect(page.getByTestId('item-total')).toContainText('已选 5 件', { timeout: 1000 });
    }).toPass({ timeout: 10_000 });
    await page.getByTestId('print-labels').click();
    await expect(page.getByRole('dialog')).toContainText('60×40');
    await shot(page, 'desk-03-label-dialog');
    const pdf = await downloadFromDialog(page, 'labels.pdf');
    const decoded = decodePdfBarcodes(pdf);
    for (const c of codes) expect(decoded).toContain(c);
  });

  await test.step('入库查验：4 件接收（贵重物品双人见证），1 件拒收；入库回执', async () => {
    await page.getByRole('menuitem', { name: '入库查验' }).click();
    await page.getByTestId('giver-name').fill('李警官');
    await page.getByTestId('giver-id').fill('JH3716001');
    for (const c of codes) await scan(page, c);
    await expect(page.getByTestId('intake-lines').locator('tbody tr.ant-table-row')).toHaveCount(5);
    await expect(page.getByTestId('giver-id')).toHaveValue('JH3716001'); // bursts never reach the focused field
    const refused = codes[4]!;
    const row = page.getByTestId('intake-lines').locator('tr', { hasText: refused });
    await row.getByText('拒收').click();
    await page.getByTestId(`reason-${refused}`).fill('包装破损，与清单不符');
    await page.getByTestId(`condition-${codes[0]}`).fill('外包装完好');
    await page.getByTestId('witness-user').fill('zx_bgy2');
    await page.getByTestId('witness-password').fill('Demo1234');
    await shot(page, 'desk-04-intake');
    await page.getByTestId('intake-submit').click();
    await expect(page.getByText('本次入库 4 件，拒收退回 1 件')).toBeVisible();
    await page.getByRole('button', { name: '打印入库回执' }).click();
    const pdf = await downloadFromDialog(page, 'intake-receipt.pdf');
    const text = pdfText(pdf);
    for (const c of codes.slice(0, 4)) expect(text).toContain(c);
    expect(text).not.toContain(refused);
    expect(text).toContain('移交人');
    expect(text).toContain('保管员');
    items = await Promise.all(codes.map((code) => apiData<Item>(page, 'item.byCode', { code })));
    expect(items.map((i) => i.status)).toEqual(['IN_STORE', 'IN_STORE', 'IN_STORE', 'IN_STORE', 'REGISTERED']);
  });

  await test.step('上架：扫描库位，再逐件扫描物品；撤销一件后重扫', async () => {
    await page.getByRole('menuitem', { name: '上架/移位' }).click();
    await expect(page.getByTestId('current-location')).toBeVisible();
    await scan(page, SHELF);
    await expect(page.getByTestId('current-location')).toContainText(SHELF);
    for (const c of codes.slice(0, 4)) await scan(page, c);
    const rows = page.getByTestId('putaway-rows').locator('tbody tr.ant-table-row');
    await expect(rows).toHaveCount(4);
    await rows.filter({ hasText: codes[3]! }).getByRole('button', { name: /撤销/ }).click();
    // Undoing asks first and lists what will happen.
    const confirm = page.getByTestId('confirm-irreversible');
    await expect(confirm).toContainText(codes[3]!);
    await expect(confirm).toContainText('未上架');
    await expect(confirm).toContainText('更正');
    await expect(page.locator('.ant-modal[class*=zoom]')).toHaveCount(0); // opening animation done
    await shot(page, 'desk-05a-putaway-undo-confirm');
    await page.getByTestId('confirm-ok').click();
    await expect(rows.filter({ hasText: codes[3]! })).toContainText('已撤销');
    await scan(page, codes[3]!);
    await expect(rows).toHaveCount(5);
    await shot(page, 'desk-05-putaway');
    for (const c of codes.slice(0, 4)) expect((await apiData<Item>(page, 'item.byCode', { code: c })).locationCode).toBe(SHELF);
  });

  const loanCode = codes[0]!;
  let requestNo = '';
  let dueAt = 0;
  await test.step('调用：办案人员申请（归还期限设为约 1–2 分钟后，随后拨快服务器时钟）', async () => {
    await signIn(page, 'ga_bar');
    // Dispatch enforces the role: a case officer cannot check an item out.
    const denied = await api(page, 'request.execute', { id: 1, scannedCodes: [loanCode] });
    expect(denied.status).toBe(403);
    expect(denied.body.error?.code).toBe('FORBIDDEN');
    await page.getByRole('menuitem', { name: '申请调用' }).click();
    await expect(page.getByTestId('loan-item-scan')).toBeVisible();
    await scan(page, loanCode);
    await expect(page.locator('tr', { hasText: loanCode })).toBeVisible();
    const due = new Date(Math.ceil((Date.now() + serverClockOffset() + 60_000) / 60_000) * 60_000);
    dueAt = due.getTime();
    const local = new Date(dueAt + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
    const dueInput = page.locator('[data-testid=loan-due] input, input[data-testid=loan-due]').first();
    await dueInput.click();
    await dueInput.fill(local);
    await dueInput.press('Enter');
    await page.getByTestId('loan-reason').fill('送司法鉴定中心鉴定');
    await page.getByTestId('loan-submit').click();
    await expect(page.getByTestId('loan-created')).toBeVisible();
    requestNo = (await page.getByTestId('loan-created').innerText()).match(/DY-\d{4}-\d{6}/)![0];
    await shot(page, 'desk-06-loan-request');
  });

  await test.step('审批人批准', async () => {
    await signIn(page, 'ga_sp');
    await page.getByRole('menuitem', { name: '调用审批' }).click();
    await expect(page.getByTestId(`approve-${requestNo}`)).toBeVisible();
    await shot(page, 'desk-07-loan-approval');
    await page.getByTestId(`approve-${requestNo}`).click();
    await expect(page.getByTestId(`approve-${requestNo}`)).toHaveCount(0);
  });

  await test.step('保管员扫描出库，调用单打印', async () => {
    await signIn(page, 'zx_bgy');
    // The item list marks an item that is in an open request.
    await page.getByRole('menuitem', { name: '物品查询' }).click();
    await page.getByTestId('item-search').fill(loanCode);
    await expect(page.getByTestId(`open-request-${loanCode}`)).toBeVisible();
    await page.getByRole('menuitem', { name: '调用出入库' }).click();
    await expect(page.getByTestId('checkout-scan')).toBeVisible();
    // The approved loans waiting to go out are listed, each with its button.
    const waiting = page.getByTestId('approved-loans').locator('tr', { hasText: requestNo });
    await expect(waiting).toContainText('李办案');
    await expect(waiting).toContainText(NAMES[0]!);
    await expect(page.getByTestId(`checkout-${requestNo}`)).toBeVisible();
    await shot(page, 'desk-08a-loan-desk-list');
    await scan(page, requestNo);
    await expect(page.getByTestId('loan-request')).toContainText(requestNo);
    await scan(page, loanCode);
    await expect(page.locator('tr', { hasText: loanCode })).toContainText('已扫描');
    await page.getByTestId('condition-out').fill('完好，封签完整');
    await shot(page, 'desk-08-loan-checkout');
    await page.getByTestId('checkout-submit').click();
    await expect(page.getByTestId('approved-loans')).not.toContainText(requestNo);
    await page.getByRole('button', { name: '打印调用单' }).click();
    const text = pdfText(await downloadFromDialog(page, 'loan-form.pdf'));
    expect(text).toContain(requestNo);
    expect((await apiData<Item>(page, 'item.byCode', { code: loanCode })).status).toBe('ON_LOAN');
  });

  await test.step('逾期：到期后出现在逾期未还列表', async () => {
    // The server's clock moves past the due time; the test does not wait for it.
    advanceServerClock(dueAt + 3000 - (Date.now() + serverClockOffset()));
    await page.getByRole('tab', { name: '逾期未还' }).click();
    const row = page.getByTestId('overdue-table').locator('tr', { hasText: requestNo });
    await expect(row).toBeVisible();
    await expect(row).toContainText('1 天');
    await shot(page, 'desk-09-loan-overdue');
  });

  await test.step('扫描归还，记录损坏', async () => {
    await page.getByRole('tab', { name: '调用归还' }).click();
    await expect(page.getByTestId('checkin-scan')).toBeVisible();
    await scan(page, loanCode);
    await pick(page, `return-condition-${loanCode}`, '损坏');
    await page.getByTestId(`return-note-${loanCode}`).fill('外壳裂痕');
    await shot(page, 'desk-10-loan-checkin');
    await page.getByTestId('checkin-submit').click();
    await expect(page.getByText(/已归还 1 件/)).toBeVisible();
    const back = await apiData<Item>(page, 'item.byCode', { code: loanCode });
    expect(back.status).toBe('IN_STORE');
    expect(back.locationCode).toBe(SHELF);
  });

  await test.step('查询：按名称的中文片段找到物品', async () => {
    await page.getByRole('menuitem', { name: '物品查询' }).click();
    await page.getByTestId('item-search').fill('华为手');
    await expect(page.locator(`[role=row][data-code="${loanCode}"]`)).toBeVisible();
    await noPageScroll(page);
    await shot(page, 'desk-11-search');
  });

  await test.step('在查询框获得焦点时扫描：打开物品页，扫描内容不进入输入框', async () => {
    await page.getByTestId('item-search').focus();
    await scan(page, loanCode);
    await expect(page).toHaveURL(new RegExp(`#/items/${items[0]!.id}$`));
    await expect(page.getByTestId('item-code')).toHaveText(loanCode);
  });

  await test.step('物品页按顺序显示全部流转记录', async () => {
    const events = await apiData<Ev[]>(page, 'item.timeline', { id: items[0]!.id });
    // The timeline loads after the item itself: wait for every event before reading the order.
    await expect(page.getByTestId('timeline').locator('[data-event]')).toHaveCount(events.length);
    const shown = await page.getByTestId('timeline').locator('[data-event]').evaluateAll((els) => els.map((e) => e.getAttribute('data-event')));
    expect(shown).toEqual([...events].sort((a, b) => b.seq - a.seq).map((e) => e.type));
    const order = ['REGISTERED', 'PHOTOGRAPHED', 'LABEL_PRINTED', 'RECEIVED', 'STORED', 'LOAN_REQUESTED', 'LOAN_APPROVED', 'CHECKED_OUT', 'CHECKED_IN'];
    const asc = [...shown].reverse();
    let at = -1;
    for (const t of order) {
      const i = asc.indexOf(t, at + 1);
      expect(i, `${t} 应在前一事件之后`).toBeGreaterThan(at);
      at = i;
    }
    await expect(page.getByTestId('item-location')).toContainText(SHELF);
    // Nothing moved means no 「A → A」 (e.g. 中心 → 中心).
    const cells = await page.getByTestId('timeline').locator('td').allInnerTexts();
    expect(cells.filter((c) => /^(.+) → \1$/.test(c.trim()))).toEqual([]);
    await noPageScroll(page);
    await shot(page, 'desk-12-item-page');
  });

  await test.step('未知编码：提示并发出声音，不写入任何记录', async () => {
    await page.getByRole('menuitem', { name: '首页' }).click();
    await expect(page.getByTestId('greeting')).toBeVisible();
    const before = await apiData<{ seq: number }>(page, 'ledger.head');
    await scan(page, 'XX-NOT-A-CODE-42');
    await expect(page.getByText('未识别的编码「XX-NOT-A-CODE-42」')).toBeVisible();
    // The header keeps the refused code after the toast has gone.
    await expect(page.getByTestId('scan-status')).toContainText('XX-NOT-A-CODE-42');
    // The toast fades in from opacity 0 (which still counts as visible): wait until it is opaque so the screenshot shows it.
    await expect(page.locator('.ant-message-notice', { hasText: '未识别的编码「XX-NOT-A-CODE-42」' })).toHaveCSS('opacity', '1');
    await shot(page, 'desk-13-unknown-scan');
    const after = await apiData<{ seq: number }>(page, 'ledger.head');
    expect(after.seq).toBe(before.seq);
    await expect(page).toHaveURL(/#\/$/);
  });
});
