/**
 * First screen in headless Chromium with an empty cache: what the login page downloads, how long until the login
 * form is usable, and how long from 「登录」 until the home page greets the user.
 */
import { existsSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page, type Response } from '@playwright/test';

export type FirstScreenOptions = {
  url: string;
  username: string;
  password: string;
  /** The built renderer, to look up the .br/.gz size of each file the page loaded (optional). */
  staticDir?: string;
  runs?: number;
};

type Loaded = { path: string; raw: number; transferred: number };
/** loginCpu/homeCpu: main-thread CPU time of the page (ms), which depends far less on other load than wall time. */
type Run = { loginMs: number; homeMs: number; loginCpu: number; homeCpu: number; login: Loaded[]; home: Loaded[] };

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// The same flags as playwright.config.ts.
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Records every static file (not API calls) the page receives, with decoded and on-the-wire body sizes. */
function recordFiles(page: Page): { files: Loaded[]; settle(): Promise<Loaded[]> } {
  const files: Loaded[] = [];
  const pending: Promise<void>[] = [];
  const onResponse = (res: Response) => {
    const path = new URL(res.url()).pathname;
    if (path.startsWith('/api/') || path === '/favicon.ico' || res.status() !== 200) return;
    pending.push(
      Promise.all([res.body(), res.request().sizes()])
        .then(([body, sizes]) => void files.push({ path, raw: body.length, transferred: sizes.responseBodySize }))
        .catch(() => undefined),
    );
  };
  page.on('response', onResponse);
  return {
    files,
    settle: async () => {
      await Promise.all(pending);
      page.off('response', onResponse);
      return files;
    },
  };
}

async function coldRun(browser: Browser, o: FirstScreenOptions): Promise<Run> {
  // A new context has an empty HTTP cache: this is a first visit.
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const threadMs = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? 0) * 1000;
  try {
    const loginRec = recordFiles(page);
    const t0 = performance.now();
    await page.goto(o.url, { waitUntil: 'commit' });
    await page.getByLabel('用户名').waitFor({ state: 'visible' });
    const loginMs = performance.now() - t0;
    const loginCpu = await threadMs();
    // A person takes a few seconds to type: let the login page finish its background work (it fetches the home page).
    await page.waitForLoadState('networkidle');
    const login = await loginRec.settle();
    await page.getByLabel('用户名').fill(o.username);
    await page.getByLabel('密码').fill(o.password);
    const homeRec = recordFiles(page);
    const t1 = performance.now();
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('greeting').waitFor({ state: 'visible' });
    const homeMs = performance.now() - t1;
    const homeCpu = (await threadMs()) - loginCpu;
    const home = await homeRec.settle();
    // Let the home page's own API calls finish, so the next run does not queue behind them on the server.
    await page.waitForLoadState('networkidle');
    return { loginMs, homeMs, loginCpu, homeCpu, login, home };
  } finally {
    await context.close();
  }
}

/**
 * The page's own clock, in clean contexts (no CDP metrics, no response recording, which slow the page down):
 * from navigation start (timeOrigin) to the moment the login form is in the DOM.
 */
async function inPageRuns(browser: Browser, url: string, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __loginAt?: number };
      new MutationObserver((_m, obs) => {
        if (document.querySelector('input#username')) {
          w.__loginAt = performance.now();
          obs.disconnect();
        }
      }).observe(document, { subtree: true, childList: true });
    });
    try {
      await page.goto(url, { waitUntil: 'commit' });
      await page.getByLabel('用户名').waitFor({ state: 'visible' });
      out.push(await page.evaluate(() => (window as unknown as { __loginAt?: number }).__loginAt ?? NaN));
    } finally {
      await context.close();
    }
  }
  return out;
}

/** Size of the precompressed variant of a served file, or of the file itself when there is none. */
function diskSize(staticDir: string, path: string, ext: string): number {
  const file = join(staticDir, path === '/' ? 'index.html' : decodeURIComponent(path));
  if (existsSync(file + ext)) return statSync(file + ext).size;
  return existsSync(file) ? statSync(file).size : 0;
}

