/**
 * The first scan after a reload, with the focus in the search box: the whole burst is one scan (the item page opens),
 * the search box keeps nothing, and no fragment is reported as an unknown code.
 */
import { test, expect, type Page } from '@playwright/test';
import { apiData, signIn } from './support/desk';
import { wedgeScan } from './support/wedge';

const stamp = String(Date.now()).slice(-6);

/** Setup through the API (not under test): one registered item. */
async function oneItem(page: Page, tag: string): Promise<{ id: number; code: string }> {
  await signIn(page, 'ga_bar');
  const kase = await apiData<{ id: number }>(page, 'case.create', { caseNo: `滨公刑〔2026〕${tag}${stamp}号`, name: 'E2E 扫描案' });
  const [item] = await apiData<Array<{ id: number; code: string }>>(page, 'item.register', {
    caseId: kase.id,
    seizureDocNo: `滨公扣〔2026〕${tag}${stamp}号`,
    seizedAt: new Date(Date.now() - 60_000).toISOString(),
    seizedBy: '李办案',
    items: [{ name: '黑色手机', category: 'electronics', quantity: 1, unit: '部', source: 'seized', flags: [] }],
  });
  return item!;
}

/** Records every value the search box takes, so the test sees whether a fragment stayed in it. */
const watchSearchBox = () => {
  const w = window as unknown as { searchValues: string[] };
  w.searchValues = [];
  document.addEventListener('input', (e) => {
    const t = e.target as HTMLInputElement;
    if (t.dataset?.testid === 'item-search') w.searchValues.push(t.value);
  }, true);
};

test('重新加载后立即扫描（焦点在查询框）：整段编码打开物品页，查询框不留片段，不报未识别', async ({ page }) => {
  const item = await oneItem(page, 'S');
  await signIn(page, 'zx_bgy');
  await page.getByRole('menuitem', { name: '物品查询' }).click();
  await expect(page).toHaveURL(/#\/items$/);
  for (let round = 0; round < 3; round++) {
    await page.reload();
    await page.evaluate(watchSearchBox);
    await page.getByTestId('item-search').focus();
    await wedgeScan(page, item.code);
    await expect(page).toHaveURL(new RegExp(`#/items/${item.id}$`));
    await expect(page.getByTestId('item-code')).toHaveText(item.code);
    await expect(page.getByText(/未识别的编码/)).toHaveCount(0);
    const values = await page.evaluate(() => (window as unknown as { searchValues: string[] }).searchValues);
    expect(values.at(-1) ?? '', `查询框最后的内容（第 ${round + 1} 次）`).toBe('');
    await page.goBack();
    await expect(page.getByTestId('item-search')).toHaveValue('');
  }
});

test('页面还在加载、扫描器尚未就绪时已到达的前几个按键：仍作为整段编码处理，不报未识别', async ({ page }) => {
  const item = await oneItem(page, 'T');
  await signIn(page, 'zx_bgy');
  await page.getByRole('menuitem', { name: '物品查询' }).click();
  // A reload, and a scan that starts while the app is still starting: the first 7 keys arrive as soon as the document
  // is parsed (before the signed-in shell exists and arms the scanner), the rest once the search box is there. All
  // the events carry the time stamps of one fast burst, as hardware key events do however late they are handled.
  await page.addInitScript((code: string) => {
    const keys = [...code.split(''), 'Enter'];
    let events: KeyboardEvent[] = [];
    const fire = (target: Element, e: KeyboardEvent) => {
      target.dispatchEvent(e);
      // A synthetic event has no default action: do what the browser does with an unclaimed key in a text field.
      if (!e.defaultPrevented && e.key.length === 1 && target instanceof HTMLInputElement && document.activeElement === target) document.execCommand('insertText', false, e.key);
    };
    document.addEventListener('DOMContentLoaded', () => {
      events = keys.map((key) => new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true }));
      events.slice(0, 7).forEach((e) => fire(document.activeElement ?? document.body, e));
      const mo = new MutationObserver(() => {
        const box = document.querySelector<HTMLInputElement>('[data-testid=item-search]');
        if (!box) return;
        mo.disconnect();
        const w = window as unknown as { searchValues: string[] };
        w.searchValues = [];
        box.addEventListener('input', () => w.searchValues.push(box.value));
        setTimeout(() => events.slice(7).forEach((e) => fire(document.activeElement ?? document.body, e)), 100);
      });
      mo.observe(document, { childList: true, subtree: true });
    });
  }, item.code);
  await page.reload();
  await expect(page).toHaveURL(new RegExp(`#/items/${item.id}$`));
  await expect(page.getByTestId('item-code')).toHaveText(item.code);
  await expect(page.getByText(/未识别的编码/)).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { searchValues: string[] }).searchValues.at(-1) ?? '')).toBe('');
});
