/** Playwright's web server: a fresh data folder seeded with the demo agencies, users (password Demo1234) and locations. */
import { rmSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const data = process.env.E2E_DATA ?? '.e2e-data';
const port = process.env.E2E_PORT ?? '5799';
rmSync(data, { recursive: true, force: true });
mkdirSync(data, { recursive: true });
execFileSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', 'seed-demo', '--data', data, '--password', 'Demo1234'], { stdio: 'inherit' });
// Journeys move the server's clock by writing an offset here (support/clock.ts) instead of waiting.
process.env.SEIZED_E2E_CLOCK ??= `${data}/clock-offset-ms`;
// The journeys sign in many times a minute from one address: lift the login throttle for them.
process.env.SEIZED_LOGIN_LIMIT ??= '100000';
// One JSON line per request would bury the test output; warnings and errors still show.
process.env.SEIZED_LOG_LEVEL ??= 'warn';
process.argv.push('--data', data, '--port', port);
await import('../../../electron/server/main');