function describeFiles(label: string, files: Loaded[], staticDir?: string) {
  const raw = files.reduce((s, f) => s + f.raw, 0);
  const wire = files.reduce((s, f) => s + f.transferred, 0);
  let line = `  ${label}：${files.length} 个文件，原始 ${kb(raw)}，实际传输 ${kb(wire)}`;
  if (staticDir) {
    const br = files.reduce((s, f) => s + diskSize(staticDir, f.path, '.br'), 0);
    const gz = files.reduce((s, f) => s + diskSize(staticDir, f.path, '.gz'), 0);
    line += `（gzip ${kb(gz)}，brotli ${kb(br)}）`;
  }
  console.log(line);
  if (!files.length) return;
  const biggest = [...files].sort((a, b) => b.raw - a.raw).slice(0, 4);
  console.log(`    最大：${biggest.map((f) => `${f.path.replace(/^\/assets\//, '')} ${kb(f.raw)}→${kb(f.transferred)}`).join('，')}`);
}

/** Prints the first-screen figures; returns the medians (ms) so the caller can flag a miss of the 1 s goal. */
export async function benchFirstScreen(o: FirstScreenOptions): Promise<{ loginMs: number; homeMs: number } | null> {
  if (!existsSync(CHROMIUM)) {
    console.log(`首屏测量：跳过（未找到 Chromium：${CHROMIUM}，可用 CHROMIUM_PATH 指定）`);
    return null;
  }
  const runs = o.runs ?? 5;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    await coldRun(browser, o); // warm-up: starts Chromium's renderer processes; not counted
    const results: Run[] = [];
    for (let i = 0; i < runs; i++) results.push(await coldRun(browser, o));
    const loginMs = median(results.map((r) => r.loginMs));
    const homeMs = median(results.map((r) => r.homeMs));
    const worst = (k: 'loginMs' | 'homeMs') => Math.max(...results.map((r) => r[k])).toFixed(0);
    const cpu = (k: 'loginCpu' | 'homeCpu') => median(results.map((r) => r[k])).toFixed(0);
    const goal = (ms: number) => (ms < 1000 ? '达标（< 1 s）' : '未达标（目标 < 1 s）');
    const load = loadavg()[0]!.toFixed(1);
    console.log(`首屏：打开 → 登录表单可用（空缓存）                 ${loginMs.toFixed(0)} ms（${runs} 次中位数，最慢 ${worst('loginMs')} ms）${goal(loginMs)}；页面主线程 CPU ${cpu('loginCpu')} ms`);
    const inPage = median(await inPageRuns(browser, o.url, runs));
    console.log(`首屏：页面内 导航开始 → 登录表单出现（空缓存）       ${inPage.toFixed(0)} ms（${runs} 次中位数）${goal(inPage)}；不含浏览器启动渲染进程和测量往返`);
    console.log(`首屏：点击登录 → 首页显示（空缓存）                 ${homeMs.toFixed(0)} ms（${runs} 次中位数，最慢 ${worst('homeMs')} ms）${goal(homeMs)}；页面主线程 CPU ${cpu('homeCpu')} ms`);
    console.log(`  本机 CPU ${cpus().length} 核，1 分钟平均负载 ${load}（负载高于核数时，等待时间主要是排队，请参考主线程 CPU）`);
    const last = results[results.length - 1]!;
    // What index.html names is on the critical path; other files fetched before 「登录」 are the idle prefetch.
    const html = await fetch(o.url).then((r) => r.text());
    const critical = (f: Loaded) => f.path === '/' || html.includes(`.${f.path}"`);
    describeFiles('登录页加载（index.html 及其引用）', last.login.filter(critical), o.staticDir);
    const prefetched = last.login.filter((f) => !critical(f));
    if (prefetched.length) describeFiles('登录页空闲时预取（首页）', prefetched, o.staticDir);
    describeFiles('点击登录后另加载', last.home, o.staticDir);
    return { loginMs, homeMs };
  } finally {
    await browser.close();
  }
}
