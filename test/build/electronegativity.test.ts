/** Electronegativity over electron/ (issue 14, part 6): 0 HIGH, 0 MEDIUM, and every LOW accepted with a reason. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';

describe('electronegativity', () => {
  it('reports no HIGH or MEDIUM finding and only accepted LOWs', { timeout: 180_000 }, () => {
    const r = spawnSync(process.execPath, ['scripts/electronegativity.mjs'], { encoding: 'utf8' });
    console.log(r.stdout.trim());
    expect(r.stdout).toMatch(/HIGH 0, MEDIUM 0/);
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });
});
