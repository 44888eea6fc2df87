/**
 * Fuzzing through the HTTP host (issue 14, part 7): every contract method over real HTTP, with hostile JSON bodies,
 * broken JSON, invalid UTF-8 and oversized bodies. Bounds: every answer is JSON with a known code and matching status,
 * never 500, no stack or internal word, a rejected call changes nothing, and the ledger verifies at the end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import { contract } from '../../shared/api/contract';
import { ERROR_CODES, httpStatusOf, type ApiResult } from '../../shared/api/errors';
import { createHttpHost, SESSION_COOKIE } from '../../electron/server/http-host';
import { makeTestCore, TEST_PASSWORD, TEST_PG_URL, type TestCore } from '../support/test-core';
import { hostileInputFor } from '../support/hostile';
import { ACTORS, fingerprinter, fuzzSeed, INTERNAL, seedFuzzData, settleJob, withoutEcho } from '../support/fuzz-kit';

const CALLS = Number(process.env.FUZZ_HTTP_CALLS ?? (TEST_PG_URL ? 500 : 2000));
const methods = Object.keys(contract) as (keyof typeof contract)[];
const H = { 'Content-Type': 'application/json', 'X-Seized-Client': '1' };
let t: TestCore;
let server: Server;
let base: string;

beforeAll(async () => {
  t = await makeTestCore({ dataDir: mkdtempSync(join(tmpdir(), 'seized-fuzz-http-')) });
  await seedFuzzData(t);
  server = await createHttpHost(t.core, { staticDir: null, loginLimit: { max: 1_000_000, windowMs: 60_000 } });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  server?.close();
  await t?.close();
});

const BROKEN_BODIES = [
  Buffer.from('{"id": 1,'),
  Buffer.from([0x7b, 0x22, 0x71, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]),
  Buffer.from('{"q": "\\ud800"}'),
  Buffer.from('[]'.repeat(5)),
  Buffer.alloc(300 * 1024, 0x61),
];
/** A body: mostly the hostile input as JSON, sometimes bytes no JSON parser accepts. */
const bodyArb = (m: keyof typeof contract) =>
  fc.oneof(
    { weight: 12, arbitrary: hostileInputFor(contract[m].input as z.ZodType).map((input) => ({ input, bytes: Buffer.from(JSON.stringify(input) ?? '') })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...BROKEN_BODIES).map((bytes) => ({ input: {}, bytes })),
    },
  );

describe('fuzzing through the HTTP host', () => {
  it(`survives ${CALLS} hostile requests on every method`, { timeout: 400_000 }, async () => {
    const seed = fuzzSeed('fuzz-http');
    const fp = await fingerprinter(t.core.store);
    const cookies = new Map<string, string>();
    const cookieOf = async (u: string | null): Promise<string | null> => {
      if (!u) return null;
      if (!cookies.has(u)) {
        const res = await fetch(`${base}/api/auth.login`, { method: 'POST', headers: H, body: JSON.stringify({ username: u, password: TEST_PASSWORD }) });
        cookies.set(u, (res.headers.get('set-cookie') ?? 'x=revoked').split(';')[0]!);
      }
      return cookies.get(u)!;
    };
    const tally: Record<string, number> = {};
    const bodies = new Map(methods.map((m) => [m, bodyArb(m)]));
    const arb = fc
      .record({ m: fc.constantFrom(...methods), actor: fc.constantFrom(...ACTORS, 'forged') })
      .chain(({ m, actor }) => bodies.get(m)!.map((b) => ({ m, actor, ...b })));
    await fc.assert(
      fc.asyncProperty(arb, async ({ m, actor, input, bytes }) => {
        const cookie = actor === 'forged' ? `${SESSION_COOKIE}=%%%${'A'.repeat(500)}` : await cookieOf(actor);
        const before = await fp();
        const res = await fetch(`${base}/api/${m}`, { method: 'POST', headers: cookie ? { ...H, Cookie: cookie } : H, body: bytes, signal: AbortSignal.timeout(15_000) });
        const raw = await res.text();
        const after = await fp();
        tally[res.status] = (tally[res.status] ?? 0) + 1;
        expect(res.status, `${m}: ${raw.slice(0, 300)}`).toBeLessThan(500);
        const body = JSON.parse(raw) as ApiResult<unknown>;
        if (body.ok) {
          if (m === 'job.start') await settleJob(async (mm, ii) => (await fetch(`${base}/api/${mm}`, { method: 'POST', headers: { ...H, Cookie: cookie ?? '' }, body: JSON.stringify(ii) })).json() as Promise<{ ok: boolean }>, body.data);
          return;
        }
        const text = [body.error.message, ...(body.error.details ?? [])].join('\n');
        expect(Object.keys(ERROR_CODES)).toContain(body.error.code);
        expect(res.status).toBe(body.error.code === 'TOO_MANY_REQUESTS' ? 429 : httpStatusOf(body.error.code));
        expect(withoutEcho(text, input), m).not.toMatch(INTERNAL);
        expect(text).toMatch(/[\u4e00-\u9fff]/);
        if (res.status === 401 && actor && actor !== 'forged') cookies.delete(actor);
        if (!['auth.login', 'auth.changePassword'].includes(m)) expect(after, `${m} refused but wrote`).toBe(before);
      }),
      { seed, numRuns: CALLS, endOnFailure: true },
    );
    console.log(`fuzz-http: ${CALLS} requests, by status ${JSON.stringify(tally)}`);
    const v = await t.call('jw_jd', 'ledger.verify', {});
    expect(v.ok).toBe(true);
  });
});
