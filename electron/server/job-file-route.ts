/**
 * GET /api/jobs/<jobId>/file: a job's file on disk (a scope trail in volumes) streamed to the user who started the
 * job, by the session cookie. The path comes from the job record only; the request names nothing but the job id.
 */
import { open } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Core } from '../core/api/dispatch';
import { httpStatusOf } from '../../shared/api/errors';
import { failure, sendJson, SESSION_COOKIE } from './api-routes';

/** The route's path; the API's POST-only guard lets GET through here. */
export const JOB_FILE_PATH = /^\/api\/jobs\/[^/?#]+\/file(?:\?.*)?$/;
const JOB_ID = /^[A-Za-z0-9-]{1,64}$/;

/** RFC 6266/5987: an ASCII fallback name and the UTF-8 name, so Chinese file names survive every browser. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const utf8 = encodeURIComponent(fileName).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}

export function registerJobFileRoute(app: FastifyInstance, core: Core, tokenOf: (req: FastifyRequest) => string | null, clear: (reply: FastifyReply) => void) {
  app.get('/api/jobs/:jobId/file', async (req, reply) => {
    const { jobId } = req.params as { jobId: string };
    if (!JOB_ID.test(jobId)) return sendJson(reply, 404, failure('NOT_FOUND', '后台任务不存在或已过期，请重新发起'));
    const r = await core.jobFile(tokenOf(req), jobId);
    if (!r.ok) {
      if (r.error.code === 'UNAUTHENTICATED' && req.cookies[SESSION_COOKIE] !== undefined) clear(reply);
      return sendJson(reply, httpStatusOf(r.error.code), r);
    }
    let fh;
    try {
      fh = await open(r.data.path, 'r');
    } catch {
      // Expired between the check and the open.
      return sendJson(reply, 404, failure('NOT_FOUND', '后台任务不存在或已过期，请重新发起'));
    }
    const { size } = await fh.stat();
    return reply
      .header('Content-Type', r.data.mime)
      .header('Content-Length', String(size))
      .header('Content-Disposition', contentDisposition(r.data.fileName))
      .header('Cache-Control', 'no-store')
      .header('X-Content-Type-Options', 'nosniff')
      .send(fh.createReadStream());
  });
}
