/** 存入专户 from the item page at 1366×768: the custodian pays seized cash into the agency's 涉案款专户 with a bank slip and a witness. */
import { expect, test } from '@playwright/test';
import { api, signIn } from './support/api';
import { shot } from './support/helpers';

const STAMP = Date.now().toString().slice(-6);

test('a custodian deposits seized cash into the 涉案款专户: slip, amount, witness; the item leaves the shelf but stays held', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, 'ga_bar');
  const kase = await api(page, 'case.create', { caseNo: `滨公刑DEP${STAMP}号`, name: '钱某赌博案', cause: '赌博' });
  const [cash] = await api(page, 'item.register', {
    caseId: kase.id, seizureDocNo: `滨公（刑）扣字〔2026〕D${STAMP}号`, seizedAt: new Date(Date.now() - 3600_000).toISOString(), seizedBy: '李办案',
    items: [{ name: '赌资现金', category: 'cash', quantity: 1, unit: '捆', cashAmount: 12800, source: 'seized' }],
  });
  await signIn(page, 'zx_bgy');
  await api(page, 'intake.receive', { counterpart: { name: '李办案' }, items: [{ code: cash!.code }], witness: { username: 'zx_bgy2', password: 'Demo1234' } });
  await api(page, 'putaway.scan', { locationCode: 'WH-A-Z1-S01', itemCode: cash!.code });

  await page.goto(`/#/items/${cash!.id}`);
  await page.getByTestId('btn-deposit').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('¥12,800.00');
  await expect(page.getByTestId('deposit-amount')).toHaveValue('12800.00');
  await page.getByTestId('deposit-slip').fill(`建行回单 No.${STAMP}`);
  await page.getByTestId('deposit-witness').fill('zx_bgy2');
  await page.getByTestId('deposit-witness-password').fill('Demo1234');
  await shot(page, 'deposit-01-dialog');
  await dialog.getByRole('button', { name: /登记存入/ }).click();
  await expect(page.getByText(`${cash!.code} 已存入涉案款专户`)).toBeVisible();

  const after = await api(page, 'item.get', { id: cash!.id });
  expect(after).toMatchObject({ status: 'DEPOSITED', locationId: null, holdingAgencyName: '滨州市公安局' });
  const ev = (await api(page, 'item.timeline', { id: cash!.id })).find((e) => e.type === 'CASH_DEPOSITED');
  expect(ev).toBeTruthy();
  await expect(page.getByText('存入专户').first()).toBeVisible();
  await expect(page.getByTestId('btn-deposit')).toHaveCount(0);
  await shot(page, 'deposit-02-item');
});
