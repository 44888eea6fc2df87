/** Issue 14 at the HTTP host: throttling by client address, identical login answers, bad cookies, Host and Secure defaults. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:https';
import { createHttpHost, listeningHosts } from '../../electron/server/http-host';
import { makeTestCore, TEST_PASSWORD, type TestCore } from '../support/test-core';

let t: TestCore;
let server: Server;
let base: string;
const H = { 'Content-Type': 'application/json', 'X-Seized-Client': '1' };

beforeAll(async () => {
  t = await makeTestCore();
  // Behind a proxy: the client address comes from X-Forwarded-For, so one test can play several terminals.
  server = await createHttpHost(t.core, { staticDir: null, trustProxy: true, loginLimit: { max: 1000, windowMs: 60_000 } });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.close();
  await t.close();
});

const loginFrom = async (ip: string, username: string, password: string) => {
  const res = await fetch(`${base}/api/auth.login`, { method: 'POST', headers: { ...H, 'X-Forwarded-For': ip }, body: JSON.stringify({ username, password }) });
  return { status: res.status, body: await res.text(), cookie: res.headers.get('set-cookie') };
};

describe('HTTP host security', () => {
  it('50 wrong passwords from one client do not stop the real user logging in from another', async () => {
    for (let i = 0; i < 50; i++) expect((await loginFrom('192.0.2.66', 'zx_bgy', `Guess-${i}x`)).status).toBe(401);
    const real = await loginFrom('192.0.2.10', 'zx_bgy', TEST_PASSWORD);
    expect(real.status).toBe(200);
    expect(real.cookie).toMatch(/^seized_sid=/);
    const rows = await t.core.store.db.selectFrom('security_events').select(['kind', 'client']).where('kind', '=', 'login').execute();
    expect(rows).toContainEqual({ kind: 'login', client: '192.0.2.10' });
  });

  it('gives unknown users, wrong passwords and locked accounts the same status and body', async () => {
    for (let i = 0; i < 5; i++) await loginFrom('192.0.2.77', 'jc_sp', 'nope-nope-1');
    const unknown = await loginFrom('192.0.2.77', 'ghost_user', 'nope-nope-1');
    const wrong = await loginFrom('192.0.2.78', 'jc_bar', 'nope-nope-1');
    const locked = await loginFrom('192.0.2.77', 'jc_sp', 'nope-nope-1');
    for (const r of [unknown, locked]) expect({ status: r.status, body: r.body }).toEqual({ status: wrong.status, body: wrong.body });
    expect(wrong.status).toBe(401);
    expect((await loginFrom('192.0.2.77', 'jc_sp', TEST_PASSWORD)).status).toBe(423);
  });

  it('answers malformed session cookies with 401, never 500', async () => {
    for (const c of ['seized_sid=%E0%A4%A', 'seized_sid="abc', `seized_sid=${'x'.repeat(4000)}`, 'seized_sid=a;seized_sid=b', 'seized_sid=\u00ff', 'seized_sid', 'seized_sid=a%00b']) {
      const res = await fetch(`${base}/api/auth.me`, { method: 'POST', headers: { ...H, Cookie: c }, body: '{}' });
      expect(res.status, c.slice(0, 20)).toBe(401);
    }
  });

  it('defaults a LAN server to its listening addresses and loopback', () => {
    expect(listeningHosts('192.168.1.20')).toEqual(['127.0.0.1', 'localhost', '[::1]', '192.168.1.20']);
    const all = listeningHosts('0.0.0.0');
    expect(all).toContain('127.0.0.1');
    expect(all.length).toBeGreaterThan(3);
  });

  it('forces Secure session cookies with TLS', async (ctx) => {
    let dir: string;
    try {
      dir = mkdtempSync(join(tmpdir(), 'seized-tls-'));
      execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=localhost',
        '-keyout', join(dir, 'k.pem'), '-out', join(dir, 'c.pem')], { stdio: 'ignore' });
    } catch {
      ctx.skip(); // no openssl on this machine: nothing to make a certificate with
      return;
    }
    const tls = await createHttpHost(t.core, { staticDir: null, secureCookie: false, tls: { cert: readFileSync(join(dir, 'c.pem')), key: readFileSync(join(dir, 'k.pem')) } });
    await new Promise<void>((r) => tls.listen(0, '127.0.0.1', () => r()));
    const port = (tls.address() as AddressInfo).port;
    const cookie = await new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/api/auth.login', method: 'POST', rejectUnauthorized: false, headers: H }, (res) => {
        res.resume();
        resolve(String(res.headers['set-cookie'] ?? ''));
      });
      req.on('error', reject);
      req.end(JSON.stringify({ username: 'fy_bar', password: TEST_PASSWORD }));
    });
    tls.close();
    expect(cookie).toMatch(/; Secure/);
  });
});
