import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConnection, saveConnection } from '../../electron/main/connection-settings';

const dir = () => mkdtempSync(join(tmpdir(), 'seized-conn-'));

describe('desktop connection settings', () => {
  it('defaults to this computer, saves a server with its CA and reads it back', () => {
    const d = dir();
    expect(loadConnection(d)).toEqual({ mode: 'local' });
    const ca = join(d, 'ca.pem');
    writeFileSync(ca, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    expect(saveConnection(d, { mode: 'server', serverUrl: 'https://store.binzhou:5780', caFile: ca })).toMatchObject({ ok: true });
    expect(loadConnection(d)).toEqual({ mode: 'server', serverUrl: 'https://store.binzhou:5780', caFile: ca });
  });

  it('refuses a bad address, a missing or non-PEM CA file, and will not start on a damaged file', () => {
    const d = dir();
    expect(saveConnection(d, { mode: 'server', serverUrl: 'store.binzhou' })).toEqual({ ok: false, message: '服务器地址形如 https://服务器名:5780' });
    expect(saveConnection(d, { mode: 'server', serverUrl: 'https://s:5780', caFile: join(d, 'none.pem') })).toMatchObject({ ok: false, message: expect.stringContaining('找不到 CA 证书文件') });
    writeFileSync(join(d, 'x.pem'), 'hello');
    expect(saveConnection(d, { mode: 'server', serverUrl: 'https://s:5780', caFile: join(d, 'x.pem') })).toMatchObject({ ok: false, message: expect.stringContaining('不是 PEM 格式') });
    writeFileSync(join(d, 'connection.json'), '{"mode":"server"}');
    expect(() => loadConnection(d)).toThrow('连接设置文件');
  });
});
