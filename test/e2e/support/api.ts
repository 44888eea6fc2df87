/** Calls the HTTP API with the browser context's session cookie (setup steps and final checks, never the steps under test). */
import { expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';

export async function api<M extends MethodName>(page: Page, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const res = await page.request.post(`/api/${method}`, { data: input ?? {}, headers: { 'X-Seized-Client': '1' } });
  const body = (await res.json()) as { ok: boolean; data?: unknown; error?: { message: string; details?: string[] } };
  expect(body.ok, `${method} failed: ${body.error?.message ?? ''} ${(body.error?.details ?? []).join('；')}`).toBe(true);
  return body.data as MethodOutput<M>;
}

/** The text of a PDF, as a person would read it (poppler's pdftotext, layout kept). */
export function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

/**
 * Signs in as `username` (signing the previous user out). antd renders the two-character button as 「登 录」,
 * so this submits with Enter instead of looking the button up by name.
 */
export async function signIn(page: Page, username: string, password = 'Demo1234'): Promise<void> {
  await page.goto('/');
  const logout = page.getByRole('button', { name: /退\s*出/ });
  await expect(page.getByLabel('用户名').or(logout).first()).toBeVisible();
  if (await logout.isVisible()) await logout.click();
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByLabel('密码').press('Enter');
  await expect(page.getByTestId('current-user')).toContainText(/./);
  await expect(page.getByTestId('current-user')).toBeVisible();
}

/**
 * A keyboard-wedge scan as the page receives it from hardware: the code's keydown events plus Enter, dispatched in one
 * burst at the focused element. (Sending keys one by one over CDP waits for each to be handled, so a busy page
 * stretches the gaps past the scanner threshold, which a real USB scanner's queued keystrokes do not.)
 */
export async function scanBurst(page: Page, code: string): Promise<void> {
  await page.evaluate((c) => {
    const target = document.activeElement ?? document.body;
    for (const key of [...c.split(''), 'Enter']) {
      target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true }));
      target.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, cancelable: true, composed: true }));
    }
  }, code);
}
