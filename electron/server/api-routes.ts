/** POST /api/<method> over the one dispatch: CSRF guard, per-method body limits, session cookie, status codes. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Core } from '../core/api/dispatch';
import { contract, isMethodName, type MethodName } from '../../shared/api/contract';
import { httpStatusOf, type ApiResult, type ErrorCode } from '../../shared/api/errors';
import type { MethodDef } from '../../shared/api/define';
import { JOB_FILE_PATH, registerJobFileRoute } from './job-file-route';

export const SESSION_COOKIE = 'seized_sid';
export const DEFAULT_MAX_BYTES = 256 * 1024;

export const failure = (code: ErrorCode, message: string): ApiResult<never> => ({ ok: false, error: { code, message } });

export function sendJson(reply: FastifyReply, status: number, body: unknown) {
  return reply.code(status).header('Content-Type', 'application/json; charset=utf-8').header('Cache-Control', 'no-store').send(JSON.stringify(body));
}

export const tooLarge = (limit: number) => failure('TOO_LARGE', `请求内容超过 ${Math.round(limit / 1024)} KB 上限`);

/** Rejects cross-site requests: a browser always sends Origin on cross-origin POSTs, and Sec-Fetch-Site when it can. */
function isCrossSite(req: FastifyRequest): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site && site !== 'same-origin' && site !== 'none') return true;
  const origin = req.headers.origin;
  if (origin && origin !== `http://${req.headers.host}` && origin !== `https://${req.headers.host}`) return true;
  return req.headers['x-seized-client'] !== '1';
}

export type ApiOptions = {
  secureCookie: boolean;
  /** Login attempts per client address per window; the window in milliseconds. */
  loginLimit: { max: number; windowMs: number };
};

export function registerApi(app: FastifyInstance, core: Core, opts: ApiOptions) {
  const cookie = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: opts.secureCookie };
  const clear = (reply: FastifyReply) => reply.setCookie(SESSION_COOKIE, '', { ...cookie, maxAge: 0 });

  // Body bytes are parsed here (not by fastify's JSON parser) so invalid JSON gets a Chinese 400 like every other error.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/')) return;
    // A job's file is fetched by GET (a download link); a cross-site page gets no strict cookie, and is refused too.
    if (req.method === 'GET' && JOB_FILE_PATH.test(req.url)) {
      const site = req.headers['sec-fetch-site'];
      if (site && site !== 'same-origin' && site !== 'none') return sendJson(reply, 403, failure('FORBIDDEN', '拒绝跨站请求'));
      return;
    }
    if (req.method !== 'POST') return sendJson(reply.header('Allow', 'POST'), 405, failure('BAD_INPUT', '接口只接受 POST 请求'));
    if (isCrossSite(req)) return sendJson(reply, 403, failure('FORBIDDEN', '拒绝跨站请求'));
  });

  const tokenOf = (req: FastifyRequest) => {
    const raw = req.cookies[SESSION_COOKIE];
    // A cookie that is not a token we could have issued (base64url) is treated as no session: 401, never 500.
    return typeof raw === 'string' && /^[A-Za-z0-9_-]{1,128}$/.test(raw) ? raw : null;
  };

  const handle = (method: MethodName) => async (req: FastifyRequest, reply: FastifyReply) => {
    const body = req.body as Buffer | undefined;
    let input: unknown = {};
    if (body && body.length > 0) {
      try {
        input = JSON.parse(body.toString('utf8'));
      } catch {
        return sendJson(reply, 400, failure('BAD_INPUT', '请求内容不是有效的 JSON'));
      }
    }
    const raw = req.cookies[SESSION_COOKIE];
    const token = tokenOf(req);
    const result = await core.dispatch(token, method, input, { client: req.ip });
    if (!result.ok) {
      if (result.error.code === 'UNAUTHENTICATED' && raw !== undefined) clear(reply);
      return sendJson(reply, httpStatusOf(result.error.code), result);
    }
    if (method === 'auth.login') {
      // The token lives only in the HttpOnly cookie, never in a body a script could read.
      const { token: newToken, ...rest } = result.data as { token: string };
      reply.setCookie(SESSION_COOKIE, newToken, cookie);
      return sendJson(reply, 200, { ok: true, data: { ...rest, token: '' } });
    }
    if (method === 'auth.logout') clear(reply);
    return sendJson(reply, 200, result);
  };

  for (const method of Object.keys(contract) as MethodName[]) {
    const bodyLimit = (contract[method] as MethodDef).maxBytes ?? DEFAULT_MAX_BYTES;
    // Password guessing is throttled per client address (@fastify/rate-limit), on the login route only.
    const config = method === 'auth.login' ? { rateLimit: { max: opts.loginLimit.max, timeWindow: opts.loginLimit.windowMs } } : {};
    app.post(`/api/${method}`, { bodyLimit, config }, handle(method));
  }
  registerJobFileRoute(app, core, tokenOf, clear);
  // Any other path under /api/: the verb and CSRF checks above still run first.
  app.all('/api/*', { bodyLimit: DEFAULT_MAX_BYTES }, async (req, reply) => {
    const method = req.url.slice(5).split('?')[0] ?? '';
    return sendJson(reply, 404, failure('UNKNOWN_METHOD', `未知的接口：${isMethodName(method) ? method : decodeSafe(method)}`));
  });
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
