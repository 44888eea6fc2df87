/** 跨库调拨 through the UI at 1366×768: the centre's custodian scans goods out to the district store, whose custodian scans them in. */
import { test, expect } from '@playwright/test';
import { shot } from './support/helpers';
import { wedgeScan as scan } from './support/wedge';
import { api, signIn } from './support/api';
import { btn } from './support/desk';

const stamp = String(Date.now()).slice(-6);

test('市中心库调出两件物品，滨城分库逐件扫描入库', async ({ browser }) => {
  test.setTimeout(180_000);
  const centre = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const district = await browser.newPage({ viewport: { width: 1366, height: 768 } });

  // Setup through the API: two items registered by the police, received and shelved in the centre store.
  await signIn(centre, 'ga_bar');
  const kase = await api(centre, 'case.create', { caseNo: `滨公刑〔2026〕T${stamp}号`, name: '调拨演示案' });
  const items = await api(centre, 'item.register', {
    caseId: kase.id,
    seizureDocNo: `滨公扣〔2026〕T${stamp}号`,
    seizedAt: new Date(Date.now() - 3600_000).toISOString(),
    seizedBy: '李办案',
    items: [
      { name: '银色笔记本电脑', category: 'electronics', quantity: 1, unit: '台', source: 'seized' },
      { name: '黑色拉杆箱', category: 'general', quantity: 1, unit: '个', source: 'seized' },
    ],
  });
  await signIn(centre, 'zx_bgy');
  await api(centre, 'intake.receive', { counterpart: { name: '李办案', idNo: '061234' }, items: items.map((i) => ({ itemId: i.id, conditionNote: '完好' })) });
  for (const it of items) await api(centre, 'putaway.scan', { locationCode: 'WH-A-Z1-S01', itemCode: it.code });

  await test.step('中心库保管员选择调入库，逐件扫描，确认调出', async () => {
    await centre.getByRole('menuitem', { name: '跨库调拨' }).click();
    await expect(centre.getByText('本库：市中心库')).toBeVisible();
    await centre.getByTestId('to-store').click();
    await centre.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '滨城分库' }).click();
    await centre.getByLabel('押运人').fill('押运员甲');
    await centre.getByTestId('transfer-out-scan').focus();
    for (const it of items) await scan(centre, it.code);
    await scan(centre, items[0]!.code); // a duplicate scan is flagged, not counted twice
    await expect(centre.getByTestId('transfer-out-rows').locator('tbody tr.ant-table-row')).toHaveCount(2);
    await shot(centre, 'store-01-transfer-out');
    await centre.getByRole('button', { name: /确认调出（2 件）/ }).click();
    const dialog = centre.getByRole('dialog');
    await expect(dialog).toContainText('滨城分库');
    await expect(dialog.getByTestId('confirm-items')).toContainText(items[1]!.code);
    await dialog.getByRole('button', { name: /确认调出 2 件/ }).click();
    await expect(centre.getByRole('button', { name: /打印交接单 KD-/ })).toBeVisible();
    const moved = await api(centre, 'item.byCode', { code: items[0]!.code });
    expect(moved.outWith).toBe('调拨在途：滨城分库');
  });

  await test.step('滨城分库保管员打开在途调拨单，扫描库位，再逐件扫描入库', async () => {
    await signIn(district, 'bc_bgy');
    await district.getByRole('menuitem', { name: '跨库调拨' }).click();
    await district.getByRole('tab', { name: /调入/ }).click();
    await expect(district.getByRole('tab', { name: /在途 1/ })).toBeVisible();
    await district.getByRole('button', { name: btn('接收') }).first().click();
    await district.getByTestId('transfer-in-scan').focus();
    await scan(district, 'BC-A-Z1-S01');
    await expect(district.getByTestId('receive-location')).toContainText('BC-A-Z1-S01');
    for (const it of items) await scan(district, it.code);
    await expect(district.getByTestId('transfer-in-items').getByText('已入库')).toHaveCount(2);
    await expect(district.getByText('已接收 2/2 件')).toBeVisible();
    await shot(district, 'store-02-transfer-in');
    const arrived = await api(district, 'item.byCode', { code: items[1]!.code });
    expect(arrived).toMatchObject({ status: 'IN_STORE', locationCode: 'BC-A-Z1-S01' });
  });

  await test.step('中心库不再看到已调出物品的办理入口：扫描即提示已由分库保管', async () => {
    await centre.getByRole('menuitem', { name: '上架/移位' }).click();
    await expect(centre.getByTestId('current-location')).toBeVisible();
    await scan(centre, 'WH-A-Z1-S02');
    await scan(centre, items[0]!.code);
    await expect(centre.getByText(/现由「滨城分库」保管/).first()).toBeVisible();
  });
});
