/**
 * Where a desktop terminal keeps its custody data: 本机数据库 (this computer's SQLite, the default) or 连接服务器
 * (the city's server; the terminal then keeps none). Stored as JSON in the app's data folder. No Electron imports.
 */
import { existsSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const connectionSettings = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('local') }),
  z.object({
    mode: z.literal('server'),
    serverUrl: z
      .string()
      .trim()
      .regex(/^https?:\/\/[^\s/]+(:\d+)?\/?$/, '服务器地址形如 https://服务器名:5780'),
    /** PEM file of a private CA that signed the server's certificate. */
    caFile: z.string().trim().max(500).optional(),
  }),
]);
export type ConnectionSettings = z.infer<typeof connectionSettings>;

const FILE = 'connection.json';

export function loadConnection(dir: string): ConnectionSettings {
  const path = join(dir, FILE);
  if (!existsSync(path)) return { mode: 'local' };
  const parsed = connectionSettings.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  // A damaged settings file must not silently switch a server terminal to a local database: refuse to start.
  if (!parsed.success) throw new Error(`连接设置文件 ${path} 已损坏，请删除它后重新设置`);
  return parsed.data;
}

/** Checks and saves; a CA file must exist and look like a PEM certificate. Returns a Chinese refusal or null. */
export function saveConnection(dir: string, input: unknown): { ok: true; settings: ConnectionSettings } | { ok: false; message: string } {
  const parsed = connectionSettings.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => i.message).join('；') };
  const s = parsed.data;
  if (s.mode === 'server' && s.caFile) {
    if (!existsSync(s.caFile)) return { ok: false, message: `找不到 CA 证书文件：${s.caFile}` };
    if (!readFileSync(s.caFile, 'utf8').includes('BEGIN CERTIFICATE')) return { ok: false, message: `${s.caFile} 不是 PEM 格式的证书` };
  }
  const path = join(dir, FILE);
  writeFileSync(`${path}.tmp`, JSON.stringify(s, null, 2));
  renameSync(`${path}.tmp`, path);
  return { ok: true, settings: s };
}
