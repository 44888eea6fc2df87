/** 更正: a case officer proposes a quantity correction, the approver approves it in the inbox, the item shows it with the CORRECTION. */
import { expect, test } from '@playwright/test';
import { api, signIn } from './support/api';
import { shot } from './support/helpers';

test('a quantity correction is proposed, approved in the inbox, and shows on the item with its CORRECTION', async ({ page }) => {
  await signIn(page, 'ga_bar');
  const kase = await api(page, 'case.create', { caseNo: `A371600CORR${Date.now() % 100000}`, name: '孙某盗窃案' });
  const [phone] = await api(page, 'item.register', {
    caseId: kase.id, seizureDocNo: '滨公（刑）扣字〔2026〕910号', seizedAt: new Date(Date.now() - 3600_000).toISOString(), seizedBy: '李办案',
    items: [{ name: '手机', category: 'electronics', quantity: 1, unit: '部', source: 'seized' }],
  });
  await signIn(page, 'zx_bgy');
  await api(page, 'intake.receive', { counterpart: { name: '李办案' }, items: [{ code: phone!.code }] });

  // The case officer proposes 数量 1 → 2 from the item page, by keyboard.
  await signIn(page, 'ga_bar');
  await page.goto(`/#/items/${phone!.id}`);
  await expect(page.getByTestId('item-qty')).toHaveText('1 部');
  await page.getByTestId('btn-correct').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('spinbutton', { name: '数量' }).fill('2');
  await expect(dialog.getByRole('spinbutton', { name: '数量' })).toHaveValue('2');
  await dialog.getByTestId('corr-reason').fill('扣押清单记载为 2 部，登记时录入错误');
  await shot(page, 'correction-01-propose');
  await dialog.getByRole('button', { name: '提交审批' }).click();
  await expect(page.getByText('更正申请已提交')).toBeVisible();
  await expect(page.getByTestId('pending-proposal')).toBeVisible();
  await expect(page.getByTestId('item-qty')).toHaveText('1 部'); // unchanged until approved
  await expect(page.getByTestId('btn-correct')).toHaveCount(0); // one pending proposal at a time

  // The approver finds it in 待办事项 → 更正/遗失审批 and approves.
  await signIn(page, 'ga_sp');
  await page.goto('/#/inbox?box=proposals');
  const table = page.getByTestId('proposal-table');
  await expect(table.getByText(phone!.code)).toBeVisible();
  await expect(table.getByTestId('change-quantity')).toContainText('数量：1 → 2');
  await expect(page.getByTestId('box-count-proposals')).toContainText('1');
  await shot(page, 'correction-02-inbox');
  await table.getByRole('button', { name: '批准' }).click();
  await expect(page.getByText('已批准')).toBeVisible();
  await expect(table.getByText(phone!.code)).toHaveCount(0);

  // The item shows the new quantity; the timeline keeps REGISTERED and shows the CORRECTION.
  await page.goto(`/#/items/${phone!.id}`);
  await expect(page.getByTestId('item-qty')).toHaveText('2 部');
  await expect(page.locator('[data-event="CORRECTION"]')).toBeVisible();
  await expect(page.locator('[data-event="REGISTERED"]')).toBeVisible();
  await expect(page.getByText(/数量「1」→「2」/)).toBeVisible();
  await shot(page, 'correction-03-item');
  const timeline = await api(page, 'item.timeline', { id: phone!.id });
  expect(timeline[0]).toMatchObject({ type: 'CORRECTION', payload: expect.objectContaining({ changes: [{ field: 'quantity', from: 1, to: 2 }] }) });
  expect(timeline.find((e) => e.type === 'REGISTERED')!.payload).toMatchObject({ quantity: 1 });
  await signIn(page, 'jw_jd');
  expect((await api(page, 'ledger.verify', {})).ok).toBe(true);
});
