/**
 * Hands a generated file (PDF, Excel) to the user: desktop → print or save dialog; browser → download (and open PDFs).
 * A job's file on disk (a trail in volumes) is never loaded into the page: the browser downloads it from its URL,
 * the desktop host copies it to where the user saves it.
 */
import type { FileOut } from '@shared/api/common.schemas';
import { isDesktop } from '../api/client';
import type { JobFile, JobFileRef } from '../api/jobs';
import { printPdf, saveFileDesktop, saveJobFileDesktop } from './host-bridge';

/** The URL of a job's file (GET, the session cookie; only the job's owner gets it). */
export const jobFileUrl = (jobId: string) => `/api/jobs/${encodeURIComponent(jobId)}/file`;

function clickLink(href: string, fileName: string) {
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** A job file on disk is always saved / downloaded (a large trail is printed from the saved file). */
async function deliverJobFile(file: JobFileRef, mode: DeliverMode): Promise<string> {
  const note = mode === 'print' ? '（文件较大，请保存后打开打印）' : '';
  if (isDesktop()) {
    const r = await saveJobFileDesktop(file.jobId);
    return r.saved ? `已保存：${r.path ?? file.fileName}${note}` : '已取消保存';
  }
  clickLink(jobFileUrl(file.jobId), file.fileName);
  return `已开始下载：${file.fileName}${note}`;
}

export function fileToBlob(file: FileOut): Blob {
  const bin = atob(file.base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type: file.mime });
}

/** Browser download through an object URL and a link with the file name. */
export function downloadFile(file: FileOut): void {
  const url = URL.createObjectURL(fileToBlob(file));
  clickLink(url, file.fileName);
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export type DeliverMode = 'save' | 'print' | 'open';

/**
 * save: desktop save dialog / browser download.
 * print: desktop prints the PDF (silently to `printer` when given); the browser opens it in a tab to print.
 * open: browser opens the PDF in a new tab (falls back to download).
 */
export async function deliverFile(file: JobFile, mode: DeliverMode = 'save', printer?: string): Promise<string> {
  if ('jobId' in file) return deliverJobFile(file, mode);
  if (isDesktop()) {
    if (mode === 'print' && file.mime === 'application/pdf') {
      await printPdf(file, printer, !!printer);
      return printer ? `已发送到打印机 ${printer}` : '已打开打印对话框';
    }
    const r = await saveFileDesktop(file);
    return r.saved ? `已保存：${r.path ?? file.fileName}` : '已取消保存';
  }
  if (mode !== 'save' && file.mime === 'application/pdf') {
    const url = URL.createObjectURL(fileToBlob(file));
    const w = window.open(url, '_blank');
    setTimeout(() => URL.revokeObjectURL(url), 120_000);
    if (w) return '已在新窗口打开，请在其中打印';
  }
  downloadFile(file);
  return `已下载：${file.fileName}`;
}
