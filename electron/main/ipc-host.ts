/** The IPC host: one channel into the one dispatch. */
import { ipcMain } from 'electron';
import type { Core } from '../core/api/dispatch';
import { isTrustedUrl } from './security';
import { handleHostMethod, isHostMethod } from './host-methods';
import { createIpcInvoke } from './ipc-dispatch';

export function registerIpcHost(core: Pick<Core, 'dispatch'>): void {
  const { invoke } = createIpcInvoke(core, isTrustedUrl, {
    isHostMethod,
    handle: (sender, method, input) => handleHostMethod(sender as Electron.WebContents, method as Parameters<typeof handleHostMethod>[1], input),
  });
  ipcMain.handle('api:invoke', (event, method: unknown, input: unknown) => invoke(event, method, input));
}
