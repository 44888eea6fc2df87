/** Electron hardening without Electron (issue 14, part 6): the external-link allow-list and sessions for host methods. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createIpcInvoke, type IpcEventLike } from '../../electron/main/ipc-dispatch';
import { EXTERNAL_LINK_ALLOW_LIST, isAllowedExternalUrl } from '../../electron/main/external-links';
import { makeTestCore, TEST_PASSWORD, type TestCore } from '../support/test-core';

let t: TestCore;
beforeEach(async () => {
  t = await makeTestCore();
});
afterEach(() => t.close());

const windowOf = (id: number): IpcEventLike => ({ sender: { id, once: () => undefined }, senderFrame: { url: 'app://renderer/index.html' } });

describe('external links', () => {
  it('open only for addresses on the one allow-list', () => {
    expect(EXTERNAL_LINK_ALLOW_LIST.length).toBeGreaterThan(0);
    for (const prefix of EXTERNAL_LINK_ALLOW_LIST) expect(isAllowedExternalUrl(`${prefix}detail?id=1`)).toBe(true);
    for (const bad of [
      'https://evil.example/',
      'https://flk.npc.gov.cn.evil.example/',
      'https://user:pw@flk.npc.gov.cn/',
      'http://flk.npc.gov.cn/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'ms-msdt:/id PCWDiagnostic',
      'not a url',
    ])
      expect(isAllowedExternalUrl(bad), bad).toBe(false);
  });

  it('is the only rule the window-open handler uses', () => {
    const src = readFileSync('electron/main/security.ts', 'utf8');
    expect(src).toContain('if (isAllowedExternalUrl(url)) void shell.openExternal(url);');
    expect(src.match(/openExternal/g)).toHaveLength(1);
  });
});

describe('host methods', () => {
  it('print and save need a live session; connection settings do not', async () => {
    const handled: string[] = [];
    const host = { isHostMethod: (m: string) => m.startsWith('host.'), handle: async (_s: unknown, m: string) => (handled.push(m), { ok: true as const, data: null }) };
    const ipc = createIpcInvoke(t.core, () => true, host);
    const w = windowOf(1);
    for (const m of ['host.printPdf', 'host.saveFile', 'host.printers']) expect((await ipc.invoke(w, m, { base64: 'JVBERg==', fileName: 'a.pdf' })).ok, m).toBe(false);
    expect((await ipc.invoke(w, 'host.connection', {})).ok).toBe(true);
    expect(handled).toEqual(['host.connection']);
    await ipc.invoke(w, 'auth.login', { username: 'zx_bgy', password: TEST_PASSWORD });
    expect((await ipc.invoke(w, 'host.printPdf', { base64: 'JVBERg==' })).ok).toBe(true);
    // Logged out: refused again.
    await ipc.invoke(w, 'auth.logout', {});
    const after = await ipc.invoke(w, 'host.saveFile', { base64: 'JVBERg==', fileName: 'a.pdf' });
    expect(after).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '尚未登录或登录已过期，请重新登录' } });
    expect(handled).toEqual(['host.connection', 'host.printPdf']);
  });
});

describe('fuses', () => {
  it('every security fuse is set in the packaging config', () => {
    const yaml = createRequire(import.meta.url)('js-yaml') as { load(s: string): { electronFuses: Record<string, boolean> } };
    expect(yaml.load(readFileSync('electron-builder.yml', 'utf8')).electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
