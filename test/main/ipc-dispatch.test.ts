/** The Electron IPC host without Electron: trusted frames only, sessions per window, tokens never reach the page. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIpcInvoke, type IpcEventLike } from '../../electron/main/ipc-dispatch';
import { makeTestCore, TEST_PASSWORD, type TestCore } from '../support/test-core';

const TRUSTED = 'app://renderer/index.html';
let t: TestCore;
beforeEach(async () => {
  t = await makeTestCore();
});
afterEach(() => t.close());

function windowOf(id: number, url = TRUSTED) {
  const listeners: Array<() => void> = [];
  const event: IpcEventLike = { sender: { id, once: (_e, fn) => listeners.push(fn) }, senderFrame: { url } };
  return { event, destroy: () => listeners.forEach((f) => f()) };
}

describe('IPC host', () => {
  it('refuses calls from any page that is not the app', async () => {
    const { invoke } = createIpcInvoke(t.core, (u) => u.startsWith('app://renderer/'));
    const evil = windowOf(1, 'https://evil.example/');
    expect(await invoke(evil.event, 'auth.login', { username: 'ga_bar', password: TEST_PASSWORD })).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的请求' },
    });
  });

  it('keeps the session token in the main process, one per window, and ends it at logout or when the window closes', async () => {
    const ipc = createIpcInvoke(t.core, (u) => u.startsWith('app://renderer/'));
    const a = windowOf(1);
    const b = windowOf(2);
    const login = await ipc.invoke(a.event, 'auth.login', { username: 'ga_bar', password: TEST_PASSWORD });
    expect(login.ok && (login.data as { token: string }).token).toBe('');
    const me = await ipc.invoke(a.event, 'auth.me', {});
    expect(me.ok && (me.data as { username: string }).username).toBe('ga_bar');
    // Another window is not signed in by the first one's login.
    expect((await ipc.invoke(b.event, 'auth.me', {})).ok).toBe(false);
    await ipc.invoke(b.event, 'auth.login', { username: 'jc_bar', password: TEST_PASSWORD });
    expect(ipc.sessions()).toBe(2);
    await ipc.invoke(a.event, 'auth.logout', {});
    expect((await ipc.invoke(a.event, 'auth.me', {})).ok).toBe(false);
    b.destroy();
    expect(ipc.sessions()).toBe(0);
  });

  it('passes host-only methods to the host handler and nothing else', async () => {
    // host.printPdf and host.saveFile need a session: test/main/electron-hardening.test.ts.
    const seen: string[] = [];
    const ipc = createIpcInvoke(t.core, () => true, {
      isHostMethod: (m) => m.startsWith('host.'),
      handle: async (_s, m) => (seen.push(m), { ok: true, data: { printed: true } }),
    });
    expect(await ipc.invoke(windowOf(3).event, 'host.connection', {})).toEqual({ ok: true, data: { printed: true } });
    expect((await ipc.invoke(windowOf(3).event, 'item.list', {})).ok).toBe(false); // not signed in: goes to dispatch
    expect(seen).toEqual(['host.connection']);
  });
});
