import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createHttpHost } from '../../electron/server/http-host';
import { acceptedEncodings, IMMUTABLE_CACHE } from '../../electron/server/static-files';
import { precompressFile } from '../../scripts/precompress';
import { makeTestCore, type TestCore } from '../support/test-core';

let t: TestCore;
let server: Server;
let port: number;
let root: string;
// Repetitive text compresses well, like a real bundle.
const SCRIPT = `export const pages = [${Array.from({ length: 400 }, (_, i) => `"第${i}页"`).join(',')}];\n`;
const INDEX = `<!doctype html><html lang="zh-CN"><head><title>涉案财物管理系统</title><script type="module" src="./assets/index-abc123.js"></script></head>${'<!-- -->'.repeat(200)}<body><div id="root"></div></body></html>`;

/** Raw GET (fetch would add its own Accept-Encoding and decompress); path is sent exactly as given. */
function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((done, fail) => {
    const rq = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    rq.on('error', fail);
    rq.end();
  });
}

beforeAll(async () => {
  t = await makeTestCore();
  const base = mkdtempSync(join(tmpdir(), 'seized-static-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(base, 'secret.txt'), 'TOP-SECRET');
  writeFileSync(join(root, 'index.html'), INDEX);
  writeFileSync(join(root, 'assets', 'index-abc123.js'), SCRIPT);
  writeFileSync(join(root, 'assets', 'tiny-abc123.js'), 'export{};');
  await precompressFile(join(root, 'index.html'));
  await precompressFile(join(root, 'assets', 'index-abc123.js'));
  await precompressFile(join(root, 'assets', 'tiny-abc123.js'));
  server = await createHttpHost(t.core, { staticDir: root });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.close();
  await t.close();
});

describe('build-time precompression', () => {
  it('writes .br and .gz that decompress to the file, and skips tiny files', () => {
    expect(existsSync(join(root, 'assets', 'index-abc123.js.br'))).toBe(true);
    expect(existsSync(join(root, 'assets', 'index-abc123.js.gz'))).toBe(true);
    expect(existsSync(join(root, 'assets', 'tiny-abc123.js.br'))).toBe(false);
    expect(existsSync(join(root, 'assets', 'tiny-abc123.js.gz'))).toBe(false);
  });
});

describe('static files: compression', () => {
  it('serves brotli when the browser accepts it', async () => {
    const r = await get('/assets/index-abc123.js', { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(r.headers.vary).toBe('Accept-Encoding');
    expect(Number(r.headers['content-length'])).toBe(r.body.length);
    expect(r.body.length).toBeLessThan(SCRIPT.length / 3);
    expect(brotliDecompressSync(r.body).toString()).toBe(SCRIPT);
  });

  it('serves gzip when brotli is not accepted', async () => {
    for (const ae of ['gzip, deflate', 'br;q=0, gzip;q=0.8']) {
      const r = await get('/assets/index-abc123.js', { 'Accept-Encoding': ae });
      expect(r.headers['content-encoding'], ae).toBe('gzip');
      expect(gunzipSync(r.body).toString()).toBe(SCRIPT);
    }
  });

  it('serves the plain file without Accept-Encoding, with identity, or when no variant exists', async () => {
    const variants: Record<string, string>[] = [{}, { 'Accept-Encoding': 'identity' }, { 'Accept-Encoding': 'gzip;q=0, br;q=0' }];
    for (const headers of variants) {
      const r = await get('/assets/index-abc123.js', headers);
      expect(r.headers['content-encoding']).toBeUndefined();
      expect(r.body.toString()).toBe(SCRIPT);
      expect(r.headers.vary).toBe('Accept-Encoding');
    }
    const tiny = await get('/assets/tiny-abc123.js', { 'Accept-Encoding': 'br, gzip' });
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body.toString()).toBe('export{};');
  });

  it('compresses index.html too, keeping its HTML content type', async () => {
    const r = await get('/', { 'Accept-Encoding': 'br' });
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(r.body).toString()).toBe(INDEX);
  });

  it('answers HEAD with the headers and no body', async () => {
    const r = await get('/assets/index-abc123.js', { 'Accept-Encoding': 'br' }, 'HEAD');
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.body.length).toBe(0);
  });

  it('parses Accept-Encoding with q-values and *', () => {
    expect([...acceptedEncodings('gzip, br;q=0.5')].sort()).toEqual(['br', 'gzip']);
    expect([...acceptedEncodings('br;q=0, *')]).toEqual(['gzip']);
    expect([...acceptedEncodings('*;q=0')]).toEqual([]);
    expect([...acceptedEncodings(undefined)]).toEqual([]);
  });
});

describe('static files: caching', () => {
  it('caches hashed assets for a year', async () => {
    const r = await get('/assets/index-abc123.js', { 'Accept-Encoding': 'br' });
    expect(r.headers['cache-control']).toBe(IMMUTABLE_CACHE);
    expect(IMMUTABLE_CACHE).toBe('public, max-age=31536000, immutable');
  });

  it('makes the browser revalidate index.html, also at deep links, and answers 304 when unchanged', async () => {
    for (const path of ['/', '/index.html', '/cases/12']) {
      const r = await get(path);
      expect(r.status, path).toBe(200);
      expect(r.headers['cache-control'], path).toBe('no-cache');
      expect(r.body.toString()).toBe(INDEX);
    }
    const first = await get('/');
    const etag = first.headers.etag!;
    expect(etag).toMatch(/^".+"$/);
    const again = await get('/', { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect((await get('/', { 'If-None-Match': '"other"' })).status).toBe(200);
    // The brotli bytes are another representation: another tag.
    const br = await get('/', { 'Accept-Encoding': 'br' });
    expect(br.headers.etag).not.toBe(etag);
    expect((await get('/', { 'Accept-Encoding': 'br', 'If-None-Match': br.headers.etag! })).status).toBe(304);
  });

  it('answers a missing asset with 404, not with index.html', async () => {
    const r = await get('/assets/gone-123456.js', { 'Accept-Encoding': 'br' });
    expect(r.status).toBe(404);
    expect(r.body.toString()).not.toContain('<html');
  });
});

describe('static files: path traversal', () => {
  it('never serves a file outside the folder', async () => {
    for (const path of ['/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/../secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/%2e%2e%2fsecret.txt']) {
      for (const ae of ['', 'br, gzip']) {
        const r = await get(path, ae ? { 'Accept-Encoding': ae } : {});
        expect([200, 404], path).toContain(r.status);
        const text = r.headers['content-encoding'] === 'br' ? brotliDecompressSync(r.body).toString() : r.body.toString();
        expect(text, path).not.toContain('TOP-SECRET');
      }
    }
    expect((await get('/..%2fsecret.txt')).status).toBe(404);
    expect((await get('/assets/x%00.js')).status).toBe(404);
  });
});
