/** The IPC host: one channel into the one dispatch. */
import { ipcMain } from 'electron';
import type { Core } from '../core/api/dispatch';
import { isTrustedUrl } from './security';
import { handleHostMethod, isHostMethod } from './host-methods';
import { createIpcInvoke } from './ipc-dispatch';
import type { JobFileOpener } from './job-file-save';

/** `openJobFile`: where a job's file on disk comes from (the local job folder, or the server). */
export function registerIpcHost(core: Pick<Core, 'dispatch'>, openJobFile: JobFileOpener): void {
  const { invoke } = createIpcInvoke(core, isTrustedUrl, {
    isHostMethod,
    handle: (sender, method, input, token) =>
      handleHostMethod(sender as Electron.WebContents, method as Parameters<typeof handleHostMethod>[1], input, { dispatch: core.dispatch, openJobFile, token }),
  });
  ipcMain.handle('api:invoke', (event, method: unknown, input: unknown) => invoke(event, method, input));
}
