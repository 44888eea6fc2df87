import { defineConfig } from '@playwright/test';
import base from '../../../playwright.config';
export default defineConfig({ ...base, testDir: '/work/main/test/e2e/support', testMatch: 'zz-dbg.spec.ts', globalSetup: undefined, webServer: undefined, outputDir: '/tmp/dbg-out', use: { ...base.use, baseURL: 'http://127.0.0.1:5796' } });
