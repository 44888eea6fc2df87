/** Private run of a journey on another port and data folder (when the shared port 5799 is busy): E2E_PORT=5797 npx playwright test -c test/e2e/support/dev.config.ts <spec> */
import { defineConfig } from '@playwright/test';
import base from '../../../playwright.config';

const port = Number(process.env.E2E_PORT ?? 5797);
const data = `/tmp/e2e-data-${port}`;

export default defineConfig({
  ...base,
  testDir: '..',
  outputDir: `/tmp/e2e-results-${port}`,
  globalSetup: './dev-setup.ts',
  use: { ...base.use, baseURL: `http://127.0.0.1:${port}` },
  webServer: { ...(base.webServer as object), command: `npx tsx electron/server/main.ts --data ${data} --port ${port}`, url: `http://127.0.0.1:${port}/healthz`, cwd: '../../..' },
});
