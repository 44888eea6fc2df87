/**
 * 盘点 through the UI at 1366×768: the custodian opens a blind count of a shelf, scans with keyboard-wedge bursts
 * (a duplicate, an item recorded on another shelf, an unknown code; one item is missing), closes the count, resolves
 * every discrepancy (the police approver agrees to the loss) and prints the 盘点表 + 差异报告.
 */
import { test, expect } from '@playwright/test';
import { shot } from './support/helpers';
import { wedgeScan as scan } from './support/wedge';
import { api, signIn } from './support/api';
import { btn, decodePdfBarcodes, downloadFromDialog, pdfText } from './support/desk';

const stamp = String(Date.now()).slice(-6);

test('保管员盲盘一个货架：重复、账外、未知编码、盘亏，结束后逐项处理并打印差异报告', async ({ page }) => {
  test.setTimeout(240_000);
  const shelf = `PD-${stamp}-A`;
  const other = `PD-${stamp}-B`;
  const unknown = `ZZ-${stamp}-404`;

  // Setup through the API: two fresh shelves (admin), four police items; three on the counted shelf, one on the other.
  await signIn(page, 'admin');
  const zone = (await api(page, 'location.list', {})).find((l) => l.code === 'WH-A-Z1')!;
  await api(page, 'location.save', { code: shelf, name: `盘点演示架 ${stamp}`, kind: 'shelf', parentId: zone.id });
  await api(page, 'location.save', { code: other, name: `相邻货架 ${stamp}`, kind: 'shelf', parentId: zone.id });
  await signIn(page, 'ga_bar');
  const kase = await api(page, 'case.create', { caseNo: `滨公刑〔2026〕P${stamp}号`, name: '盘点演示案' });
  const items = await api(page, 'item.register', {
    caseId: kase.id,
    seizureDocNo: `滨公扣〔2026〕P${stamp}号`,
    seizedAt: new Date(Date.now() - 3600_000).toISOString(),
    seizedBy: '李办案',
    items: ['黑色手机', '金色手表', '棕色钱包', '单反相机'].map((name) => ({ name, category: 'general' as const, quantity: 1, unit: '件', source: 'seized' as const })),
  });
  const [phone, watch, wallet, camera] = items as [(typeof items)[0], (typeof items)[0], (typeof items)[0], (typeof items)[0]];
  await signIn(page, 'zx_bgy');
  await api(page, 'intake.receive', { counterpart: { name: '李办案', idNo: '061234' }, items: items.map((i) => ({ itemId: i.id, conditionNote: '完好' })) });
  for (const it of [phone, watch, wallet]) await api(page, 'putaway.scan', { locationCode: shelf, itemCode: it.code });
  await api(page, 'putaway.scan', { locationCode: other, itemCode: camera.code });

  await test.step('首页提醒：本库尚无全库盘点', async () => {
    await page.goto('/');
    await expect(page.getByTestId('stocktake-warnings')).toContainText('「市中心库」尚无全库盘点记录');
    await shot(page, 'stocktake-00-home-warning');
  });

  await test.step('扫描货架标签，开始盲盘', async () => {
    await page.getByRole('menuitem', { name: '盘点' }).click();
    await page.getByTestId('stocktake-scope-scan').focus();
    await scan(page, shelf);
    await expect(page.getByTestId('stocktake-scope')).toHaveValue(shelf);
    await expect(page.getByTestId('stocktake-blind')).toBeChecked();
    await page.getByRole('button', { name: btn('开始盘点') }).click();
    await expect(page.getByText('已盘 0 / 应盘 3 件')).toBeVisible();
    await expect(page.getByText('账面清单')).toHaveCount(0); // blind: the expected list stays hidden
  });

  const feedback = page.getByTestId('stocktake-feedback');
  await test.step('连续扫描：每次扫描即时颜色反馈', async () => {
    await scan(page, phone.code);
    await expect(feedback).toHaveAttribute('data-result', 'FOUND');
    await scan(page, watch.code);
    await expect(page.getByText('已盘 2 / 应盘 3 件')).toBeVisible();
    await scan(page, watch.code);
    await expect(feedback).toHaveAttribute('data-result', 'DUPLICATE');
    await expect(feedback).toContainText('不重复计数');
    await shot(page, 'stocktake-01-duplicate');
    await scan(page, camera.code);
    await expect(feedback).toHaveAttribute('data-result', 'UNEXPECTED');
    await expect(feedback).toContainText(`相邻货架 ${stamp}`);
    await shot(page, 'stocktake-02-unexpected');
    await scan(page, unknown);
    await expect(feedback).toHaveAttribute('data-result', 'UNKNOWN');
    await expect(page.getByText('已盘 2 / 应盘 3 件，共扫描 5 次')).toBeVisible();
    await shot(page, 'stocktake-03-unknown');
  });

  await test.step('暂停后在“另一终端”继续（重新打开页面）', async () => {
    await page.getByRole('button', { name: btn('暂停') }).click();
    await expect(page.getByText('已暂停').first()).toBeVisible();
    await page.reload();
    await page.getByRole('button', { name: btn('继续盘点') }).click();
    await expect(page.getByText('盘点中').first()).toBeVisible();
    await expect(page.getByText('已盘 2 / 应盘 3 件')).toBeVisible();
  });

  await test.step('结束盘点，列出差异并逐项处理', async () => {
    await page.getByRole('button', { name: btn('结束盘点') }).click();
    await page.getByRole('dialog').getByRole('button', { name: btn('结束盘点') }).click();
    const table = page.getByTestId('discrepancies');
    await expect(table.locator('tbody tr.ant-table-row')).toHaveCount(3);
    await expect(table).toContainText(wallet.code);
    await expect(table).toContainText(camera.code);
    await expect(table).toContainText(unknown);
    await shot(page, 'stocktake-04-discrepancies');

    const resolve = async (code: string, note: string) => {
      await page.getByTestId(`resolve-${code}`).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('处理说明').fill(note);
      await dialog.getByRole('button', { name: /报请登记丢失|移入盘点库位|填写说明/ }).click();
      await expect(dialog).toBeHidden();
    };
    await resolve(camera.code, '实物在本架，按实盘移入');
    await resolve(unknown, '旧系统遗留标签，已撕除');
    await resolve(wallet.code, '全库查找未见');
    await expect(table.getByText('已处理')).toHaveCount(2);
    await expect(table.getByText('待审批')).toHaveCount(1);
    expect((await api(page, 'item.byCode', { code: camera.code })).locationCode).toBe(shelf);
  });

  await test.step('公安审批人同意登记丢失', async () => {
    await signIn(page, 'ga_sp');
    await page.getByRole('menuitem', { name: '盘亏审批' }).click();
    await expect(page.getByText(wallet.code)).toBeVisible();
    await shot(page, 'stocktake-05-loss-approval');
    await page.getByRole('button', { name: btn('同意登记丢失') }).click();
    await expect(page.getByText('没有待审批的盘亏')).toBeVisible();
  });

  await test.step('打印盘点表及差异报告：pdftotext 列出各项差异，二维码可识读', async () => {
    await signIn(page, 'zx_bgy');
    expect((await api(page, 'item.byCode', { code: wallet.code })).status).toBe('LOST');
    const count = (await api(page, 'stocktake.list', {}))[0]!;
    await page.goto(`/#/stocktake/${count.id}`);
    await expect(page.getByTestId('discrepancies').getByText('已处理')).toHaveCount(3);
    await shot(page, 'stocktake-06-resolved');
    await page.getByRole('button', { name: btn('打印盘点表及差异报告') }).click();
    const pdf = await downloadFromDialog(page, 'stocktake-report.pdf');
    const text = pdfText(pdf).replace(/[ \t]+/g, ' ');
    expect(text).toContain('涉案财物盘点表及差异报告');
    expect(text).toContain(count.countNo);
    for (const heading of ['盘亏（未找到）', '盘盈（登记在别处）', '未知编码', '重复扫描']) expect(text).toContain(heading);
    for (const code of [wallet.code, camera.code, unknown, watch.code]) expect(text).toContain(code);
    expect(text).toContain('全库查找未见');
    expect(text).toMatch(/第\s*1\s*页\s*共\s*\d+\s*页/);
    const codes = decodePdfBarcodes(pdf);
    expect(codes).toContain(count.countNo);
    // The events-hash QR covers this count's 5 ledger events: COUNTED ×3 (phone, watch, camera), MOVED (camera), LOST_REPORTED (wallet).
    expect(codes.find((c) => c.startsWith('LEDGER|PD-'))).toMatch(/^LEDGER\|PD-[^|]+\|[0-9a-f]{16,}\|5$/);
    const verify = await api(page, 'stocktake.get', { id: count.id });
    expect(verify.discrepancies.every((d) => d.status === 'RESOLVED')).toBe(true);
  });
});
