import { rmSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
export default function setup(): void {
  const d = '/tmp/ui-e2e-data';
  rmSync(d, { recursive: true, force: true });
  mkdirSync(d, { recursive: true });
  mkdirSync('test/artifacts/screenshots', { recursive: true });
  execFileSync('npx', ['tsx', 'electron/cli/main.ts', 'seed-demo', '--data', d, '--password', 'Demo1234'], { stdio: 'inherit', cwd: '/work/main' });
}
