/**
 * A terminal scanning over HTTP from its own thread (its own event loop), so a long task on the server's thread
 * shows up as waiting scans: each scan's time runs from when it was due to when its answer arrived.
 */
import http from 'node:http';
import { Worker } from 'node:worker_threads';

const WORKER = `
const { parentPort, workerData: w } = require('node:worker_threads');
let stop = false;
parentPort.on('message', () => (stop = true));
(async () => {
  const out = [];
  let i = 0;
  const start = performance.now();
  while (!stop || out.length < w.min) {
    const due = start + i * w.everyMs;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const code = w.codes[i++ % w.codes.length];
    const res = await fetch(w.url + '/api/item.byCode', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Seized-Client': '1', Cookie: w.cookie },
      body: JSON.stringify({ code }),
    });
    await res.text();
    if (!res.ok) throw new Error('扫描失败 HTTP ' + res.status);
    out.push(performance.now() - Math.min(due, performance.now()));
    if (out.length >= w.max) break;
  }
  parentPort.postMessage(out);
})().catch((e) => parentPort.postMessage({ error: String(e) }));
`;

export type ScanClient = { stop(): Promise<number[]> };

/** Starts scanning every `everyMs`; stop() returns each scan's wait (ms). At least `min` scans are made. */
export function startScanning(o: { url: string; cookie: string; codes: string[]; everyMs: number; min?: number; max?: number }): ScanClient {
  const worker = new Worker(WORKER, { eval: true, workerData: { ...o, min: o.min ?? 20, max: o.max ?? 100_000 } });
  const done = new Promise<number[]>((resolve, reject) => {
    worker.once('message', (m: number[] | { error: string }) => (Array.isArray(m) ? resolve(m) : reject(new Error(m.error))));
    worker.once('error', reject);
  });
  return {
    stop: async () => {
      worker.postMessage('stop');
      const r = await done;
      await worker.terminate();
      return r;
    },
  };
}

/** Signs in over HTTP; returns the session cookie. */
export async function httpLogin(url: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth.login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Seized-Client': '1' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`登录失败：HTTP ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return cookie;
}

/** One API call over HTTP; throws with the server's Chinese message on failure. */
export async function httpCall(url: string, cookie: string, method: string, input: unknown): Promise<unknown> {
  const res = await fetch(`${url}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Seized-Client': '1', Cookie: cookie },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean; data?: unknown; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}：${body.error?.message}`);
  return body.data;
}

/**
 * A light client for the latency figure: node:http with one kept-alive socket (fetch adds its own ~0.3 ms per call).
 * Returns the call's milliseconds; throws when the call fails.
 */
export function keptAliveCaller(url: string, cookie: string): (method: string, input: unknown) => Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const { hostname, port } = new URL(url);
  return (method, input) =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify(input);
      const t = performance.now();
      const req = http.request(
        { agent, hostname, port, path: `/api/${method}`, method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'X-Seized-Client': '1', Cookie: cookie } },
        (res) => {
          res.resume();
          res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - t) : reject(new Error(`${method}：HTTP ${res.statusCode}`))));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
}
