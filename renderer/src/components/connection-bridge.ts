/** Where this terminal's data lives: the desktop main process answers; the browser is always its server's client. */
import { isDesktop } from '../api/client';

export type Connection = { mode: 'local' } | { mode: 'server'; serverUrl: string; caFile?: string };

async function host<T>(method: string, input: unknown): Promise<T> {
  const r = await window.seized!.invoke(method, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.data as T;
}

/** null in the browser (the page is served by, and talks to, its server). */
export async function getConnection(): Promise<Connection | null> {
  if (!isDesktop()) return null;
  return host<Connection>('host.connection', {});
}

/** Saves the settings; the desktop app then restarts in the chosen mode. */
export const setConnection = (settings: Connection) => host<Connection>('host.setConnection', { settings });
export const pickCaFile = () => host<{ path: string | null }>('host.pickCaFile', {});

export function describeConnection(c: Connection | null): string {
  if (c === null) return `浏览器模式 · 服务器 ${window.location.host}`;
  return c.mode === 'local' ? '本机数据库' : `连接服务器 · ${c.serverUrl}`;
}
