/** Extra steps for the desk journeys: sign in/out (antd spaces two-character button labels), API calls with the page's session, PDFs. */
import { expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { saveDownload, scan } from './helpers';

/** antd renders 「登录」 as 「登 录」; match both. */
export const btn = (text: string) => new RegExp(text.split('').join('\\s*'));

export { signIn, pdfText } from './api';

/** Calls the API with the browser's session cookie; returns the parsed envelope and the HTTP status. */
export async function api<T = unknown>(page: Page, method: string, input: unknown = {}): Promise<{ status: number; body: { ok: boolean; data?: T; error?: { code: string; message: string } } }> {
  const res = await page.request.post(`/api/${method}`, { data: input, headers: { 'X-Seized-Client': '1' } });
  return { status: res.status(), body: await res.json() };
}

export async function apiData<T>(page: Page, method: string, input: unknown = {}): Promise<T> {
  const r = await api<T>(page, method, input);
  if (!r.body.ok) throw new Error(`${method}: ${r.body.error?.message}`);
  return r.body.data as T;
}

/** Scans a code with the simulated wedge scanner, making sure no text field keeps focus-dependent state. */
export async function scanCode(page: Page, code: string): Promise<void> {
  await scan(page, code);
}

/** Clicks the download button of the open print dialog and saves the file under test/artifacts. */
export async function downloadFromDialog(page: Page, name: string): Promise<string> {
  const dialog = page.getByRole('dialog');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), dialog.getByRole('button', { name: btn('下载 PDF') }).click()]);
  const path = await saveDownload(download, name);
  await expect(dialog.getByTestId('print-result')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  return path;
}

/** Decodes every barcode (Code 128 and QR) in a PDF: pdftoppm at 300 dpi, then zbarimg. */
export function decodePdfBarcodes(pdf: string): string[] {
  const prefix = pdf.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-r', '300', '-png', pdf, prefix]);
  const pngs = execFileSync('sh', ['-c', `ls ${prefix}-*.png`]).toString().trim().split('\n');
  const out: string[] = [];
  for (const png of pngs) {
    try {
      out.push(...execFileSync('zbarimg', ['--raw', '-q', png]).toString().split('\n').filter(Boolean));
    } catch {
      /* zbarimg exits 4 when a page has no symbol */
    }
  }
  return out;
}

