/** The IPC host: one channel into the one dispatch. Sessions are held here, per window, never in the page. */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Core } from '../core/api/dispatch';
import type { ApiResult } from '../../shared/api/errors';
import { isTrustedUrl } from './security';
import { handleHostMethod, isHostMethod } from './host-methods';

const tokens = new Map<number, string>();

export function registerIpcHost(core: Core): void {
  ipcMain.handle('api:invoke', async (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<ApiResult<unknown>> => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!isTrustedUrl(frameUrl)) return { ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的请求' } };
    if (typeof method !== 'string') return { ok: false, error: { code: 'BAD_INPUT', message: '接口名称无效' } };
    const id = event.sender.id;
    if (isHostMethod(method)) return handleHostMethod(event.sender, method, input);
    const result = await core.dispatch(tokens.get(id) ?? null, method, input);
    if (result.ok && method === 'auth.login') {
      const data = result.data as { token: string };
      tokens.set(id, data.token);
      event.sender.once('destroyed', () => tokens.delete(id));
      return { ok: true, data: { ...data, token: '' } };
    }
    if (method === 'auth.logout' || (!result.ok && result.error.code === 'UNAUTHENTICATED')) tokens.delete(id);
    return result;
  });
}
