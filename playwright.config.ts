import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const port = Number(process.env.E2E_PORT ?? 5799);
/** list-exports moves the server clock 20 h, then backup 49 h: later journeys would see their own dates as past. */
const CLOCK_MOVERS = [/list-exports\.spec\.ts$/, /backup\.spec\.ts$/];
const desktop = { ...devices['Desktop Chrome'], viewport: { width: 1366, height: 768 } };

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  // CI machines are shared and loaded: one retry, and a journey that passes only on retry is reported as flaky.
  retries: process.env.CI ? 1 : 0,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(existsSync(chromium) ? { executablePath: chromium } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  // Journeys that move the shared server's clock far forward (forward only) run after all the others.
  projects: [
    { name: 'chromium', testIgnore: CLOCK_MOVERS, use: desktop },
    { name: 'chromium-clock-20h', testMatch: CLOCK_MOVERS[0], dependencies: ['chromium'], use: desktop },
    { name: 'chromium-clock-49h', testMatch: CLOCK_MOVERS[1], dependencies: ['chromium-clock-20h'], use: desktop },
  ],
  webServer: {
    command: `npx tsx test/e2e/support/serve-fresh.ts`,
    env: { E2E_PORT: String(port), E2E_DATA: '.e2e-data' },
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
  },
});
