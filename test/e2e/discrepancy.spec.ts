/** 登记差异 from the seal screen: a seal that does not match leads to the discrepancy form; the flag and the new seal number show. */
import { expect, test } from '@playwright/test';
import { api, signIn } from './support/api';
import { shot } from './support/helpers';

test('a mismatched seal leads to 登记差异, which sets 封签异常; the item can then be unsealed', async ({ page }) => {
  await signIn(page, 'ga_bar');
  const kase = await api(page, 'case.create', { caseNo: `A371600DISC${Date.now() % 100000}`, name: '钱某盗窃案' });
  const [laptop] = await api(page, 'item.register', {
    caseId: kase.id, seizureDocNo: '滨公（刑）扣字〔2026〕920号', seizedAt: new Date(Date.now() - 3600_000).toISOString(), seizedBy: '李办案',
    items: [{ name: '笔记本电脑', category: 'electronics', quantity: 1, unit: '台', source: 'seized', sealNo: 'FQ-0100' }],
  });
  await signIn(page, 'zx_bgy');
  await api(page, 'intake.receive', { counterpart: { name: '李办案' }, items: [{ code: laptop!.code }] });

  await page.goto(`/#/items/${laptop!.id}`);
  await page.getByRole('button', { name: '封存/启封' }).click();
  const seal = page.getByRole('dialog');
  await seal.getByLabel(/封签号/).fill('FQ-0999');
  await seal.getByLabel('事由').fill('鉴定需要启封');
  await seal.getByRole('button', { name: '登记' }).click();
  await seal.getByTestId('seal-to-discrepancy').click();

  const disc = page.getByRole('dialog', { name: /登记差异/ });
  await expect(disc.getByTestId('disc-seal')).toHaveValue('FQ-0999');
  await disc.getByTestId('disc-note').fill('封签号与登记不符，封口完好');
  await shot(page, 'discrepancy-01-form');
  await disc.getByRole('button', { name: '登记' }).click();
  await expect(page.getByText('已登记差异')).toBeVisible();
  await expect(page.getByText('封签异常').first()).toBeVisible();
  await expect(page.locator('[data-event="DISCREPANCY"]')).toBeVisible();
  await shot(page, 'discrepancy-02-item');

  // Now the seal on the package matches the record: unsealing goes through.
  await page.getByRole('button', { name: '封存/启封' }).click();
  const again = page.getByRole('dialog');
  await again.getByLabel(/封签号/).fill('FQ-0999');
  await again.getByLabel('事由').fill('鉴定需要启封');
  await again.getByRole('button', { name: '登记' }).click();
  await expect(page.getByText('已登记启封')).toBeVisible();
});
