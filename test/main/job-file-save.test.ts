/**
 * The desktop save of a job's file on disk (host.saveJobFile without Electron): the window's session names the job,
 * the save dialog picks the place, the file is copied from the local job folder or streamed from the server. The
 * IPC layer hands the window's own session token to the host method.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/test-core';
import { agencyId, registerPhones, runJob } from '../support/job-kit';
import { tempDir } from '../core/documents/pdf-tools';
import { createHttpHost } from '../../electron/server/http-host';
import { createRemoteCore, SERVER_COOKIE } from '../../electron/main/remote-core';
import { localJobFile, remoteJobFile, saveJobFile } from '../../electron/main/job-file-save';
import { createIpcInvoke } from '../../electron/main/ipc-dispatch';

let t: TestCore;
let dir: string;
let server: Server;
let base: string;
let jobId: string;
let zip: Buffer;
beforeAll(async () => {
  dir = tempDir('job-file-save-');
  t = await makeTestCore({ sqliteFile: path.join(dir, 'seized.sqlite') });
  await registerPhones(t, 3);
  const s = await runJob(t, 'jw_jd', { kind: 'scope.trail', scope: 'agency', agencyId: await agencyId(t, '371600'), volumeSize: 2 });
  jobId = s.jobId;
  const ref = await t.core.jobFile(await t.login('jw_jd'), jobId);
  if (!ref.ok) throw new Error(ref.error.message);
  zip = fs.readFileSync(ref.data.path);
  server = await createHttpHost(t.core, { staticDir: null });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('host.saveJobFile', () => {
  it('copies the owner\'s file from the local job folder to the place picked, under the job\'s file name', async () => {
    const deps = { dispatch: t.core.dispatch, openJobFile: localJobFile(t.core) };
    const token = await t.login('jw_jd');
    let offered = '';
    const dest = path.join(dir, 'saved-local.zip');
    const r = await saveJobFile(deps, token, jobId, async (name) => ((offered = name), dest));
    expect(r).toEqual({ ok: true, data: { saved: true, path: dest } });
    expect(offered).toMatch(/^单位涉案财物流转记录-共2册-.*\.zip$/);
    expect(fs.readFileSync(dest).equals(zip)).toBe(true);
    // Cancelled: nothing written.
    expect(await saveJobFile(deps, token, jobId, async () => null)).toEqual({ ok: true, data: { saved: false } });
    // Another user's session: the job is not theirs; the dialog never opens.
    let asked = false;
    const other = await saveJobFile(deps, await t.login('ga_bar'), jobId, async () => ((asked = true), dest));
    expect(other).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(asked).toBe(false);
  });

  it('streams it from the server in server mode, with the window\'s session cookie', async () => {
    const remote = createRemoteCore({ baseUrl: base, attempts: 1 });
    const login = await remote.dispatch(null, 'auth.login', { username: 'jw_jd', password: 'Passw0rd!' });
    if (!login.ok) throw new Error(login.error.message);
    const token = (login.data as { token: string }).token;
    const deps = { dispatch: remote.dispatch, openJobFile: remoteJobFile(base, SERVER_COOKIE) };
    const dest = path.join(dir, 'saved-remote.zip');
    expect(await saveJobFile(deps, token, jobId, async () => dest)).toEqual({ ok: true, data: { saved: true, path: dest } });
    expect(fs.readFileSync(dest).equals(zip)).toBe(true);
    // Without a session the server refuses the download itself, in Chinese.
    expect(await remoteJobFile(base, SERVER_COOKIE)(null, jobId)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('gets the window\'s own session token through IPC', async () => {
    const seen: Array<string | null> = [];
    const ipc = createIpcInvoke(t.core, () => true, { isHostMethod: (m) => m.startsWith('host.'), handle: async (_s, _m, _i, token) => (seen.push(token), { ok: true, data: null }) });
    const event = { sender: { id: 7, once: () => undefined }, senderFrame: { url: 'app://seized/index.html' } };
    await ipc.invoke(event, 'auth.login', { username: 'jw_jd', password: 'Passw0rd!' });
    await ipc.invoke(event, 'host.saveJobFile', { jobId });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});
