/**
 * Scope trails in volumes (issue 12 part 5): before printing, the audit page says how many events the chosen scope
 * holds and whether it will be split (「约 N 条事件」, 「将分 k 册」 above 200,000), and the print dialog repeats it.
 */
import { expect, test } from '@playwright/test';
import { api, signIn } from './support/api';
import { shot } from './support/helpers';

test('the inspector sees the size of an agency trail before printing it', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'ga_bar');
  const kase = await api(page, 'case.create', { caseNo: `A371600VOL${Date.now() % 100000}`, name: '钱某盗窃案' });
  await api(page, 'item.register', {
    caseId: kase.id, seizureDocNo: '滨公（刑）扣字〔2026〕932号', seizedAt: new Date(Date.now() - 3600_000).toISOString(), seizedBy: '李办案',
    items: [{ name: '黑色手机', category: 'electronics', quantity: 1, unit: '部', source: 'seized' }],
  });

  await signIn(page, 'jw_jd');
  const size = await api(page, 'trail.scopeSize', { scope: 'agency', agencyId: kase.hostAgencyId });
  await page.getByRole('menuitem', { name: '账本校验与审计' }).click();
  await expect(page.getByTestId('scope-size')).toHaveCount(0);
  await page.getByTestId('scope-agency').click();
  await page.getByTitle('滨州市公安局', { exact: true }).click();
  const shown = page.getByTestId('scope-size');
  // At least the events counted just before (the page asks again, so events since count too).
  await expect(shown).toHaveText(/^约 [\d,]+ 条事件$/);
  expect(Number((await shown.innerText()).replace(/[^\d]/g, ''))).toBeGreaterThanOrEqual(size.events);
  await page.getByTestId('scope-trail').scrollIntoViewIfNeeded();
  await shot(page, 'volumes-01-scope-size');
  await page.getByTestId('print-scope-trail').click();
  await expect(page.getByRole('dialog')).toContainText('滨州市公安局，全部期间的流转记录（A4）：约');
  await page.keyboard.press('Escape');
});
