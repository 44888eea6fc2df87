/**
 * The built renderer over HTTP: precompressed .br/.gz variants chosen by Accept-Encoding, hashed /assets/ cached
 * for a year, everything else (index.html) revalidated on each load, never a file outside the folder.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
};

/** Files under /assets/ carry a content hash in their name: they never change, so browsers may keep them a year. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';

const ENCODINGS = [
  { name: 'br', ext: '.br' },
  { name: 'gzip', ext: '.gz' },
] as const;

/** Encodings the client accepts (q > 0), from an Accept-Encoding header. `*` accepts any not listed with q=0. */
export function acceptedEncodings(header: string | string[] | undefined): Set<string> {
  const accepted = new Set<string>();
  const refused = new Set<string>();
  let star = false;
  for (const part of String(header ?? '').split(',')) {
    const [token = '', ...params] = part.trim().toLowerCase().split(';');
    if (!token) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const ok = !q || Number(q.slice(2)) > 0;
    if (token === '*') star = ok;
    else (ok ? accepted : refused).add(token);
  }
  if (star) for (const e of ENCODINGS) if (!refused.has(e.name)) accepted.add(e.name);
  return accepted;
}

type Found = { path: string; size: number; mtimeMs: number };

async function fileAt(path: string): Promise<Found | null> {
  try {
    const s = await stat(path);
    return s.isFile() ? { path, size: s.size, mtimeMs: s.mtimeMs } : null;
  } catch {
    return null;
  }
}

/** Serves one GET/HEAD request for a path of the static folder. */
export async function serveStatic(staticDir: string, req: IncomingMessage, urlPath: string, res: ServerResponse): Promise<void> {
  const root = resolve(staticDir);
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    res.writeHead(400, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify({ ok: false, error: { code: 'BAD_INPUT', message: '请求地址格式不正确' } }));
    return;
  }
  const notFound = () => void res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end();
  if (decoded.includes('\0')) return notFound();
  const requested = normalize(join(root, decoded));
  if (requested !== root && !requested.startsWith(root + sep)) return notFound();
  const isAsset = requested.startsWith(join(root, 'assets') + sep);
  let file = await fileAt(requested);
  if (!file) {
    // A missing hashed file is a 404 (an HTML page in its place would fail as a script with a confusing error).
    if (isAsset) return notFound();
    file = await fileAt(join(root, 'index.html')); // single-page app
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('界面文件未构建：请先运行 npm run build');
      return;
    }
  }
  const headers: Record<string, string> = {
    'Content-Type': MIME[extname(file.path)] ?? 'application/octet-stream',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    Vary: 'Accept-Encoding',
    'Cache-Control': isAsset ? IMMUTABLE_CACHE : 'no-cache',
  };
  const accepted = acceptedEncodings(req.headers['accept-encoding']);
  let body = file;
  for (const enc of ENCODINGS) {
    if (!accepted.has(enc.name)) continue;
    const variant = await fileAt(file.path + enc.ext);
    if (variant) {
      body = variant;
      headers['Content-Encoding'] = enc.name;
      break;
    }
  }
  if (!isAsset) {
    // index.html is revalidated on every load: unchanged, the browser gets a 304 and keeps its copy.
    // One tag per encoding, since the bytes differ.
    const etag = `"${file.size.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}${headers['Content-Encoding'] ? `-${headers['Content-Encoding']}` : ''}"`;
    headers.ETag = etag;
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, headers).end();
  }
  const data = await readFile(body.path);
  headers['Content-Length'] = String(data.length);
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : data);
}
