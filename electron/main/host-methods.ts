/** Desktop-only methods answered by the main process (connection settings, printers, silent printing, saving files). */
import { app, BrowserWindow, dialog, type WebContents } from 'electron';
import { loadConnection, saveConnection } from './connection-settings';
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { ApiResult } from '../../shared/api/errors';
import { formatIssues } from '../../shared/api/input-errors';
import { saveJobFile, type JobFileSaveDeps } from './job-file-save';

const HOST_METHODS = {
  'host.connection': z.object({}),
  'host.setConnection': z.object({ settings: z.unknown() }),
  'host.pickCaFile': z.object({}),
  'host.printers': z.object({}),
  'host.printPdf': z.object({ base64: z.string().min(1), deviceName: z.string().optional(), silent: z.boolean().default(true) }),
  'host.saveFile': z.object({ base64: z.string().min(1), fileName: z.string().min(1).max(200) }),
  // A job's file on disk (a trail in volumes): named by its job id only; copied, never passed through the page.
  'host.saveJobFile': z.object({ jobId: z.string().min(1).max(64) }),
} as const;
type HostMethod = keyof typeof HOST_METHODS;

export function isHostMethod(m: string): m is HostMethod {
  return Object.prototype.hasOwnProperty.call(HOST_METHODS, m);
}

async function printPdf(base64: string, deviceName: string | undefined, silent: boolean): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'seized-print-'));
  const file = join(dir, 'doc.pdf');
  await writeFile(file, Buffer.from(base64, 'base64'));
  // The built-in PDF viewer (a plugin) renders the document for printing.
  const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true, disableBlinkFeatures: 'Auxclick' } });
  try {
    await win.loadURL(pathToFileURL(file).toString());
    await new Promise<void>((resolve, reject) =>
      win.webContents.print({ silent, deviceName, printBackground: true }, (ok, reason) => (ok ? resolve() : reject(new Error(reason)))),
    );
  } finally {
    win.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}

async function saveDialog(sender: WebContents, fileName: string): Promise<string | null> {
  const win = BrowserWindow.fromWebContents(sender);
  const res = win ? await dialog.showSaveDialog(win, { defaultPath: fileName }) : await dialog.showSaveDialog({ defaultPath: fileName });
  return res.canceled || !res.filePath ? null : res.filePath;
}

/** `jobs`: the window's session and where its job files come from (host.saveJobFile). */
export async function handleHostMethod(
  sender: WebContents,
  method: HostMethod,
  input: unknown,
  jobs: JobFileSaveDeps & { token: string | null },
): Promise<ApiResult<unknown>> {
  const parsed = HOST_METHODS[method].safeParse(input ?? {});
  if (!parsed.success) return { ok: false, error: { code: 'BAD_INPUT', message: '输入有误', details: formatIssues(parsed.error, input ?? {}) } };
  try {
    if (method === 'host.connection') return { ok: true, data: loadConnection(app.getPath('userData')) };
    if (method === 'host.setConnection') {
      const r = saveConnection(app.getPath('userData'), (parsed.data as { settings: unknown }).settings);
      if (!r.ok) return { ok: false, error: { code: 'BAD_INPUT', message: r.message } };
      // Local and server mode open different stores: start afresh rather than switch under an open window.
      setTimeout(() => {
        app.relaunch();
        app.exit(0);
      }, 300);
      return { ok: true, data: r.settings };
    }
    if (method === 'host.pickCaFile') {
      const win = BrowserWindow.fromWebContents(sender);
      const opts = { title: '选择签发服务器证书的 CA 证书', properties: ['openFile' as const], filters: [{ name: 'PEM 证书', extensions: ['pem', 'crt', 'cer'] }] };
      const res = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
      return { ok: true, data: { path: res.canceled ? null : (res.filePaths[0] ?? null) } };
    }
    if (method === 'host.printers') {
      const printers = await sender.getPrintersAsync();
      return { ok: true, data: printers.map((p) => ({ name: p.name, displayName: p.displayName, isDefault: (p as { isDefault?: boolean }).isDefault ?? false })) };
    }
    if (method === 'host.printPdf') {
      const v = parsed.data as z.infer<(typeof HOST_METHODS)['host.printPdf']>;
      await printPdf(v.base64, v.deviceName, v.silent);
      return { ok: true, data: { ok: true } };
    }
    if (method === 'host.saveJobFile') {
      const { jobId } = parsed.data as z.infer<(typeof HOST_METHODS)['host.saveJobFile']>;
      return await saveJobFile(jobs, jobs.token, jobId, (fileName) => saveDialog(sender, fileName));
    }
    const v = parsed.data as z.infer<(typeof HOST_METHODS)['host.saveFile']>;
    const path = await saveDialog(sender, v.fileName);
    if (!path) return { ok: true, data: { saved: false } };
    await writeFile(path, Buffer.from(v.base64, 'base64'));
    return { ok: true, data: { saved: true, path } };
  } catch (err) {
    return { ok: false, error: { code: 'INTERNAL', message: `打印或保存失败：${err instanceof Error ? err.message : String(err)}` } };
  }
}
