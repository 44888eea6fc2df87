/**
 * Issue 14: the admin resets a user's password; with it the user can do nothing but change it; the inspector sees the
 * reset, the refusals and the change in the security log, and the admin sees them in the user's record.
 */
import { test, expect } from '@playwright/test';
import { shot } from './support/helpers';
import { api, apiData, btn, signIn } from './support/desk';

test.setTimeout(120_000);

test('重置密码只是临时密码：本人只能修改密码；监督员在安全日志中看到', async ({ page }) => {
  const username = `aq_${String(Date.now()).slice(-6)}`;
  await signIn(page, 'admin');
  // Setup (not under test): a fresh case officer of the police, so other journeys' users are untouched.
  const agencies = await apiData<Array<{ id: number; kind: string }>>(page, 'agency.list', {});
  await apiData(page, 'user.save', { username, displayName: '安全测试员', agencyId: agencies.find((a) => a.kind === 'police')!.id, roles: ['case_officer'] });

  await page.getByRole('menuitem', { name: '用户管理' }).click();
  const row = page.getByRole('row').filter({ hasText: username });
  await row.getByRole('button', { name: btn('重置密码') }).click();
  await page.getByRole('button', { name: btn('重置') }).last().click();
  const secret = page.getByTestId('initial-password');
  await expect(secret).toBeVisible();
  await expect(page.getByRole('dialog')).toContainText('临时密码（只显示这一次）');
  const temporary = (await secret.innerText()).trim();
  await shot(page, 'security-01-reset-password');
  await page.getByRole('button', { name: '我已记下' }).click();

  // The user signs in with the temporary password: only the change form, and the server refuses everything else.
  await page.getByRole('button', { name: btn('退出') }).click();
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(temporary);
  await page.getByLabel('密码').press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: '您正在使用初始密码或管理员重置的密码' })).toBeVisible();
  await expect(page.getByRole('menuitem')).toHaveCount(0);
  for (const m of ['item.list', 'case.list', 'alert.list', 'location.list']) {
    const r = await api(page, m, {});
    expect(r.status, m).toBe(403);
    expect(r.body.error?.code).toBe('PASSWORD_CHANGE_REQUIRED');
  }
  // A weak new password is refused by the rule, in Chinese, before anything is sent.
  await page.getByLabel('当前密码').fill(temporary);
  await page.getByLabel('新密码（至少 8 位）').fill('abcdefgh');
  await page.getByLabel('再次输入新密码').fill('abcdefgh');
  await page.getByRole('button', { name: btn('保存') }).click();
  await expect(page.getByText('密码须包含大写字母、小写字母、数字、其他符号中的至少三类')).toBeVisible();
  await shot(page, 'security-02-forced-change');
  await page.getByLabel('新密码（至少 8 位）').fill('Safe-Pass-2026');
  await page.getByLabel('再次输入新密码').fill('Safe-Pass-2026');
  await page.getByRole('button', { name: btn('保存') }).click();
  await expect(page.getByTestId('current-user')).toContainText('安全测试员');
  expect((await api(page, 'item.list', {})).status).toBe(200);

  // The inspector reads the security log, filtered to that account.
  await signIn(page, 'jw_jd');
  await page.getByRole('menuitem', { name: '安全日志' }).click();
  await page.getByLabel('账号').fill(username);
  await page.getByLabel('账号').press('Enter');
  const table = page.getByTestId('security-table');
  for (const kind of ['重置密码', '修改密码', '登录成功', '新建用户']) await expect(table.getByText(kind, { exact: true }).first()).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: '重置密码' })).toContainText('系统管理员');
  await page.getByRole('button', { name: btn('校验日志链') }).click();
  await expect(page.getByText(/安全日志链校验通过/)).toBeVisible();
  await shot(page, 'security-03-inspector-log');

  // The admin sees the same in the user's own record.
  await signIn(page, 'admin');
  await page.getByRole('menuitem', { name: '用户管理' }).click();
  await page.getByRole('row').filter({ hasText: username }).getByRole('button', { name: btn('安全记录') }).click();
  await expect(page.getByText(`安全记录：安全测试员（${username}）`)).toBeVisible();
  const drawer = page.locator('.ant-drawer-body');
  await expect(drawer.getByText('重置密码', { exact: true })).toBeVisible();
  await shot(page, 'security-04-user-record');
});
