import { describe, expect, it } from 'vitest';
import { serialRunner } from '../../renderer/src/scanner/serial-runner';

describe('serialRunner (scan queue)', () => {
  it('handles a slow first scan completely before the next one starts', async () => {
    const log: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const run = serialRunner(async (code: string) => {
      log.push(`start ${code}`);
      if (code === 'SHELF') await gate;
      log.push(`end ${code}`);
    });
    void run('SHELF');
    const last = run('ITEM');
    await Promise.resolve();
    expect(log).toEqual(['start SHELF']);
    release();
    await last;
    expect(log).toEqual(['start SHELF', 'end SHELF', 'start ITEM', 'end ITEM']);
  });

  it('keeps going after a handler fails', async () => {
    const done: string[] = [];
    const run = serialRunner(async (code: string) => {
      if (code === 'BAD') throw new Error('boom');
      done.push(code);
    });
    void run('A');
    void run('BAD');
    await run('B');
    expect(done).toEqual(['A', 'B']);
  });
});
