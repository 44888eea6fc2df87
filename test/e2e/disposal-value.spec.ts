/**
 * Issue 11 part 3 in Chromium at 1366×768: after the judgment a car is sold (price, auction house, 成交确认书) and
 * its proceeds appear as a new cash item linked both ways; the seized cash is confiscated with a 国库缴款书 number;
 * the 处置记录 PDFs (pdftotext) show the price and the voucher; the case page totals the values.
 * Registration, intake, the stage moves and approvals are set-up steps through the API (other journeys cover them).
 */
import { expect, test, type Page } from '@playwright/test';
import { api, pdfText, scanBurst as scan, signIn } from './support/api';
import { saveDownload, shot } from './support/helpers';

const STAMP = Date.now().toString().slice(-6);
const CASE_NO = `滨公刑VAL${STAMP}号`;
const JUDGMENT = `(2026)鲁16刑初${STAMP}号`;

async function openRequestByScan(page: Page, requestNo: string): Promise<void> {
  await page.goto('/#/');
  await expect(page.getByTestId('current-user')).toBeVisible();
  await page.waitForLoadState('networkidle');
  await scan(page, requestNo);
  await expect(page.getByTestId('request-no')).toHaveText(requestNo);
}

async function scanItem(page: Page, code: string): Promise<void> {
  await scan(page, code);
  await expect(page.getByTestId(`state-${code}`)).toContainText('已扫描');
}

