/** The spine in the browser: log in, see the home page, log out; a wrong password is refused in Chinese. */
import { expect, test } from '@playwright/test';
import { E2E_PASSWORD, shot } from './support/helpers';

test('login, home page greeting, logout', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '涉案财物管理系统' })).toBeVisible();
  await shot(page, '00-login');
  await page.getByLabel('用户名').fill('ga_bar');
  await page.getByLabel('密码').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('greeting')).toContainText('李办案（办案人员）');
  await expect(page.getByTestId('current-user')).toContainText('滨州市公安局');
  await shot(page, '01-home-case-officer');
  await page.getByRole('button', { name: '退出' }).click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  // The session is really gone on the server.
  const me = await page.request.post('/api/auth.me', { data: {}, headers: { 'X-Seized-Client': '1' } });
  expect(me.status()).toBe(401);
});

test('a wrong password gives a Chinese error that does not say whether the user exists', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('用户名').fill('jc_bar');
  await page.getByLabel('密码').fill('not-the-password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toHaveText('用户名或密码错误');
  await shot(page, '02-login-wrong-password');
});
