/** Shared steps for the browser journeys: login, scanner bursts, screenshots, saved downloads. */
import { type Page, type Download } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const E2E_PASSWORD = 'Demo1234';
export const ARTIFACTS = 'test/artifacts';

/** Signs in (signing the previous user out first). */
export { signIn as login } from './api';

/** A keyboard-wedge scanner: the code typed fast, then Enter. */
export async function scan(page: Page, code: string, suffix: 'Enter' | 'Tab' = 'Enter'): Promise<void> {
  await page.keyboard.type(code, { delay: 5 });
  await page.keyboard.press(suffix);
}

export async function shot(page: Page, name: string): Promise<void> {
  const dir = join(ARTIFACTS, 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: false });
}

/** Saves a download under test/artifacts/<name> and returns its path. */
export async function saveDownload(download: Download, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, name);
  await download.saveAs(path);
  return path;
}
