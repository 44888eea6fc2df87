import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHttpHost, LOOPBACK_HOSTS, SESSION_COOKIE } from '../../electron/server/http-host';
import { makeTestCore, TEST_PASSWORD, type TestCore } from '../support/test-core';

let t: TestCore;
let server: Server;
let base: string;
const H = { 'Content-Type': 'application/json', 'X-Seized-Client': '1' };

beforeAll(async () => {
  t = await makeTestCore();
  const staticDir = mkdtempSync(join(tmpdir(), 'seized-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>涉案财物管理系统</title>');
  server = await createHttpHost(t.core, { staticDir });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.close();
  await t.close();
});

async function login(username = 'ga_bar') {
  const res = await fetch(`${base}/api/auth.login`, { method: 'POST', headers: H, body: JSON.stringify({ username, password: TEST_PASSWORD }) });
  const cookie = res.headers.get('set-cookie')!;
  return { res, cookie: cookie.split(';')[0]!, raw: cookie, body: (await res.json()) as { ok: boolean; data: { token: string } } };
}

describe('HTTP host', () => {
  it('sets an HttpOnly SameSite=Strict session cookie and never returns the token', async () => {
    const { res, raw, body } = await login();
    expect(res.status).toBe(200);
    expect(raw).toMatch(new RegExp(`^${SESSION_COOKIE}=[^;]+; Path=/; HttpOnly; SameSite=Strict`));
    expect(body.data.token).toBe('');
  });

  it('maps errors to status codes', async () => {
    const { cookie } = await login();
    const post = (method: string, body: string, extra: Record<string, string> = {}) =>
      fetch(`${base}/api/${method}`, { method: 'POST', headers: { ...H, Cookie: cookie, ...extra }, body });
    expect((await fetch(`${base}/api/auth.me`, { method: 'POST', headers: H, body: '{}' })).status).toBe(401);
    expect((await post('nope.nothing', '{}')).status).toBe(404);
    expect((await post('user.list', '{}')).status).toBe(403);
    const bad = await post('case.create', '{"caseNo":"1"}');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toBe('输入有误');
    expect((await post('case.create', '{not json')).status).toBe(400);
    expect((await post('case.create', JSON.stringify({ caseNo: 'A00012345', name: '案' }))).status).toBe(200);
    expect((await post('case.create', JSON.stringify({ caseNo: 'A00012345', name: '案' }))).status).toBe(409);
    expect((await post('item.get', '{"id":424242}')).status).toBe(404);
  });

  it('refuses oversized bodies with 413', async () => {
    const { cookie } = await login();
    const res = await fetch(`${base}/api/case.list`, { method: 'POST', headers: { ...H, Cookie: cookie }, body: JSON.stringify({ q: 'x'.repeat(300 * 1024) }) });
    expect(res.status).toBe(413);
  });

  it('guards against cross-site requests', async () => {
    const { cookie } = await login();
    const cross = await fetch(`${base}/api/auth.me`, { method: 'POST', headers: { ...H, Cookie: cookie, Origin: 'http://evil.example' }, body: '{}' });
    expect(cross.status).toBe(403);
    const noHeader = await fetch(`${base}/api/auth.me`, { method: 'POST', headers: { 'Content-Type': 'text/plain', Cookie: cookie }, body: '{}' });
    expect(noHeader.status).toBe(403);
    expect((await fetch(`${base}/api/auth.me`, { headers: { Cookie: cookie } })).status).toBe(405);
  });

  it('serves the renderer with a strict CSP and falls back to index.html', async () => {
    const res = await fetch(`${base}/some/deep/link`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('涉案财物管理系统');
    const escape = await fetch(`${base}/..%2f..%2fetc/passwd`);
    expect(escape.status).toBe(404);
    expect(await escape.text()).not.toContain('root:');
  });

  it('answers a malformed request target with 400 and keeps serving', async () => {
    const { port } = server.address() as AddressInfo;
    // fetch() would refuse to send this: write the raw request line.
    const status = await new Promise<string>((done, fail) => {
      const s = connect(port, '127.0.0.1', () => s.write('GET http://[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
      s.once('data', (d) => done(d.toString().split('\r\n')[0]!));
      s.once('error', fail);
    });
    expect(status).toBe('HTTP/1.1 400 Bad Request');
    const badEscape = await fetch(`${base}/%E0%A4%A`);
    expect(badEscape.status).toBe(400);
    expect(((await badEscape.json()) as { error: { message: string } }).error.message).toBe('请求地址格式不正确');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('answers only to loopback host names when told to (DNS rebinding)', async () => {
    const strict = await createHttpHost(t.core, { staticDir: null, allowedHosts: LOOPBACK_HOSTS });
    await new Promise<void>((r) => strict.listen(0, '127.0.0.1', () => r()));
    const port = (strict.address() as AddressInfo).port;
    const { request } = await import('node:http');
    const get = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const rq = request({ host: '127.0.0.1', port, path: '/healthz', headers: { Host: host } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        rq.on('error', reject);
        rq.end();
      });
    expect(await get(`127.0.0.1:${port}`)).toBe(200);
    expect(await get(`localhost:${port}`)).toBe(200);
    expect(await get(`attacker.example:${port}`)).toBe(421);
    strict.close();
  });

  it('clears the cookie at logout', async () => {
    const { cookie } = await login();
    const out = await fetch(`${base}/api/auth.logout`, { method: 'POST', headers: { ...H, Cookie: cookie }, body: '{}' });
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await fetch(`${base}/api/auth.me`, { method: 'POST', headers: { ...H, Cookie: cookie }, body: '{}' })).status).toBe(401);
  });
});
