/**
 * 拆分与部分发还 through the UI at 1366×768: the custodian splits 4 phones off a lot of 10 on the item page and prints
 * the new item's label (decoded with zbarimg); the case officer then asks to return 2 of the remaining 6 with
 * 「部分」 on the return form; the part gets its own code, is approved and handed back; the lot keeps 4. The lot then
 * leaves with its case (随案移送) and the procuratorate records its destruction on the item page.
 */
import { test, expect } from '@playwright/test';
import { shot } from './support/helpers';
import { api, signIn } from './support/api';
import { decodePdfBarcodes, downloadFromDialog } from './support/desk';

const stamp = String(Date.now()).slice(-6);

test('保管员拆分一批手机并打印新标签，办案人员部分发还', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  // Setup through the API: a police case with a lot of 10 phones, received and shelved.
  await signIn(page, 'ga_bar');
  const caseNo = `滨公刑〔2026〕S${stamp}号`;
  const kase = await api(page, 'case.create', { caseNo, name: '批量手机案' });
  const [lot] = await api(page, 'item.register', {
    caseId: kase.id,
    seizureDocNo: `滨公扣〔2026〕S${stamp}号`,
    seizedAt: new Date(Date.now() - 3600_000).toISOString(),
    seizedBy: '李办案',
    items: [{ name: '华为手机', category: 'electronics', quantity: 10, unit: '部', source: 'seized', ownerName: '张三', estimatedValue: 20000 }],
  });
  await signIn(page, 'zx_bgy');
  await api(page, 'intake.receive', { counterpart: { name: '李办案', idNo: '061234' }, items: [{ itemId: lot!.id, conditionNote: '完好' }] });
  await api(page, 'putaway.scan', { locationCode: 'WH-A-Z1-S01', itemCode: lot!.code });

  const part1 = `${lot!.code}-1`;
  const part2 = `${lot!.code}-2`;
  await test.step('物品页「拆分」：拆出 4 部，合计不对时提示', async () => {
    await page.goto(`/#/items/${lot!.id}`);
    await expect(page.getByTestId('item-qty')).toHaveText('10 部');
    await page.getByTestId('btn-split').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('split-part-0').fill('12');
    await expect(dialog.getByTestId('split-left')).toContainText('须小于现有 10 部');
    await dialog.getByTestId('split-part-0').fill('4');
    await expect(dialog.getByTestId('split-left')).toContainText('原物品余 6 部');
    await shot(page, 'lot-split-01-form');
    await dialog.getByTestId('split-submit').click();
    await expect(dialog.getByTestId('split-result')).toContainText(part1);
    await expect(page.getByTestId('item-qty')).toHaveText('6 部');
    await shot(page, 'lot-split-02-done');
  });

  await test.step('打印新物品标签：条码可被 zbarimg 识别', async () => {
    await page.getByTestId('split-print').click();
    const pdf = await downloadFromDialog(page, `lot-split-labels-${stamp}.pdf`);
    const codes = decodePdfBarcodes(pdf);
    expect(codes.some((c) => c === part1 || c.includes(`|${part1}|`))).toBe(true);
    expect(codes.every((c) => !c.includes(`|${lot!.code}|`) && c !== lot!.code)).toBe(true);
    await page.keyboard.press('Escape');
  });

  await test.step('新物品的流转记录指向原物品', async () => {
    const found = await api(page, 'item.byCode', { code: part1 });
    await page.goto(`/#/items/${found.id}`);
    await expect(page.getByTestId('item-qty')).toHaveText('4 部');
    await expect(page.getByText(`由 ${lot!.code}（华为手机）拆出 4部`)).toBeVisible();
  });

  await test.step('办案人员申请发还：勾选「部分」，只发还 2 部', async () => {
    await signIn(page, 'ga_bar');
    await page.goto(`/#/new-request?kind=return&caseId=${kase.id}`);
    await expect(page.getByTestId('case-preselect')).toContainText('共 2 件物品');
    // Only the lot is returned in part: remove the 4 split off before.
    const fields = page.getByTestId('partial-fields');
    await fields.getByTestId(`partial-${lot!.code}`).getByRole('checkbox').check();
    await page.getByTestId(`partial-qty-${lot!.code}`).fill('2');
    await page.getByRole('button', { name: `移除 ${part1}` }).click();
    await page.getByTestId('f-claimant-name').fill('张三');
    await page.getByTestId('f-claimant-id-no').fill('371602198001011234');
    await page.getByTestId('f-legal-basis').fill(`滨公（刑）还字〔2026〕S${stamp}号`);
    await page.getByTestId('f-reason').fill('经查与案件无关，发还两部');
    await shot(page, 'lot-split-03-partial-form');
    await page.getByTestId('submit-request').click();
    await expect(page.getByTestId('request-no')).toBeVisible();
    await expect(page.getByTestId('request-items')).toContainText(part2);
    await expect(page.getByTestId('request-items')).not.toContainText(part1);
    await shot(page, 'lot-split-04-request');
  });

  await test.step('审批、执行后：2 部已发还，原物品余 4 部', async () => {
    const id = Number(page.url().match(/requests\/(\d+)/)![1]);
    await signIn(page, 'ga_sp');
    await api(page, 'request.decide', { id, approve: true });
    await signIn(page, 'zx_bgy');
    await api(page, 'request.execute', { id, scannedCodes: [part2] });
    expect(await api(page, 'item.byCode', { code: part2 })).toMatchObject({ status: 'RETURNED', quantity: 2 });
    await page.goto(`/#/items/${lot!.id}`);
    await expect(page.getByTestId('item-qty')).toHaveText('4 部');
    await expect(page.locator('[data-event="SPLIT"]')).toHaveCount(2);
    await shot(page, 'lot-split-05-lot');
  });

  await test.step('随案移送到检察院后，检察院登记其去向（销毁）', async () => {
    await signIn(page, 'ga_bar');
    const jc = (await api(page, 'agency.list', {})).find((a) => a.code === '371600JC')!;
    const r = await api(page, 'request.create', { kind: 'transfer', mode: 'physical', receiveIntoCentre: false, itemIds: [lot!.id], reason: '随案移送', legalBasis: `滨公诉字〔2026〕S${stamp}号`, toAgencyId: jc.id });
    await signIn(page, 'ga_sp');
    await api(page, 'request.decide', { id: r.id, approve: true });
    await signIn(page, 'zx_bgy');
    await api(page, 'request.execute', { id: r.id, scannedCodes: [lot!.code], counterpart: { name: '钱检察', idNo: 'JC2001' } });
    await signIn(page, 'jc_sp');
    await api(page, 'request.accept', { id: r.id, accept: true });
    await signIn(page, 'jc_bar');
    await page.goto(`/#/items/${lot!.id}`);
    await page.getByTestId('btn-away').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('销毁', { exact: true }).click();
    await dialog.getByTestId('away-doc-no').fill(`滨检销字〔2026〕S${stamp}号`);
    await shot(page, 'lot-split-06-away');
    await dialog.getByRole('button', { name: /登\s*记/ }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('item-location')).toHaveText('未上架');
    await expect(page.locator('[data-event="DESTROYED"]')).toHaveCount(1);
    expect(await api(page, 'item.get', { id: lot!.id })).toMatchObject({ status: 'DESTROYED' });
  });
});
