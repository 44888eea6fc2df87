import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createHttpHost, SESSION_COOKIE } from '../../electron/server/http-host';
import { makeTestCore, TEST_PASSWORD, type TestCore } from '../support/test-core';

let t: TestCore;
const servers: Server[] = [];
const H = { 'Content-Type': 'application/json', 'X-Seized-Client': '1' };

async function start(opts: Omit<Parameters<typeof createHttpHost>[1], 'staticDir'>): Promise<string> {
  const server = await createHttpHost(t.core, { staticDir: null, ...opts });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
const login = (base: string, password = TEST_PASSWORD) =>
  fetch(`${base}/api/auth.login`, { method: 'POST', headers: H, body: JSON.stringify({ username: 'ga_bar', password }) });

beforeAll(async () => {
  t = await makeTestCore();
});
afterAll(async () => {
  for (const s of servers) s.close();
  await t.close();
});

describe('LAN server: logs, timeouts, login throttling', () => {
  it('writes one JSON line per request, without the body, the cookie or the token', async () => {
    const lines: string[] = [];
    const base = await start({ log: 'info', logStream: { write: (l) => void lines.push(l) } });
    const res = await login(base);
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const token = cookie.slice(SESSION_COOKIE.length + 1);
    await fetch(`${base}/api/auth.me`, { method: 'POST', headers: { ...H, Cookie: cookie }, body: '{}' });
    await fetch(`${base}/healthz`);
    await new Promise((r) => setImmediate(r));
    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((e) => e.msg === 'request');
    expect(entries.map((e) => [e.method, e.url, e.status])).toEqual([
      ['POST', '/api/auth.login', 200],
      ['POST', '/api/auth.me', 200],
      ['GET', '/healthz', 200],
    ]);
    for (const e of entries) {
      expect(typeof e.responseTime).toBe('number');
      expect(e.ip).toBe('127.0.0.1');
    }
    const all = lines.join('\n');
    expect(all).not.toContain(TEST_PASSWORD);
    expect(all).not.toContain(token);
    expect(all).not.toContain(SESSION_COOKIE);
  });

  it('answers HEAD /healthz and names the body limit in Chinese', async () => {
    const base = await start({});
    expect((await fetch(`${base}/healthz`, { method: 'HEAD' })).status).toBe(200);
    const big = await fetch(`${base}/api/case.list`, { method: 'POST', headers: H, body: JSON.stringify({ q: 'x'.repeat(300 * 1024) }) });
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({ ok: false, error: { code: 'TOO_LARGE', message: '请求内容超过 256 KB 上限' } });
  });

  it('is silent by default', async () => {
    const lines: string[] = [];
    const base = await start({ logStream: { write: (l) => void lines.push(l) } });
    await fetch(`${base}/healthz`);
    expect(lines).toEqual([]);
  });

  it('closes a connection whose request does not arrive in time', async () => {
    const base = await start({ requestTimeoutMs: 300 });
    const { port } = new URL(base);
    const started = Date.now();
    // A slow client: the request line and half the headers, then nothing.
    const closed = await new Promise<string>((done, fail) => {
      let got = '';
      const s = connect(Number(port), '127.0.0.1', () => s.write('POST /api/auth.me HTTP/1.1\r\nHost: 127.0.0.1\r\n'));
      s.on('data', (d) => (got += d.toString()));
      s.once('close', () => done(got));
      s.once('error', fail);
      setTimeout(() => fail(new Error('the connection stayed open')), 5000).unref();
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(closed === '' || closed.startsWith('HTTP/1.1 408')).toBe(true);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('throttles login attempts per client address with a Chinese 429', async () => {
    const base = await start({ loginLimit: { max: 3, windowMs: 60_000 } });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await login(base, 'wrong-password')).status);
    expect(statuses).toEqual([401, 401, 401]);
    const blocked = await login(base);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('set-cookie')).toBeNull();
    expect(await blocked.json()).toEqual({ ok: false, error: { code: 'TOO_MANY_REQUESTS', message: '登录尝试过于频繁，请稍后再试' } });
    // Only the login route is throttled.
    expect((await fetch(`${base}/api/auth.me`, { method: 'POST', headers: H, body: '{}' })).status).toBe(401);
  });
});
