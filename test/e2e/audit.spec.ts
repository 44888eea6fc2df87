/** 监督: the inspector checks the ledger from the menu and prints an item's trail by scanning its label. */
import { expect, test } from '@playwright/test';
import { api, pdfText, signIn } from './support/api';
import { saveDownload, scan, shot } from './support/helpers';

test('an inspector verifies the ledger and prints an item trail by scan', async ({ page }) => {
  await signIn(page, 'ga_bar');
  const kase = await api(page, 'case.create', { caseNo: `A371600AUD${Date.now() % 100000}`, name: '钱某盗窃案' });
  const [item] = await api(page, 'item.register', {
    caseId: kase.id, seizureDocNo: '滨公（刑）扣字〔2026〕901号', seizedAt: new Date(Date.now() - 3600_000).toISOString(), seizedBy: '李办案',
    items: [{ name: '黑色笔记本电脑', category: 'electronics', quantity: 1, unit: '台', source: 'seized' }],
  });

  await signIn(page, 'jw_jd');
  await expect(page.getByRole('menuitem', { name: '待办事项' })).toHaveCount(0); // nothing can wait for an inspector
  await page.getByRole('menuitem', { name: '账本校验与审计' }).click();
  await expect(page.getByTestId('verify-verdict')).toHaveText(/账本完整/);
  const head = await api(page, 'ledger.head', {});
  await expect(page.getByTestId('verify-result')).toContainText(`${head.seq.toLocaleString('zh-CN')} 条`);
  await expect(page.getByTestId('verify-result')).toContainText(head.hash);

  await expect(page.getByTestId('trail-item-scan')).toBeFocused();
  await scan(page, item!.code);
  await expect(page.getByTestId('trail-item')).toContainText('黑色笔记本电脑');
  await shot(page, 'audit-01-ledger-check');
  await page.getByTestId('print-item-trail').click();
  const dialog = page.getByRole('dialog');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: /下\s*载/ }).click()]);
  const text = pdfText(await saveDownload(download, 'audit-item-trail.pdf'));
  expect(text).toContain(item!.code);

  // A full check also replays the item rows, looks for the append-only and count triggers, and compares the count tables with items.
  await page.keyboard.press('Escape');
  await page.getByTestId('verify-full').click();
  await expect(page.getByTestId('verify-integrity')).toContainText('账本只追加保护与统计表完好');
  await shot(page, 'audit-02-full-check');
});
