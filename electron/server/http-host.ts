/**
 * The HTTP host on fastify: POST /api/<method> over the one dispatch (api-routes.ts), Host allow-list, static renderer,
 * /healthz, JSON-lines request logs (pino), request timeouts and login throttling.
 */
import type { Server } from 'node:http';
import { hostname, networkInterfaces } from 'node:os';
import Fastify, { LogController, type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import type { Core } from '../core/api/dispatch';
import { serveStatic } from './static-files';
import { DEFAULT_MAX_BYTES, failure, registerApi, sendJson, tooLarge } from './api-routes';

export { SESSION_COOKIE } from './api-routes';

export type HttpHostOptions = {
  staticDir: string | null;
  secureCookie?: boolean;
  /** With `tls` (PEM certificate and key) the host speaks HTTPS only, and its session cookie is always Secure. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Request log level (pino, JSON lines). Default 'silent'; `npm run serve` uses 'info'. */
  log?: 'silent' | 'error' | 'warn' | 'info' | 'debug';
  /** Where log lines go (default stdout). */
  logStream?: { write(line: string): void };
  /**
   * Host names (without port) the server answers to. A loopback server answers only to loopback names, so a web page
   * that re-points its own DNS name at 127.0.0.1 (DNS rebinding) cannot reach the API. Null: any host (LAN server).
   */
  allowedHosts?: readonly string[] | null;
  /** A request must arrive whole within this time; an idle connection is closed after it too. Default 60 s. */
  requestTimeoutMs?: number;
  /** Login attempts per client address per window (default 10 per minute). */
  loginLimit?: { max: number; windowMs: number };
  /** Behind a reverse proxy: take the client address from X-Forwarded-For. */
  trustProxy?: boolean;
};

export const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'] as const;

/**
 * The names a server listening on `host` can rightly be reached by: that address (or, for 0.0.0.0 / ::, every address
 * of this machine and its host name) plus loopback. The default Host allow-list of a LAN server without --allowed-hosts.
 */
export function listeningHosts(host: string): string[] {
  const bracket = (a: string) => (a.includes(':') ? `[${a}]` : a);
  const out = new Set<string>(LOOPBACK_HOSTS);
  if (host === '0.0.0.0' || host === '::' || host === '') {
    for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) out.add(bracket(a.address.toLowerCase()));
    out.add(hostname().toLowerCase());
  } else out.add(bracket(host.toLowerCase()));
  return [...out];
}
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;
export const DEFAULT_LOGIN_LIMIT = { max: 10, windowMs: 60_000 };

function hostAllowed(host: string | undefined, allowed: readonly string[] | null | undefined): boolean {
  if (!allowed) return true;
  return allowed.includes((host ?? '').toLowerCase().replace(/:\d+$/, ''));
}

function parseTarget(target: string | undefined): URL | null {
  try {
    return new URL(target ?? '/', 'http://localhost');
  } catch {
    return null;
  }
}

const BAD_TARGET = '/__bad-request-target__';
const badUrl = (reply: FastifyReply) => sendJson(reply, 400, failure('BAD_INPUT', '请求地址格式不正确'));

/** Builds the host and waits until it is ready; the caller listens on the returned node server. */
export async function createHttpHost(core: Core, opts: HttpHostOptions): Promise<Server> {
  const timeout = opts.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const app = Fastify({
    ...(opts.tls ? { https: { cert: opts.tls.cert, key: opts.tls.key } } : {}),
    logger: { level: opts.log ?? 'silent', ...(opts.logStream ? { stream: opts.logStream } : {}) },
    // One line per request (below), written when the response ends, instead of fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    requestTimeout: timeout,
    connectionTimeout: timeout,
    bodyLimit: DEFAULT_MAX_BYTES,
    trustProxy: opts.trustProxy ?? false,
    exposeHeadRoutes: false,
    // A malformed request target (e.g. `GET http://[`) must get a 400, not a crash.
    rewriteUrl: (req) => (parseTarget(req.url) ? (req.url ?? '/') : BAD_TARGET),
    frameworkErrors: (_err, _req, reply) => void badUrl(reply),
  }) as unknown as import('fastify').FastifyInstance;

  // Method, path, status, time and client address; never the body, a header or the cookie.
  app.addHook('onRequest', async (req, reply) => {
    reply.raw.once('close', () => {
      req.log.info(
        { method: req.method, url: req.url, status: reply.raw.statusCode, responseTime: Math.round(reply.elapsedTime), ip: req.ip, aborted: !reply.raw.writableFinished || undefined },
        'request',
      );
    });
    if (req.url === BAD_TARGET) return badUrl(reply);
    if (!hostAllowed(req.headers.host, opts.allowedHosts)) return sendJson(reply, 421, failure('FORBIDDEN', '请求的主机名不被本服务接受'));
  });

  app.setErrorHandler(async (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    if (err.statusCode === 429) return sendJson(reply, 429, failure('TOO_MANY_REQUESTS', '登录尝试过于频繁，请稍后再试'));
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendJson(reply, 413, tooLarge(req.routeOptions.bodyLimit ?? DEFAULT_MAX_BYTES));
    req.log.error({ err, method: req.method, url: req.url }, 'request failed');
    return sendJson(reply, 500, failure('INTERNAL', '系统内部错误'));
  });

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false, errorResponseBuilder: (_req, ctx) => ({ statusCode: ctx.statusCode }) });
  registerApi(app, core, { secureCookie: !!(opts.tls || opts.secureCookie), loginLimit: opts.loginLimit ?? DEFAULT_LOGIN_LIMIT });

  app.route({ method: ['GET', 'HEAD'], url: '/healthz', handler: async (_req, reply) => sendJson(reply, 200, { ok: true }) });
  app.all('/*', async (req, reply) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(reply, 405, failure('BAD_INPUT', '不支持的请求方法'));
    if (!opts.staticDir) return reply.code(404).send();
    // static-files.ts writes the response itself (precompressed variants, ETag/304, caching).
    reply.hijack();
    const url = parseTarget(req.url)!;
    await serveStatic(opts.staticDir, req.raw, url.pathname, reply.raw).catch((err: unknown) => {
      req.log.error({ err, url: req.url }, 'static file failed');
      if (!reply.raw.headersSent) reply.raw.writeHead(500).end();
      else reply.raw.end();
    });
  });

  await app.ready();
  return app.server;
}
