/** Global setup for dev.config.ts: a fresh seeded data folder for that port. */
import { rmSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

export default function devSetup(): void {
  const data = `/tmp/e2e-data-${Number(process.env.E2E_PORT ?? 5797)}`;
  rmSync(data, { recursive: true, force: true });
  mkdirSync(data, { recursive: true });
  mkdirSync('test/artifacts/screenshots', { recursive: true });
  execFileSync('npx', ['tsx', 'electron/cli/main.ts', 'seed-demo', '--data', data, '--password', 'Demo1234'], { stdio: 'inherit' });
}
