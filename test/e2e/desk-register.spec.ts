/** Registering at 1366×768: 「添加一行」 copies only what its hint says, cash amounts only on cash, every missing field at once, the case-unit rule. */
import { test, expect, type Page } from '@playwright/test';
import { shot } from './support/helpers';
import { wedgeScan as scan } from './support/wedge';
import { api, apiData, btn, signIn } from './support/desk';

type Item = { id: number; code: string; name: string; category: string; spec: string | null; features: string | null; sealNo: string | null; ownerName: string | null; cashAmount: number | null; flags: string[]; holdingAgencyName: string; status: string; quantity: number; unit: string };
type Case = { id: number; caseNo: string };

const stamp = String(Date.now()).slice(-6);

async function pick(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(option);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}
/** An InputNumber by test id (antd puts the id on the input or on its wrapper). */
const num = (page: Page, id: string) => page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();
const noPageScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
/** The element is inside the 1366×768 window (no scrolling needed to see it). */
async function inView(page: Page, testId: string) {
  const box = (await page.getByTestId(testId).boundingBox())!;
  expect(box.y + box.height, `${testId} 应在首屏内`).toBeLessThanOrEqual(768);
  expect(box.x + box.width, `${testId} 应在首屏内`).toBeLessThanOrEqual(1366);
}

