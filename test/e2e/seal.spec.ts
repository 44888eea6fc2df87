/** 封存/启封 from the item page: cash needs a second person, the event lands in the timeline. */
import { expect, test } from '@playwright/test';
import { api, signIn } from './support/api';
import { shot } from './support/helpers';

test('a custodian unseals cash with a witness, and the ledger records it', async ({ page }) => {
  await signIn(page, 'ga_bar');
  const kase = await api(page, 'case.create', { caseNo: `A371600SEAL${Date.now() % 100000}`, name: '赵某诈骗案' });
  const [cash] = await api(page, 'item.register', {
    caseId: kase.id, seizureDocNo: '滨公（刑）扣字〔2026〕900号', seizedAt: new Date(Date.now() - 3600_000).toISOString(), seizedBy: '李办案',
    items: [{ name: '人民币现金', category: 'cash', quantity: 1, unit: '捆', cashAmount: 50000, source: 'seized', sealNo: 'FQ-0001' }],
  });
  await signIn(page, 'zx_bgy');
  await api(page, 'intake.receive', { counterpart: { name: '李办案' }, items: [{ code: cash!.code }], witness: { username: 'zx_bgy2', password: 'Demo1234' } });

  await page.goto(`/#/items/${cash!.id}`);
  await page.getByRole('button', { name: '封存/启封' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/封签号/).fill('FQ-0001');
  await dialog.getByLabel('事由').fill('清点金额需要启封');
  await dialog.getByRole('button', { name: '登记' }).click();
  await expect(dialog.getByText('请填写见证人账号')).toBeVisible(); // the two-person rule, already in the form
  await dialog.getByLabel('见证人账号').fill('zx_bgy2');
  await dialog.getByLabel('见证人密码').fill('Demo1234');
  await shot(page, 'seal-01-dialog');
  await dialog.getByRole('button', { name: '登记' }).click();
  await expect(page.getByText('已登记启封')).toBeVisible();
  await expect(page.getByText('已启封').first()).toBeVisible();
  const timeline = await api(page, 'item.timeline', { id: cash!.id });
  expect(timeline[0]).toMatchObject({ type: 'UNSEALED', witnesses: [expect.objectContaining({ name: '赵保管' })] });
  await shot(page, 'seal-02-done');
});
