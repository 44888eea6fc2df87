/**
 * A server whose certificate comes from the agency's own CA (issue 8): the terminal trusts it only when given that
 * CA, and says so in Chinese when it is not; under TLS the session cookie is Secure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { request as httpsRequest } from 'node:https';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createHttpHost, SESSION_COOKIE } from '../../electron/server/http-host';
import { createRemoteCore } from '../../electron/main/remote-core';
import { makeTestCore, TEST_PASSWORD, type TestCore } from '../support/test-core';

const dir = mkdtempSync(join(tmpdir(), 'seized-tls-'));
const f = (n: string) => join(dir, n);
const ssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
let t: TestCore;
let server: Server;
let base = '';

beforeAll(async () => {
  // A private CA, and a server certificate for 127.0.0.1 signed by it.
  ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', f('ca.key'), '-out', f('ca.pem'), '-days', '2', '-subj', '/CN=滨州市涉案财物管理中心 CA');
  ssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', f('server.key'), '-out', f('server.csr'), '-subj', '/CN=127.0.0.1');
  writeFileSync(f('ext.cnf'), 'subjectAltName=IP:127.0.0.1\n');
  ssl('x509', '-req', '-in', f('server.csr'), '-CA', f('ca.pem'), '-CAkey', f('ca.key'), '-CAcreateserial', '-out', f('server.pem'), '-days', '2', '-extfile', f('ext.cnf'));
  t = await makeTestCore();
  server = await createHttpHost(t.core, { staticDir: null, tls: { cert: readFileSync(f('server.pem')), key: readFileSync(f('server.key')) } });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.close();
  await t.close();
});

describe('HTTPS with a private CA', () => {
  it('refuses the server without its CA, in Chinese', async () => {
    const remote = createRemoteCore({ baseUrl: base, attempts: 1 });
    const r = await remote.dispatch(null, 'auth.login', { username: 'ga_bar', password: TEST_PASSWORD });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('SERVER_UNREACHABLE');
      expect(r.error.message).toMatch(/证书/);
    }
  });

  it('works with the CA, and the session cookie is Secure', async () => {
    const remote = createRemoteCore({ baseUrl: base, ca: readFileSync(f('ca.pem')) });
    const login = await remote.dispatch(null, 'auth.login', { username: 'ga_bar', password: TEST_PASSWORD });
    expect(login.ok).toBe(true);
    const token = (login as { ok: true; data: { token: string } }).data.token;
    expect(token.length).toBeGreaterThan(20);
    expect(await remote.dispatch(token, 'auth.me', {})).toMatchObject({ ok: true, data: { username: 'ga_bar' } });
    const raw = await new Promise<string>((resolve, reject) => {
      const req = httpsRequest(
        `${base}/api/auth.login`,
        { method: 'POST', ca: readFileSync(f('ca.pem')), headers: { 'Content-Type': 'application/json', 'X-Seized-Client': '1' } },
        (res) => resolve(String(res.headers['set-cookie']?.[0] ?? '')),
      );
      req.on('error', reject);
      req.end(JSON.stringify({ username: 'ga_bar', password: TEST_PASSWORD }));
    });
    expect(raw).toMatch(new RegExp(`^${SESSION_COOKIE}=[^;]+;`));
    expect(raw.split('; ').slice(1).sort()).toEqual(['HttpOnly', 'Path=/', 'SameSite=Strict', 'Secure']);
  });
});