test('办案人员登记：空表单一次标出全部必填项；「添加一行」只沿用类别、单位、来源和持有人；现金金额只在现金行', async ({ page }) => {
  const caseNo = `滨公刑〔2026〕R${stamp}号`;
  await signIn(page, 'ga_bar');
  await page.getByRole('menuitem', { name: '登记财物' }).click();

  await test.step('空表单提交：案件、文书编号和第 1 行名称同时标出', async () => {
    await page.getByTestId('register-submit').click();
    await expect(page.getByText('请选择案件')).toBeVisible();
    await expect(page.getByText('请填写文书编号')).toBeVisible();
    await expect(page.getByTestId('row-0-name')).toHaveClass(/ant-input-status-error/);
    await expect(page.getByTestId('row-errors')).toContainText('第 1 行：请填写物品名称');
    await shot(page, 'desk-register-empty-errors');
  });

  await test.step('新建案件不遮挡文书编号', async () => {
    const create = (await page.getByRole('button', { name: btn('新建案件') }).boundingBox())!;
    const doc = (await page.getByTestId('seizure-doc-no').boundingBox())!;
    const overlaps = create.x < doc.x + doc.width && doc.x < create.x + create.width && create.y < doc.y + doc.height && doc.y < create.y + create.height;
    expect(overlaps).toBe(false);
    await page.getByRole('button', { name: btn('新建案件') }).click();
    await page.getByTestId('new-case-no').fill(caseNo);
    await page.getByTestId('new-case-name').fill('E2E 登记案');
    await page.getByRole('dialog').getByRole('button', { name: btn('创建') }).click();
    await expect(page.getByTestId('case-picker')).toContainText(caseNo);
    await page.getByTestId('seizure-doc-no').fill(`滨公扣〔2026〕R${stamp}号`);
  });

  await test.step('三行不同类别：现金、贵重物品、电子设备', async () => {
    await page.getByTestId('row-0-name').fill('人民币现金');
    await pick(page, 'row-0-category', '现金');
    await num(page, 'row-0-cashAmount').fill('5000');
    await page.getByTestId('row-0-unit').fill('沓');
    await page.getByTestId('row-0-spec').fill('百元券');
    await page.getByTestId('row-0-features').fill('用橡皮筋捆扎');
    await page.getByTestId('row-0-sealNo').fill(`FQ-${stamp}`);
    await page.getByTestId('row-0-ownerName').fill('张三');
    await page.getByTestId('row-0-ownerIdNo').fill('371602199001011234');
    await expect(page.getByTestId('row-0-amount')).toHaveText('¥5,000.00');

    await page.getByTestId('add-row').click();
    // The new row keeps category, unit, source and owner; nothing else.
    await expect(page.getByTestId('row-1-name')).toBeFocused();
    await expect(page.getByTestId('row-1-category')).toContainText('现金');
    await expect(page.getByTestId('row-1-unit')).toHaveValue('沓');
    await expect(page.getByTestId('row-1-ownerName')).toHaveValue('张三');
    await expect(page.getByTestId('row-1-ownerIdNo')).toHaveValue('371602199001011234');
    await expect(page.getByTestId('row-1-spec')).toHaveValue('');
    await expect(page.getByTestId('row-1-features')).toHaveValue('');
    await expect(page.getByTestId('row-1-sealNo')).toHaveValue('');
    await expect(num(page, 'row-1-cashAmount')).toHaveValue('');
    await page.getByTestId('row-1-name').fill('足金项链');
    await pick(page, 'row-1-category', '贵重物品');
    // Leaving the cash category removes the cash amount field.
    await expect(page.getByTestId('row-1-cashAmount')).toHaveCount(0);
    await page.getByTestId('row-1-unit').fill('条');

    // Ctrl+Enter adds the third row (keyboard path).
    await page.getByTestId('row-1-name').press('Control+Enter');
    await expect(page.getByTestId('row-2-name')).toBeFocused();
    await expect(page.getByTestId('row-2-category')).toContainText('贵重物品');
    await page.getByTestId('row-2-name').fill('联想笔记本电脑');
    // Enter moves from the name to the category, then on into the side panel.
    await page.getByTestId('row-2-name').press('Enter');
    await expect(page.getByTestId('row-2-category').locator('input')).toBeFocused();
    await pick(page, 'row-2-category', '电子设备');
    await page.getByTestId('row-2-unit').fill('台');
    await page.getByTestId('row-2-spec').fill('ThinkPad X1');
    await expect(page.getByTestId('row-2-amount')).toHaveText('1 台');
    for (const id of ['row-2-ownerName', 'row-2-ownerIdNo', 'row-2-sealNo', 'row-2-flags', 'register-submit']) await inView(page, id);
    await noPageScroll(page);
    await shot(page, 'desk-register-three-rows');
  });

  await test.step('登记后经接口核对：只有现金行有金额和现金标记', async () => {
    await page.getByTestId('register-submit').click();
    await expect(page.getByTestId('registered-items').locator('tbody tr.ant-table-row')).toHaveCount(3);
    await expect(page.getByTestId('registered-items')).toContainText('¥5,000.00');
    await shot(page, 'desk-register-done');
    const kase = (await apiData<{ rows: Case[] }>(page, 'case.list', { q: caseNo })).rows[0]!;
    const items = (await apiData<{ rows: Item[] }>(page, 'item.list', { caseId: kase.id, limit: 10 })).rows.sort((a, b) => a.id - b.id);
    expect(items.map((i) => [i.name, i.category])).toEqual([['人民币现金', 'cash'], ['足金项链', 'valuables'], ['联想笔记本电脑', 'electronics']]);
    const [cash, gold, laptop] = items as [Item, Item, Item];
    expect(cash.cashAmount).toBe(5000);
    expect(cash.flags).toContain('cash');
    expect([cash.spec, cash.sealNo, cash.ownerName]).toEqual(['百元券', `FQ-${stamp}`, '张三']);
    for (const it of [gold, laptop]) {
      const full = await apiData<Item>(page, 'item.get', { id: it.id });
      expect(full.cashAmount).toBeNull();
      expect(full.flags).not.toContain('cash');
      expect(full.sealNo).toBeNull();
      expect(full.features).toBeNull();
      expect(full.ownerName).toBe('张三');
    }
    expect(gold.spec).toBeNull();
    expect(laptop.spec).toBe('ThinkPad X1');

    // The server refuses a cash amount on a non-cash item, in Chinese.
    const refused = await api(page, 'item.register', {
      caseId: kase.id,
      seizureDocNo: `滨公扣〔2026〕X${stamp}号`,
      seizedAt: new Date(Date.now() - 60_000).toISOString(),
      seizedBy: '李办案',
      items: [{ name: '金手镯', category: 'valuables', quantity: 1, unit: '只', source: 'seized', cashAmount: 5000, flags: [] }],
    });
    expect(refused.body.ok).toBe(false);
    expect(refused.body.error?.message).toContain('只有现金类物品可以填写现金金额');
  });

  await test.step('物品查询与物品页：现金显示金额', async () => {
    await page.getByRole('menuitem', { name: '物品查询' }).click();
    await page.getByTestId('item-search').fill(caseNo);
    await expect(page.getByTestId('item-total')).toHaveText(/^共 3 件/);
    await expect(page.getByTestId('item-table')).toContainText('¥5,000.00');
    await page.locator('[role=row]', { hasText: '人民币现金' }).locator('a').first().click();
    await expect(page.getByTestId('item-code')).toBeVisible();
    await expect(page.getByTestId('item-qty')).toHaveText('¥5,000.00');
  });
});

