/**
 * A desktop terminal in server mode (issue 8): the forwarding layer drives a live HTTP host over a real socket.
 * It signs in, calls methods, survives a server restart (sessions live in the database), and reports an
 * unreachable server in Chinese without falling back to anything local.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, type OpenedApp } from '../../electron/core/bootstrap';
import { seedReferenceData } from '../../electron/core/seed/reference-data';
import { hashPassword } from '../../electron/core/auth/password';
import { createHttpHost } from '../../electron/server/http-host';
import { createRemoteCore } from '../../electron/main/remote-core';
import { createIpcInvoke, type IpcEventLike } from '../../electron/main/ipc-dispatch';

const PASSWORD = 'Passw0rd!';
const dataDir = mkdtempSync(join(tmpdir(), 'seized-remote-'));
let app: OpenedApp;
let server: Server;
let port = 0;

async function startServer(): Promise<void> {
  app = await openApp(dataDir, { createAdmin: false });
  server = await createHttpHost(app.core, { staticDir: null });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
  port = (server.address() as AddressInfo).port;
}
async function stopServer(): Promise<void> {
  await new Promise<void>((r) => server.close(() => r()));
  await app.store.close();
}

beforeAll(async () => {
  await startServer();
  await seedReferenceData(app.store.db, new Date().toISOString(), hashPassword(PASSWORD));
});
afterAll(async () => {
  if (server.listening) await stopServer();
});

const windowEvent = (id: number): IpcEventLike => ({ sender: { id, once: () => undefined }, senderFrame: { url: 'app://renderer/index.html' } });
const noWait = async () => undefined;

describe('desktop terminal forwarding to the server', () => {
  it('signs in, calls methods as that user, and keeps the server token out of the page', async () => {
    const remote = createRemoteCore({ baseUrl: `http://127.0.0.1:${port}`, sleep: noWait });
    const { invoke } = createIpcInvoke(remote, () => true);
    const w = windowEvent(1);
    const login = await invoke(w, 'auth.login', { username: 'ga_bar', password: PASSWORD });
    expect(login).toMatchObject({ ok: true, data: { token: '', user: { username: 'ga_bar', agencyName: '滨州市公安局' } } });
    expect(await invoke(w, 'auth.me', {})).toMatchObject({ ok: true, data: { username: 'ga_bar' } });
    const c = await invoke(w, 'case.create', { caseNo: 'A3716002026120777', name: '远程终端测试案' });
    expect(c).toMatchObject({ ok: true, data: { caseNo: 'A3716002026120777', hostAgencyName: '滨州市公安局' } });
    // Another window of the terminal is not signed in; the server's refusal comes through unchanged.
    expect(await invoke(windowEvent(2), 'auth.me', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const bad = await invoke(w, 'case.create', { caseNo: 'x', name: '' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: '输入有误' } });
  });

  it('reports an unreachable server in Chinese while it is down, and carries on with the same session after a restart', async () => {
    const remote = createRemoteCore({ baseUrl: `http://127.0.0.1:${port}`, sleep: noWait, attempts: 2 });
    const { invoke } = createIpcInvoke(remote, () => true);
    const w = windowEvent(3);
    expect((await invoke(w, 'auth.login', { username: 'zx_bgy', password: PASSWORD })).ok).toBe(true);

    await stopServer();
    const down = await invoke(w, 'item.list', {});
    expect(down.ok).toBe(false);
    if (!down.ok) {
      expect(down.error.code).toBe('SERVER_UNREACHABLE');
      expect(down.error.message).toContain(`无法连接服务器 http://127.0.0.1:${port}：服务器拒绝连接`);
      expect(down.error.message).toContain('已重试 2 次');
    }

    await startServer();
    expect(await invoke(w, 'auth.me', {})).toMatchObject({ ok: true, data: { username: 'zx_bgy' } });
    expect(await invoke(w, 'case.list', { limit: 10 })).toMatchObject({ ok: true, data: { total: { n: 1, kind: 'exact' } } });
  });

  it('refuses an address that is not http(s), and names a server that answers something else', async () => {
    expect(() => createRemoteCore({ baseUrl: 'ftp://127.0.0.1' })).toThrow('服务器地址须以 https:// 或 http:// 开头');
    const other = await createHttpHost(app.core, { staticDir: null });
    const strange = (await import('node:http')).createServer((_q, s) => s.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>路由器登录</html>'));
    await new Promise<void>((r) => strange.listen(0, '127.0.0.1', () => r()));
    const remote = createRemoteCore({ baseUrl: `http://127.0.0.1:${(strange.address() as AddressInfo).port}`, sleep: noWait });
    const r = await remote.dispatch(null, 'auth.me', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'SERVER_UNREACHABLE' } });
    if (!r.ok) expect(r.error.message).toContain('应答无法识别');
    strange.close();
    other.close();
  });
});
