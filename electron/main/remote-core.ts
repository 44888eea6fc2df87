/**
 * A desktop terminal in server mode: every invoke is forwarded to the city's server over HTTP(S); the terminal keeps
 * no custody data. Free of Electron imports, so it is tested under plain Node against a real HTTP host.
 * The server's session cookie plays the part of the local session token: ipc-dispatch keeps it per window, in the
 * main process, never in the page. An unreachable server is reported in Chinese after a few retries; there is never
 * a silent fallback to a local database.
 */
import http from 'node:http';
import https from 'node:https';
import type { ApiResult } from '../../shared/api/errors';

export const SERVER_COOKIE = 'seized_sid';

export type RemoteOptions = {
  /** e.g. https://store.example:5780 */
  baseUrl: string;
  /** PEM of a private CA to trust, in addition to the system's. */
  ca?: string | Buffer;
  /** Attempts for a request that could not reach the server (not for answers the server gave). */
  attempts?: number;
  timeoutMs?: number;
  /** Waits between attempts (tests pass a no-op). */
  sleep?: (ms: number) => Promise<void>;
};

type Raw = { status: number; body: string; setCookie: string[] };

function post(url: URL, body: string, headers: Record<string, string>, opts: RemoteOptions): Promise<Raw> {
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(
      url,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)), 'X-Seized-Client': '1', ...headers },
        timeout: opts.timeoutMs ?? 30_000,
        ...(url.protocol === 'https:' && opts.ca ? { ca: opts.ca } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), setCookie: res.headers['set-cookie'] ?? [] }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('请求超时'), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    req.end(body);
  });
}

const REASONS: Record<string, string> = {
  ECONNREFUSED: '服务器拒绝连接（服务未启动或端口不对）',
  ENOTFOUND: '找不到服务器地址',
  EAI_AGAIN: '暂时无法解析服务器地址',
  ETIMEDOUT: '连接超时',
  ECONNRESET: '连接被中断',
  EHOSTUNREACH: '网络不可达',
  ENETUNREACH: '网络不可达',
  DEPTH_ZERO_SELF_SIGNED_CERT: '服务器证书是自签名的，请在设置中选择签发它的 CA 证书',
  SELF_SIGNED_CERT_IN_CHAIN: '服务器证书链含未受信任的自签名证书，请在设置中选择 CA 证书',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: '无法验证服务器证书，请在设置中选择 CA 证书',
  ERR_TLS_CERT_ALTNAME_INVALID: '服务器证书与地址不符',
  CERT_HAS_EXPIRED: '服务器证书已过期',
};

function reasonOf(err: unknown): string {
  const code = (err as { code?: string })?.code ?? '';
  return REASONS[code] ?? `网络错误${code ? `（${code}）` : ''}`;
}

export function createRemoteCore(opts: RemoteOptions) {
  const base = new URL(opts.baseUrl);
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new Error(`服务器地址须以 https:// 或 http:// 开头：${opts.baseUrl}`);
  const attempts = Math.max(1, opts.attempts ?? 3);
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));

  async function dispatch(token: string | null, method: string, input: unknown): Promise<ApiResult<unknown>> {
    const url = new URL(`/api/${encodeURIComponent(method)}`, base);
    const headers: Record<string, string> = token ? { Cookie: `${SERVER_COOKIE}=${encodeURIComponent(token)}` } : {};
    let lastError: unknown = null;
    for (let i = 0; i < attempts; i++) {
      if (i > 0) await sleep(500 * 2 ** (i - 1));
      let raw: Raw;
      try {
        raw = await post(url, JSON.stringify(input ?? {}), headers, opts);
      } catch (err) {
        lastError = err;
        continue;
      }
      let parsed: ApiResult<unknown>;
      try {
        parsed = JSON.parse(raw.body) as ApiResult<unknown>;
      } catch {
        return { ok: false, error: { code: 'SERVER_UNREACHABLE', message: `服务器 ${base.origin} 的应答无法识别（HTTP ${raw.status}），请确认地址指向涉案财物管理系统服务器` } };
      }
      if (parsed.ok && method === 'auth.login') {
        // The server keeps its token in an HttpOnly cookie; hand it to ipc-dispatch as the session token.
        const cookie = raw.setCookie.map((c) => c.split(';')[0]!).find((c) => c.startsWith(`${SERVER_COOKIE}=`));
        const token = cookie ? decodeURIComponent(cookie.slice(SERVER_COOKIE.length + 1)) : '';
        return { ok: true, data: { ...(parsed.data as object), token } };
      }
      return parsed;
    }
    return {
      ok: false,
      error: { code: 'SERVER_UNREACHABLE', message: `无法连接服务器 ${base.origin}：${reasonOf(lastError)}。已重试 ${attempts} 次，请检查网络或联系管理员；本机不保存保管数据，恢复连接后再办理` },
    };
  }
  return { dispatch, baseUrl: base.origin };
}