test('保管员代办案单位登记：先选案件单位，只列该单位的案件，不能新建；公安办案人员之后可申请调用', async ({ page }) => {
  const caseNo = `滨公刑〔2026〕C${stamp}号`;
  await signIn(page, 'ga_bar');
  const kase = await apiData<Case>(page, 'case.create', { caseNo, name: 'E2E 代登记案' });

  await signIn(page, 'zx_bgy');
  await page.getByRole('menuitem', { name: '登记财物' }).click();
  await expect(page.getByRole('button', { name: btn('新建案件') })).toHaveCount(0);
  await expect(page.getByTestId('case-picker')).toHaveClass(/ant-select-disabled/);
  // Only case-handling units are offered (not the centre, not the inspectors).
  await page.getByTestId('case-unit').click();
  const units = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await expect(units).toHaveText(['滨州市公安局', '滨州市人民检察院', '滨州市中级人民法院']);
  await units.filter({ hasText: '滨州市公安局' }).click();
  await page.getByTestId('case-picker').click();
  await page.keyboard.type(`C${stamp}`);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: caseNo }).click();
  await page.getByTestId('seizure-doc-no').fill(`滨公扣〔2026〕C${stamp}号`);
  await page.getByTestId('row-0-name').fill('蓝色登山包');
  await page.getByTestId('row-0-unit').fill('个');
  await noPageScroll(page);
  await shot(page, 'desk-register-custodian');
  await page.getByTestId('register-submit').click();
  const table = page.getByTestId('registered-items');
  await expect(table.locator('tbody tr.ant-table-row')).toHaveCount(1);
  const code = (await table.locator('tbody tr.ant-table-row td:first-child a').innerText()).trim();
  const item = await apiData<Item>(page, 'item.byCode', { code });
  expect(item.holdingAgencyName).toBe('滨州市公安局');
  expect(item.status).toBe('REGISTERED');
  // Setup: the custodian receives it into the store.
  await apiData(page, 'intake.receive', { counterpart: { name: '李办案', idNo: '061234' }, items: [{ code }] });
  expect(kase.id).toBeGreaterThan(0);

  await signIn(page, 'ga_bar');
  await page.getByRole('menuitem', { name: '申请调用' }).click();
  await expect(page.getByTestId('loan-item-scan')).toBeVisible();
  await scan(page, code);
  await expect(page.locator('tr', { hasText: code })).toBeVisible();
  const due = new Date(Date.now() + 3 * 86400_000 + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
  const dueInput = page.locator('[data-testid=loan-due] input, input[data-testid=loan-due]').first();
  await dueInput.click();
  await dueInput.fill(due);
  await dueInput.press('Enter');
  await page.getByTestId('loan-reason').fill('鉴定');
  await page.getByTestId('loan-submit').click();
  await expect(page.getByTestId('loan-created')).toContainText(/DY-\d{4}-\d{6}/);
  expect((await apiData<Item>(page, 'item.byCode', { code })).holdingAgencyName).toBe('滨州市公安局');
});
