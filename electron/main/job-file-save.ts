/**
 * The desktop save of a job's file on disk (host.saveJobFile), free of Electron imports so it is tested under plain
 * Node: the job's result names the file (job.result, as the window's session), the user picks where to save it, then
 * the file is copied there: from the local job folder, or streamed from the server (GET /api/jobs/<jobId>/file) in
 * server mode. The page never holds the file.
 */
import { createWriteStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Core } from '../core/api/dispatch';
import type { ApiResult } from '../../shared/api/errors';
import type { JobResult } from '../../shared/api/job.contract';

/** Opens a job's file for reading as the session `token`. */
export type JobFileOpener = (token: string | null, jobId: string) => Promise<ApiResult<Readable>>;
export type JobFileSaveDeps = { dispatch: Core['dispatch']; openJobFile: JobFileOpener };

/** The local core: the file in this computer's job folder. */
export const localJobFile =
  (core: Pick<Core, 'jobFile'>): JobFileOpener =>
  async (token, jobId) => {
    const r = await core.jobFile(token, jobId);
    if (!r.ok) return r;
    try {
      return { ok: true, data: (await open(r.data.path, 'r')).createReadStream() };
    } catch {
      return { ok: false, error: { code: 'NOT_FOUND', message: '后台任务不存在或已过期，请重新发起' } };
    }
  };

/** Server mode: the server's download route, with the window's session cookie. */
export function remoteJobFile(baseUrl: string, cookieName: string, ca?: string | Buffer): JobFileOpener {
  return (token, jobId) =>
    new Promise((resolve) => {
      const url = new URL(`/api/jobs/${encodeURIComponent(jobId)}/file`, baseUrl);
      const lib = url.protocol === 'https:' ? https : http;
      const req = lib.get(url, { headers: token ? { Cookie: `${cookieName}=${encodeURIComponent(token)}` } : {}, ...(url.protocol === 'https:' && ca ? { ca } : {}) }, (res) => {
        if (res.statusCode === 200) return resolve({ ok: true, data: res });
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as ApiResult<never>);
          } catch {
            resolve({ ok: false, error: { code: 'SERVER_UNREACHABLE', message: `服务器未能提供文件（HTTP ${res.statusCode ?? 0}）` } });
          }
        });
      });
      req.on('error', (err) => resolve({ ok: false, error: { code: 'SERVER_UNREACHABLE', message: `无法从服务器下载文件：${err.message}` } }));
    });
}

/** `pick(fileName)`: the save dialog; null when cancelled. */
export async function saveJobFile(
  deps: JobFileSaveDeps,
  token: string | null,
  jobId: string,
  pick: (fileName: string) => Promise<string | null>,
): Promise<ApiResult<{ saved: boolean; path?: string }>> {
  const res = await deps.dispatch(token, 'job.result', { jobId });
  if (!res.ok) return res;
  const download = (res.data as JobResult).download;
  if (!download) return { ok: false, error: { code: 'NOT_FOUND', message: '该后台任务没有可下载的文件' } };
  const dest = await pick(download.fileName);
  if (!dest) return { ok: true, data: { saved: false } };
  const src = await deps.openJobFile(token, jobId);
  if (!src.ok) return src;
  try {
    await pipeline(src.data, createWriteStream(dest));
  } catch (err) {
    await rm(dest, { force: true });
    return { ok: false, error: { code: 'INTERNAL', message: `保存失败：${err instanceof Error ? err.message : String(err)}` } };
  }
  return { ok: true, data: { saved: true, path: dest } };
}
