/**
 * Scope trails in volumes (issue 12 part 5): before printing, the audit page says how many events the chosen scope
 * holds and whether it will be split (「约 N 条事件」, 「将分 k 册」 above 200,000), and the print dialog repeats it.
 * A trail in volumes is a job file on disk: the browser downloads the .zip from /api/jobs/<jobId>/file.
 */
import fs from 'node:fs';
import JSZip from 'jszip';
import { expect, test } from '@playwright/test';
import { api, pdfText, signIn } from './support/api';
import { shot } from './support/helpers';

test('the inspector sees the size of an agency trail before printing it', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'ga_bar');
  const kase = await api(page, 'case.create', { caseNo: `A371600VOL${Date.now() % 100000}`, name: '钱某盗窃案' });
  await api(page, 'item.register', {
    caseId: kase.id, seizureDocNo: '滨公（刑）扣字〔2026〕932号', seizedAt: new Date(Date.now() - 3600_000).toISOString(), seizedBy: '李办案',
    items: [
      { name: '黑色手机', category: 'electronics', quantity: 1, unit: '部', source: 'seized' },
      { name: '白色手机', category: 'electronics', quantity: 1, unit: '部', source: 'seized' },
    ],
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
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('滨州市公安局，全部期间的流转记录（A4）：约');

  // A volume of half the agency's events stands in for one of 200,000: the page's own job.start gets a volumeSize,
  // so the job prints two volumes (more if events arrive meanwhile) and hands back a file on disk.
  expect(size.events).toBeGreaterThanOrEqual(2);
  const volumeSize = Math.ceil(size.events / 2);
  let jobRequests = 0;
  await page.route('**/api/job.start', async (route) => {
    jobRequests++;
    await route.continue({ postData: JSON.stringify({ ...(route.request().postDataJSON() as object), volumeSize }) });
  });
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: /下\s*载/ }).click()]);
  expect(jobRequests).toBe(1);
  expect(download.suggestedFilename()).toMatch(/^单位涉案财物流转记录-共\d+册-序号\d+至\d+\.zip$/);
  // Downloaded from the job file's URL, not built in the page from base64.
  expect(new URL(download.url()).pathname).toMatch(/^\/api\/jobs\/[0-9a-f-]{36}\/file$/);
  await expect(page.getByTestId('print-result')).toContainText('已开始下载');
  await shot(page, 'volumes-02-zip-downloaded');

  const zipPath = test.info().outputPath('volumes.zip');
  await download.saveAs(zipPath);
  const zip = await JSZip.loadAsync(fs.readFileSync(zipPath));
  const pdfs = Object.keys(zip.files).filter((n) => n.endsWith('.pdf')).sort();
  expect(pdfs.length).toBeGreaterThanOrEqual(2);
  expect(await zip.file('目录.txt')!.async('string')).toContain(`（共 ${pdfs.length} 册）目录`);
  const first = test.info().outputPath('volume-1.pdf');
  fs.writeFileSync(first, await zip.file(pdfs[0]!)!.async('nodebuffer'));
  const text = pdfText(first);
  expect(text).toContain(`第 1 册／共 ${pdfs.length} 册`);
  expect(text).toContain('滨州市公安局');
  await page.keyboard.press('Escape');
});
