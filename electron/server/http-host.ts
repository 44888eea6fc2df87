/** The HTTP host: POST /api/<method> over the one dispatch, session cookie, CSRF guard, static renderer. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Core } from '../core/api/dispatch';
import { contract, isMethodName } from '../../shared/api/contract';
import { httpStatusOf, type ApiResult } from '../../shared/api/errors';
import { serveStatic } from './static-files';
import type { MethodDef } from '../../shared/api/define';

export const SESSION_COOKIE = 'seized_sid';
const DEFAULT_MAX_BYTES = 256 * 1024;

export type HttpHostOptions = {
  staticDir: string | null;
  secureCookie?: boolean;
  log?: (line: string) => void;
  /**
   * Host names (without port) the server answers to. A loopback server answers only to loopback names, so a web page
   * that re-points its own DNS name at 127.0.0.1 (DNS rebinding) cannot reach the API. Null: any host (LAN server).
   */
  allowedHosts?: readonly string[] | null;
};

export const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'] as const;

function hostAllowed(req: IncomingMessage, allowed: readonly string[] | null | undefined): boolean {
  if (!allowed) return true;
  const host = (req.headers.host ?? '').toLowerCase().replace(/:\d+$/, '');
  return allowed.includes(host);
}

function readCookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(text);
}

const failure = (code: string, message: string): ApiResult<never> => ({ ok: false, error: { code: code as never, message } });

/** Rejects cross-site requests: a browser always sends Origin on cross-origin POSTs, and Sec-Fetch-Site when it can. */
function isCrossSite(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site && site !== 'same-origin' && site !== 'none') return true;
  const origin = req.headers.origin;
  if (origin && origin !== `http://${req.headers.host}` && origin !== `https://${req.headers.host}`) return true;
  return req.headers['x-seized-client'] !== '1';
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function handleApi(core: Core, req: IncomingMessage, res: ServerResponse, method: string, opts: HttpHostOptions) {
  if (req.method !== 'POST') return sendJson(res, 405, failure('BAD_INPUT', '接口只接受 POST 请求'), { Allow: 'POST' });
  if (isCrossSite(req)) return sendJson(res, 403, failure('FORBIDDEN', '拒绝跨站请求'));
  if (!isMethodName(method)) return sendJson(res, 404, failure('UNKNOWN_METHOD', `未知的接口：${method}`));
  const limit = (contract[method] as MethodDef).maxBytes ?? DEFAULT_MAX_BYTES;
  if (Number(req.headers['content-length'] ?? 0) > limit) return sendJson(res, 413, failure('TOO_LARGE', `请求内容超过 ${Math.round(limit / 1024)} KB 上限`));
  const body = await readBody(req, limit);
  if (body === 'too-large') return sendJson(res, 413, failure('TOO_LARGE', `请求内容超过 ${Math.round(limit / 1024)} KB 上限`));
  let input: unknown = {};
  if (body.length > 0) {
    try {
      input = JSON.parse(body.toString('utf8'));
    } catch {
      return sendJson(res, 400, failure('BAD_INPUT', '请求内容不是有效的 JSON'));
    }
  }
  const token = readCookie(req, SESSION_COOKIE);
  const result = await core.dispatch(token, method, input);
  const cookieFlags = `Path=/; HttpOnly; SameSite=Strict${opts.secureCookie ? '; Secure' : ''}`;
  if (!result.ok) {
    const clear = result.error.code === 'UNAUTHENTICATED' && token ? { 'Set-Cookie': `${SESSION_COOKIE}=; ${cookieFlags}; Max-Age=0` } : undefined;
    return sendJson(res, httpStatusOf(result.error.code), result, clear);
  }
  if (method === 'auth.login') {
    const { token: newToken, ...rest } = result.data as { token: string };
    return sendJson(res, 200, { ok: true, data: { ...rest, token: '' } }, { 'Set-Cookie': `${SESSION_COOKIE}=${encodeURIComponent(newToken)}; ${cookieFlags}` });
  }
  if (method === 'auth.logout') return sendJson(res, 200, result, { 'Set-Cookie': `${SESSION_COOKIE}=; ${cookieFlags}; Max-Age=0` });
  return sendJson(res, 200, result);
}

function parseTarget(target: string | undefined): URL | null {
  try {
    return new URL(target ?? '/', 'http://localhost');
  } catch {
    return null;
  }
}

/** With `tls` (PEM certificate and key) the host speaks HTTPS only, and its session cookie is always Secure. */
export function createHttpHost(core: Core, opts: HttpHostOptions & { tls?: { cert: string | Buffer; key: string | Buffer } }): Server {
  const o: HttpHostOptions = opts.tls ? { ...opts, secureCookie: true } : opts;
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    // A malformed request target (e.g. `GET http://[`) must get a 400, not throw out of the listener and end the process.
    const url = parseTarget(req.url);
    if (!url) return void sendJson(res, 400, failure('BAD_INPUT', '请求地址格式不正确'));
    if (!hostAllowed(req, opts.allowedHosts)) return void sendJson(res, 421, failure('FORBIDDEN', '请求的主机名不被本服务接受'));
    const done = (p: Promise<void>) =>
      p.catch((err: unknown) => {
        opts.log?.(`[http] ${req.method} ${url.pathname} failed: ${String(err)}`);
        if (!res.headersSent) sendJson(res, 500, failure('INTERNAL', '系统内部错误'));
        else res.end();
      });
    if (url.pathname.startsWith('/api/')) return void done(handleApi(core, req, res, url.pathname.slice(5), o));
    if (req.method !== 'GET' && req.method !== 'HEAD') return void sendJson(res, 405, failure('BAD_INPUT', '不支持的请求方法'));
    if (url.pathname === '/healthz') return void sendJson(res, 200, { ok: true });
    if (!o.staticDir) return void res.writeHead(404).end();
    done(serveStatic(o.staticDir, req, url.pathname, res));
  };
  return opts.tls ? createHttpsServer({ cert: opts.tls.cert, key: opts.tls.key }, handler) : createServer(handler);
}
