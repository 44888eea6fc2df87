/** Administration through the UI: agencies, users (one-time initial password, reset), locations tree, own password change. */
import { test, expect } from '@playwright/test';
import { shot } from './support/helpers';
import { api, btn, signIn } from './support/desk';

test.setTimeout(90_000);

test('管理员：新增用户显示一次性初始密码，用户首次登录后修改密码；单位与库位', async ({ page }) => {
  const username = `e2e_${String(Date.now()).slice(-6)}`;
  await signIn(page, 'admin');

  await page.getByRole('menuitem', { name: '单位管理' }).click();
  await expect(page.getByRole('cell', { name: '滨州市公安局' })).toBeVisible();
  await shot(page, 'admin-01-agencies');

  await page.getByRole('menuitem', { name: '库位管理' }).click();
  await expect(page.getByRole('cell', { name: 'WH-A-Z1-S02' })).toBeVisible();
  await shot(page, 'admin-02-locations');

  await page.getByRole('menuitem', { name: '用户管理' }).click();
  await page.getByRole('button', { name: /新增用户/ }).click();
  const dlg = page.getByRole('dialog');
  await dlg.getByLabel('用户名').fill(username);
  await dlg.getByLabel('姓名').fill('测试保管员');
  await dlg.getByLabel('单位').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '涉案财物管理中心' }).click();
  await dlg.getByLabel('角色').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '保管员' }).click();
  await dlg.getByText('新增用户', { exact: true }).click(); // close the multi-select dropdown
  // A custodian works in one store: the form asks for it and refuses to save without it.
  await dlg.getByRole('button', { name: btn('保存') }).click();
  await expect(dlg.getByText('保管员必须指定所在的保管中心或分库')).toBeVisible();
  await dlg.getByLabel('所在保管中心/分库').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '滨城分库' }).click();
  await dlg.getByRole('button', { name: btn('保存') }).click();
  const secret = page.getByTestId('initial-password');
  await expect(secret).toBeVisible();
  const initial = (await secret.innerText()).trim();
  expect(initial.length).toBeGreaterThanOrEqual(8);
  await shot(page, 'admin-03-initial-password');
  await page.getByRole('button', { name: '我已记下' }).click();
  await expect(page.getByRole('cell', { name: username })).toBeVisible();
  await shot(page, 'admin-04-users');

  // The new user signs in with the one-time password: nothing but changing it is offered, and the server refuses the rest.
  await page.getByRole('button', { name: btn('退出') }).click();
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(initial);
  await page.getByLabel('密码').press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: '您正在使用初始密码或管理员重置的密码' })).toBeVisible();
  await expect(page.getByRole('menuitem')).toHaveCount(0);
  const refused = await api(page, 'item.list', {});
  expect(refused.status).toBe(403);
  expect(refused.body.error).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });
  await shot(page, 'admin-05-forced-password-change');
  await page.getByLabel('当前密码').fill(initial);
  await page.getByLabel('新密码（至少 8 位）').fill('NewPass123');
  await page.getByLabel('再次输入新密码').fill('NewPass123');
  await page.getByRole('button', { name: btn('保存') }).click();
  await expect(page.getByTestId('current-user')).toContainText('测试保管员');
  expect((await api(page, 'item.list', {})).status).toBe(200);
  await signIn(page, username, 'NewPass123');
  await expect(page.getByTestId('current-user')).toContainText('测试保管员');
  await expect(page.getByTestId('current-user')).toContainText('滨城分库');

  // A wrong current password is refused with a Chinese message.
  await page.getByRole('menuitem', { name: '修改密码' }).click();
  await page.getByLabel('当前密码').fill('wrong-password');
  await page.getByLabel('新密码（至少 8 位）').fill('Another123');
  await page.getByLabel('再次输入新密码').fill('Another123');
  await page.getByRole('button', { name: btn('保存') }).click();
  await expect(page.getByTestId('api-error')).toBeVisible();

  // Admin resets the password: a new one-time password is shown.
  await signIn(page, 'admin');
  await page.getByRole('menuitem', { name: '用户管理' }).click();
  await page.getByRole('row', { name: new RegExp(username) }).getByRole('button', { name: '重置密码' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: btn('重置') }).click();
  await expect(page.getByTestId('initial-password')).toBeVisible();
  expect((await page.getByTestId('initial-password').innerText()).trim()).not.toBe(initial);
});