test('sell a car after the judgment (proceeds linked), confiscate the cash with a voucher, print both 处置记录', async ({ page }) => {
  test.setTimeout(240_000);
  // Set-up: a police case with a car and cash in store, taken to 执行 on a judgment.
  await signIn(page, 'ga_bar');
  const kase = await api(page, 'case.create', { caseNo: CASE_NO, name: '孙某诈骗案', cause: '诈骗' });
  const [car, cash] = await api(page, 'item.register', {
    caseId: kase.id, seizureDocNo: `滨公（刑）扣字〔2026〕${STAMP}号`, seizedAt: new Date(Date.now() - 3600_000).toISOString(), seizedBy: '李办案',
    items: [
      { name: '大众帕萨特轿车', category: 'vehicle', quantity: 1, unit: '辆', estimatedValue: 90000, source: 'seized' },
      { name: '现金', category: 'cash', quantity: 1, unit: '捆', cashAmount: 50000, source: 'seized' },
    ],
  });
  await signIn(page, 'zx_bgy');
  await api(page, 'intake.receive', { counterpart: { name: '李办案' }, items: [{ code: car!.code }, { code: cash!.code }], witness: { username: 'zx_bgy2', password: 'Demo1234' } });
  await signIn(page, 'ga_bar');
  const docDate = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const basis = `判决书 ${JUDGMENT}`;
  // Before the judgment a police confiscation is refused with a clear message.
  const res = await page.request.post('/api/request.create', {
    data: { kind: 'disposition', itemIds: [cash!.id], reason: '没收', legalBasis: basis, method: 'confiscate' },
    headers: { 'X-Seized-Client': '1' },
  });
  const early = (await res.json()) as { ok: boolean; error?: { message: string } };
  expect(early.error?.message).toContain('公安机关在侦查阶段不能没收上缴涉案财物');
  await api(page, 'case.changeStage', { caseId: kase.id, to: 'prosecution_review', docKind: '起诉意见书', docNo: `滨公诉字〔2026〕${STAMP}号`, docDate });
  await api(page, 'case.changeStage', { caseId: kase.id, to: 'trial', docKind: '起诉书', docNo: `滨检诉〔2026〕${STAMP}号`, docDate });
  await api(page, 'case.changeStage', { caseId: kase.id, to: 'execution', docKind: '判决书', docNo: JUDGMENT, docDate });

  // The officer asks for the sale on the form; the confiscation through the API.
  await page.goto('/#/new-request?kind=disposition');
  await expect(page.getByTestId('item-picker')).toBeVisible();
  await page.waitForLoadState('networkidle');
  await scan(page, car!.code);
  await expect(page.getByTestId('picked-count')).toHaveText('已选物品 1 件');
  await page.getByLabel('拍卖/变卖').check();
  await page.getByTestId('f-legal-basis').fill(basis);
  await page.getByTestId('f-reason').fill('判决生效，依法拍卖');
  await page.getByRole('button', { name: '提交申请' }).click();
  await expect(page.getByTestId('request-no')).toBeVisible();
  const saleNo = (await page.getByTestId('request-no').textContent())!.trim();
  const sale = (await api(page, 'request.list', { q: saleNo })).rows[0]!;
  const confiscation = await api(page, 'request.create', { kind: 'disposition', itemIds: [cash!.id], reason: '判决没收', legalBasis: basis, method: 'confiscate' });
  await signIn(page, 'ga_sp');
  await api(page, 'request.decide', { id: sale.id, approve: true });
  await api(page, 'request.decide', { id: confiscation.id, approve: true });

  await test.step('the custodian sells the car: price, auction house, 成交确认书; the proceeds appear, linked', async () => {
    await signIn(page, 'zx_bgy');
    await openRequestByScan(page, saleNo);
    await scanItem(page, car!.code);
    await page.getByTestId('sale-price').fill('86000');
    await page.getByTestId('sale-buyer').fill('滨州市公共资源拍卖有限公司');
    await page.getByTestId('sale-confirmation').fill(`拍成字〔2026〕${STAMP}号`);
    await page.getByTestId('w1-name').fill('拍卖师甲');
    await page.getByTestId('w2-name').fill('竞买人代表乙');
    await shot(page, 'value-01-sale-execute');
    await page.getByTestId('execute-submit').click();
    await expect(page.getByTestId('confirm-fact-成交价款')).toContainText('¥86,000.00');
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('request-status')).toHaveText('已完成');
    await expect(page.getByTestId('sale-price')).toHaveText('¥86,000.00');
    const link = page.getByTestId('proceeds-link');
    await expect(link).toBeVisible();
    const proceedsCode = (await link.textContent())!.trim();
    await shot(page, 'value-02-sale-done');
    await link.click();
    await expect(page.getByText(proceedsCode).first()).toBeVisible();
    await expect(page.getByText('存入专户').first()).toBeVisible();
    const proceeds = await api(page, 'item.byCode', { code: proceedsCode });
    expect(proceeds).toMatchObject({ caseId: kase.id, cashAmount: 86000, status: 'DEPOSITED', holdingAgencyName: '滨州市公安局' });
    const reg = (await api(page, 'item.timeline', { id: proceeds.id })).find((e) => e.type === 'REGISTERED')!;
    expect(reg.payload).toMatchObject({ saleOf: [{ itemId: car!.id, code: car!.code }] });
    const sold = (await api(page, 'item.timeline', { id: car!.id })).find((e) => e.type === 'SOLD')!;
    expect(sold.payload).toMatchObject({ proceedsCode });
  });

  await test.step('the custodian confiscates the cash with the 国库缴款书 number', async () => {
    await openRequestByScan(page, confiscation.requestNo);
    await scanItem(page, cash!.code);
    await page.getByTestId('receiving-unit').fill('滨州市财政局');
    await page.getByTestId('voucher-no-input').fill(`国库缴款书 No.${STAMP}`);
    await page.getByTestId('w1-username').fill('zx_bgy2');
    await page.getByTestId('w1-password').fill('Demo1234');
    await page.getByTestId('w2-username').fill('jw_jd');
    await page.getByTestId('w2-password').fill('Demo1234');
    await page.getByTestId('execute-submit').click();
    await expect(page.getByTestId('confirm-fact-上缴凭证/国库缴款书')).toContainText(STAMP);
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('request-status')).toHaveText('已完成');
    await expect(page.getByTestId('voucher-no')).toHaveText(`国库缴款书 No.${STAMP}`);
  });

  await test.step('the 处置记录 PDFs show the price and the voucher number', async () => {
    await page.goto(`/#/requests/${sale.id}`);
    const [dl1] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '打印处置记录' }).click()]);
    const saleText = pdfText(await saveDownload(dl1, 'value-sale-record.pdf'));
    for (const s of [saleNo, car!.code, '成交价款', '¥86,000.00', '滨州市公共资源拍卖有限公司', `拍成字〔2026〕${STAMP}号`, JUDGMENT]) expect(saleText).toContain(s);
    await page.goto(`/#/requests/${confiscation.id}`);
    const [dl2] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '打印处置记录' }).click()]);
    const confText = pdfText(await saveDownload(dl2, 'value-confiscation-record.pdf'));
    for (const s of [confiscation.requestNo, cash!.code, '没收上缴', '滨州市财政局', `国库缴款书 No.${STAMP}`]) expect(confText).toContain(s);
  });

  await test.step('the case page totals the values', async () => {
    await signIn(page, 'ga_bar');
    await page.goto(`/#/cases/${kase.id}`);
    await expect(page.getByTestId('case-values')).toBeVisible();
    await expect(page.getByTestId('value-sale')).toHaveText('¥86,000.00（1 笔）');
    await expect(page.getByTestId('value-confiscation')).toHaveText('¥50,000.00（1 笔）');
    await expect(page.getByTestId('value-records')).toContainText(`拍成字〔2026〕${STAMP}号`);
    await shot(page, 'value-03-case-page');
  });

  await test.step('the case is closed: the case page shows 处置到位率 100% (the proceeds are the car’s value, not more property)', async () => {
    await api(page, 'case.changeStage', { caseId: kase.id, to: 'closed', docKind: '结案报告', docNo: `滨公结字〔2026〕${STAMP}号`, docDate });
    await page.reload();
    await expect(page.getByTestId('case-disposal-count')).toHaveText('已处置或发还 2 / 2 件');
    await expect(page.getByTestId('case-disposal-rate')).toContainText('100.00%');
    await shot(page, 'value-04-case-closed');
  });

  await test.step('the ledger verifies', async () => {
    await signIn(page, 'jw_jd');
    expect((await api(page, 'ledger.verify', {})).ok).toBe(true);
  });
});
