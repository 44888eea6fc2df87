/**
 * Paper against the ledger (issue 12 parts 5–6), as the inspector jw_jd: print an item trail, read its QR codes
 * back from the PDF with zbarimg, scan them in the app and see 「与账本一致」; print an agency trail and read it.
 */
import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { api, pdfText, scanBurst, signIn } from './support/api';
import { ARTIFACTS, saveDownload, scan, shot } from './support/helpers';

/** Every QR code on page 1 of a PDF, decoded by zbarimg from a 200-dpi rendering. */
function qrCodes(pdf: string): string[] {
  const png = `${ARTIFACTS}/anchor-qr`;
  execFileSync('pdftoppm', ['-r', '200', '-f', '1', '-l', '1', '-png', '-singlefile', pdf, png]);
  return execFileSync('zbarimg', ['--quiet', '--raw', '-Sdisable', '-Sqrcode.enable', `${png}.png`], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

test('an inspector checks a printed trail against the ledger and prints an agency trail', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, 'ga_bar');
  const kase = await api(page, 'case.create', { caseNo: `A371600ANC${Date.now() % 100000}`, name: '孙某诈骗案' });
  const [item] = await api(page, 'item.register', {
    caseId: kase.id, seizureDocNo: '滨公（刑）扣字〔2026〕931号', seizedAt: new Date(Date.now() - 3600_000).toISOString(), seizedBy: '李办案',
    items: [{ name: '银色平板电脑', category: 'electronics', quantity: 1, unit: '台', source: 'seized' }],
  });

  await signIn(page, 'jw_jd');
  await page.getByRole('menuitem', { name: '账本校验与审计' }).click();
  await expect(page.getByTestId('verify-verdict')).toHaveText(/账本完整/);

  // Print the item's trail (scan its label), then read both QR codes back from the paper.
  await page.getByTestId('trail-item-scan').focus();
  await scan(page, item!.code);
  await expect(page.getByTestId('trail-item')).toContainText('银色平板电脑');
  await page.getByTestId('print-item-trail').click();
  let dialog = page.getByRole('dialog');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: /下\s*载/ }).click()]);
  const trail = await saveDownload(download, 'anchor-item-trail.pdf');
  await page.keyboard.press('Escape');
  const codes = qrCodes(trail);
  const footer = codes.find((c) => c.startsWith('LEDGER|'));
  const head = codes.find((c) => c.startsWith('LEDGERHEAD|'));
  expect(footer, codes.join(' / ')).toBeTruthy();
  expect(head).toBeTruthy();
  expect(footer!.length).toBeGreaterThan(80);

  // The scanner reads the footer QR anywhere on the page (no field focused): the document is re-hashed from the ledger.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await scanBurst(page, footer!);
  await expect(page.getByTestId('doc-check-verdict')).toContainText('与账本一致');
  await expect(page.getByTestId('doc-check-result')).toContainText(footer!.split('|')[1]!);
  await shot(page, 'anchor-01-document-check');
  // The cover's chain-head QR, typed in, checks the same way.
  await page.getByTestId('doc-check-scan').locator('input').fill(head!);
  await page.getByTestId('doc-check-scan').locator('input').press('Enter');
  await expect(page.getByTestId('doc-check-verdict')).toContainText('与账本一致');
  await expect(page.getByTestId('doc-check-verdict')).toContainText('链头');

  // A trail of the whole police agency, built in the background.
  await page.getByTestId('scope-agency').click();
  await page.getByTitle('滨州市公安局', { exact: true }).click();
  await page.getByTestId('print-scope-trail').click();
  dialog = page.getByRole('dialog');
  const [agencyDl] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: /下\s*载/ }).click()]);
  const text = pdfText(await saveDownload(agencyDl, 'anchor-agency-trail.pdf'));
  expect(text).toContain('单位涉案财物流转记录');
  expect(text).toContain('滨州市公安局');
  expect(text).toContain(item!.code);
  expect(text).toContain('事件数');
  await page.keyboard.press('Escape');
  await shot(page, 'anchor-02-audit-page');
});
