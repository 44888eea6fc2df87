/** Moves the journey server's clock forward (electron/server/e2e-clock.ts): time passes without the test waiting. */
import { readFileSync, writeFileSync } from 'node:fs';

const file = '.e2e-data/clock-offset-ms';

export function serverClockOffset(): number {
  try {
    return Number(readFileSync(file, 'utf8').trim()) || 0;
  } catch {
    return 0;
  }
}

/** Forward only: events keep their order for every later journey on the same server. */
export function advanceServerClock(ms: number): void {
  if (ms > 0) writeFileSync(file, String(serverClockOffset() + Math.ceil(ms)));
}
