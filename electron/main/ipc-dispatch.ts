/**
 * The IPC host's logic, free of Electron imports so it can be tested under plain Node:
 * trusted frames only, one session token per window kept in the main process, never handed to the page.
 */
import type { Core } from '../core/api/dispatch';
import type { ApiResult } from '../../shared/api/errors';

export type IpcSender = { id: number; once(event: 'destroyed', fn: () => void): unknown };
export type IpcEventLike = { sender: IpcSender; senderFrame: { url: string } | null };
export type HostMethodHandler = { isHostMethod(m: string): boolean; handle(sender: IpcSender, method: string, input: unknown, token: string | null): Promise<ApiResult<unknown>> };

/** Host methods the login page needs (connection settings); every other host method (print, save) needs a session. */
export const SESSIONLESS_HOST_METHODS: ReadonlySet<string> = new Set(['host.connection', 'host.setConnection', 'host.pickCaFile']);

export function createIpcInvoke(core: Pick<Core, 'dispatch'>, isTrustedUrl: (url: string) => boolean, host?: HostMethodHandler) {
  const tokens = new Map<number, string>();
  const invoke = async (event: IpcEventLike, method: unknown, input: unknown): Promise<ApiResult<unknown>> => {
    if (!isTrustedUrl(event.senderFrame?.url ?? '')) return { ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的请求' } };
    if (typeof method !== 'string') return { ok: false, error: { code: 'BAD_INPUT', message: '接口名称无效' } };
    const id = event.sender.id;
    if (host?.isHostMethod(method)) {
      if (!SESSIONLESS_HOST_METHODS.has(method)) {
        // The session must still be valid (not expired, not logged out elsewhere), as for any core method.
        const token = tokens.get(id);
        const me = token ? await core.dispatch(token, 'auth.me', {}) : null;
        if (!me?.ok) {
          tokens.delete(id);
          return { ok: false, error: { code: 'UNAUTHENTICATED', message: '尚未登录或登录已过期，请重新登录' } };
        }
      }
      return host.handle(event.sender, method, input, tokens.get(id) ?? null);
    }
    const result = await core.dispatch(tokens.get(id) ?? null, method, input);
    if (result.ok && method === 'auth.login') {
      const data = result.data as { token: string };
      if (!tokens.has(id)) event.sender.once('destroyed', () => tokens.delete(id));
      tokens.set(id, data.token);
      return { ok: true, data: { ...data, token: '' } };
    }
    if (method === 'auth.logout' || (!result.ok && result.error.code === 'UNAUTHENTICATED')) tokens.delete(id);
    return result;
  };
  return { invoke, sessions: () => tokens.size };
}
