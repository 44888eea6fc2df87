import { chromium } from '@playwright/test';
const users = (process.env.USERS ?? 'admin,zx_bgy,ga_bar,ga_sp,jc_bar,fy_sp,jw_jd').split(',');
const base = 'http://127.0.0.1:5794';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-dev-shm-usage'] });
for (const u of users) {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log(`[${u}] console.${m.type()}: ${m.text().slice(0, 300)}`); });
  page.on('pageerror', (e) => console.log(`[${u}] pageerror: ${e.message}`));
  await page.goto(base + '/');
  await page.getByLabel('用户名').fill(u);
  await page.getByLabel('密码').fill('Demo1234');
  await page.getByLabel('密码').press('Enter');
  await page.getByTestId('current-user').waitFor();
  await page.waitForTimeout(800);
  const items = await page.locator('.ant-menu-item').evaluateAll((els) => els.map((e) => e.textContent));
  console.log(`[${u}] menu: ${items.join(' | ')}`);
  const n = items.length;
  for (let i = 0; i < n; i++) {
    await page.locator('.ant-menu-item').nth(i).click();
    await page.waitForTimeout(1200);
    const info = await page.evaluate(() => {
      const se = document.scrollingElement;
      const active = document.activeElement;
      const text = document.querySelector('.ant-layout-content')?.innerText ?? '';
      const eng = [...new Set((text.match(/[A-Za-z][A-Za-z ]{3,}/g) ?? []))].slice(0, 10);
      return { url: location.hash, sh: se.scrollHeight, sw: se.scrollWidth, ih: innerHeight, iw: innerWidth, focus: active?.tagName + (active?.getAttribute('data-testid') ? '#' + active.getAttribute('data-testid') : '') + (active?.getAttribute('placeholder') ? '[' + active.getAttribute('placeholder') + ']' : ''), eng };
    });
    console.log(`[${u}] ${items[i]} ${JSON.stringify(info)}`);
    await page.screenshot({ path: `/tmp/shots/${u}-${String(i).padStart(2, '0')}.png` });
  }
  await ctx.close();
}
await browser.close();
