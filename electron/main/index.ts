/** Electron main process: opens the store in userData, hosts the core over IPC, shows one hardened window. */
import { scheduleBackups } from '../core/services/backup/backup.schedule';
import { app, BrowserWindow, dialog } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { openApp, type OpenedApp } from '../core/bootstrap';
import { loadConnection } from './connection-settings';
import { createRemoteCore, SERVER_COOKIE } from './remote-core';
import { localJobFile, remoteJobFile } from './job-file-save';
import { registerIpcHost } from './ipc-host';
import { APP_ORIGIN, hardenSessions } from './security';
import { registerAppScheme, serveRenderer } from './protocol';

const here = dirname(fileURLToPath(import.meta.url));
registerAppScheme();
let opened: OpenedApp | null = null;

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1200,
    minHeight: 700,
    title: '涉案财物管理系统',
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: join(here, '../preload/index.cjs'), // eng-disable PRELOAD_JS_CHECK: reviewed; it exposes only invoke(method, input)
      contextIsolation: true,
      // No middle-click (auxclick) navigation into new windows.
      disableBlinkFeatures: 'Auxclick',
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
}

async function start(): Promise<void> {
  await app.whenReady();
  hardenSessions();
  serveRenderer(join(here, '../renderer'));
  const fontDir = app.isPackaged ? join(process.resourcesPath, 'fonts') : null;
  const connection = loadConnection(app.getPath('userData'));
  if (connection.mode === 'server') {
    // A terminal of the city's server: every call goes there; nothing custodial is kept on this computer.
    const ca = connection.caFile ? readFileSync(connection.caFile) : undefined;
    registerIpcHost(createRemoteCore({ baseUrl: connection.serverUrl, ca }), remoteJobFile(connection.serverUrl, SERVER_COOKIE, ca));
  } else {
    // The desktop app sets up its administrator on the first-run screen, not with a printed password.
    opened = await openApp(join(app.getPath('userData'), 'data'), { createAdmin: false, fontDir, nativeBinding: app.isPackaged ? undefined : process.env.SEIZED_SQLITE_BINDING });
    registerIpcHost(opened.core, localJobFile(opened.core));
    // Backups when due, per the settings in 备份与恢复 (none until a folder is chosen).
    scheduleBackups(opened.core);
    void opened.core.jobs.prewarm();
  }
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

app.on('window-all-closed', () => {
  // The jobs' files go with them (jobs.close deletes this process's job folder).
  void opened?.core.jobs.close().finally(() => void opened?.store.close());
  if (process.platform !== 'darwin') app.quit();
});

if (!app.requestSingleInstanceLock()) app.quit();
else
  start().catch((err: unknown) => {
    dialog.showErrorBox('涉案财物管理系统 启动失败', err instanceof Error ? err.message : String(err));
    app.quit();
  });
