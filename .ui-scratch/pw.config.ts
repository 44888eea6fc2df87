import base from '../playwright.config';
import { defineConfig } from '@playwright/test';
const D = '/tmp/ui-e2e-data';
export default defineConfig({
  ...base,
  testDir: '/work/main/test/e2e',
  outputDir: '/tmp/ui-pw-out',
  globalSetup: undefined,
  use: { ...base.use, baseURL: 'http://127.0.0.1:5793' },
  projects: [{ name: 'chromium', use: { ...base.projects![0]!.use, baseURL: 'http://127.0.0.1:5793' } }],
  webServer: {
    ...(base.webServer as object),
    command: `rm -rf ${D} && mkdir -p ${D} test/artifacts/screenshots && npx tsx electron/cli/main.ts seed-demo --data ${D} --password Demo1234 && npx tsx electron/server/main.ts --data ${D} --port 5793`,
    url: 'http://127.0.0.1:5793/healthz',
    cwd: '/work/main',
    timeout: 120_000,
  } as never,
});
