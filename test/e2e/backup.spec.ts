/**
 * 系统管理 → 备份与恢复: the admin sets the folder, runs 立即备份 and sees it verified; a backup whose photo does not
 * match its hash is shown in red, also on the home page; 48 hours without a verified backup warns on the home page.
 */
import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shot } from './support/helpers';
import { btn } from './support/desk';
import { api, signIn } from './support/api';
import { advanceServerClock } from './support/clock';

test.setTimeout(120_000);
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const HOUR = 3600_000;

test('管理员：设置备份文件夹，立即备份并看到校验通过；校验失败标红；48 小时无有效备份时首页提醒', async ({ page, browser }) => {
  const folder = mkdtempSync(join(tmpdir(), 'seized-e2e-backup-'));
  // An item with a photo, so the backup carries photos too (set up through the API as the case officer).
  const officer = await browser.newPage();
  await signIn(officer, 'ga_bar');
  const kase = await api(officer, 'case.create', { caseNo: `A371600${String(Date.now()).slice(-10)}`, name: '备份演示案' });
  const [item] = await api(officer, 'item.register', {
    caseId: kase.id, seizureDocNo: 'BK-1', seizedAt: new Date().toISOString(), seizedBy: '李办案',
    items: [{ name: '备份测试手机', category: 'general', quantity: 1, unit: '部', source: 'seized' }],
  });
  await api(officer, 'photo.add', { itemId: item!.id, mime: 'image/png', base64: PNG });
  await officer.close();

  await signIn(page, 'admin');
  await page.getByRole('menuitem', { name: '备份与恢复' }).click();
  await page.getByTestId('backup-folder').fill(folder);
  await page.getByTestId('backup-save').click();
  await expect(page.getByText('备份设置已保存')).toBeVisible();

  // A photo in the data folder that no longer matches its hash: the backup is written, and its check fails in red.
  const photoDir = join('.e2e-data', 'photos');
  const photo = readdirSync(photoDir).find((f) => f.endsWith('.png'))!;
  const original = readFileSync(join(photoDir, photo));
  writeFileSync(join(photoDir, photo), 'damaged');
  await page.getByTestId('backup-now').click();
  await expect(page.getByText('备份已写出，但校验未通过')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('backup-table').getByTestId('backup-failed').first()).toContainText(`照片 ${photo} 内容与哈希不符`);
  await shot(page, 'backup-01-failed');
  await page.getByRole('menuitem', { name: '首页' }).click();
  await expect(page.getByTestId('backup-failed-warning')).toContainText('最近一次备份未通过校验');
  await shot(page, 'backup-02-home-failed');

  // Repaired: 立即备份 again, with its progress bar, and the new backup is verified; the home page is quiet.
  writeFileSync(join(photoDir, photo), original);
  await page.getByRole('menuitem', { name: '备份与恢复' }).click();
  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('job-progress')).toBeVisible();
  await expect(page.getByText('已备份并校验通过')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('backup-last')).toContainText('已校验通过');
  await expect(page.getByTestId('backup-next')).not.toContainText('未设置');
  await shot(page, 'backup-03-verified');
  // The backup carries the photos once each, named by hash: this one and any other journey's.
  const backedUp = readdirSync(join(folder, 'photos'));
  expect(backedUp).toContain(photo);
  expect(readdirSync(photoDir)).toEqual(expect.arrayContaining(backedUp));
  await page.getByRole('menuitem', { name: '首页' }).click();
  await expect(page.getByTestId('greeting')).toBeVisible();
  await expect(page.getByTestId('backup-warnings')).toHaveCount(0);

  // Two days later with no backup since: the home page warns (the session ended meanwhile: sign in again).
  advanceServerClock(49 * HOUR);
  await signIn(page, 'admin');
  await expect(page.getByTestId('backup-stale-warning')).toContainText('已超过 48 小时没有校验通过的备份');
  await expect(page.getByTestId('backup-failed-warning')).toHaveCount(0);
  await shot(page, 'backup-04-home-stale');
  await page.getByTestId('backup-stale-warning').getByRole('button', { name: btn('备份与恢复') }).click();
  await expect(page.getByTestId('backup-now')).toBeVisible();
});
