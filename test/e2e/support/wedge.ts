/**
 * A keyboard-wedge scanner as Chromium receives it from hardware: real (trusted) key events whose time stamps are
 * 8 ms apart, however late a busy page gets round to handling them. (Playwright's keyboard.type stamps each key when
 * it arrives, one round trip after the other, so on a loaded machine its "scan" looks like slow typing.)
 */
import type { Page } from '@playwright/test';

const SPECIAL: Record<string, { code: string; vk: number; text?: string }> = { Enter: { code: 'Enter', vk: 13, text: '\r' }, Tab: { code: 'Tab', vk: 9 } };

export async function wedgeScan(page: Page, code: string, suffix: 'Enter' | 'Tab' = 'Enter', gapMs = 8): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const t0 = Date.now() / 1000;
  const keys = [...code.split(''), suffix];
  try {
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const t = t0 + (i * gapMs) / 1000;
      const sp = SPECIAL[key];
      const down = sp ? { type: 'keyDown' as const, key, code: sp.code, windowsVirtualKeyCode: sp.vk, ...(sp.text ? { text: sp.text, unmodifiedText: sp.text } : {}) } : { type: 'keyDown' as const, key, text: key, unmodifiedText: key };
      await cdp.send('Input.dispatchKeyEvent', { ...down, timestamp: t });
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, ...(sp ? { code: sp.code, windowsVirtualKeyCode: sp.vk } : {}), timestamp: t + 0.002 });
    }
  } finally {
    await cdp.detach();
  }
}
