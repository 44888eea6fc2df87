/** Calls answered by the Electron main process (printers, silent print, save dialog). Not part of the API contract. */
import type { FileOut } from '@shared/api/common.schemas';
import { isDesktop } from '../api/client';

export type PrinterInfo = { name: string; displayName?: string; isDefault?: boolean };

async function hostInvoke<T>(method: string, input: unknown): Promise<T> {
  if (!window.seized) throw new Error('仅桌面版支持此操作');
  const r = await window.seized.invoke(method, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.data as T;
}

export async function listPrinters(): Promise<PrinterInfo[]> {
  if (!isDesktop()) return [];
  try {
    return await hostInvoke<PrinterInfo[]>('host.printers', {});
  } catch {
    return [];
  }
}

export const printPdf = (file: FileOut, deviceName: string | undefined, silent: boolean) =>
  hostInvoke<{ ok: boolean }>('host.printPdf', { base64: file.base64, deviceName, silent });

export const saveFileDesktop = (file: FileOut) => hostInvoke<{ saved: boolean; path?: string }>('host.saveFile', file);

/** A job's file on disk: the main process shows the save dialog and copies the file there (from the server in server mode). */
export const saveJobFileDesktop = (jobId: string) => hostInvoke<{ saved: boolean; path?: string }>('host.saveJobFile', { jobId });
