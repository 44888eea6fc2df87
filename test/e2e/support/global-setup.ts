/** A fresh data folder with the demo agencies, users (password E2E_PASSWORD) and locations, before the server starts. */
import { rmSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

export const E2E_DATA = 'test-results/e2e-data';

export default function globalSetup(): void {
  rmSync(E2E_DATA, { recursive: true, force: true });
  mkdirSync(E2E_DATA, { recursive: true });
  mkdirSync('test/artifacts/screenshots', { recursive: true });
  execFileSync('npx', ['tsx', 'electron/cli/main.ts', 'seed-demo', '--data', E2E_DATA, '--password', 'Demo1234'], { stdio: 'inherit' });
}
