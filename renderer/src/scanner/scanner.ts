/** The one global scanner: detects bursts on every screen and routes each scan to the page that claims it. */
import { message as staticMessage } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import { callQuiet, ApiCallError } from '../api/client';
import { handItemPage } from '../api/item-prefetch';
import { ScanDetector } from './scan-detector';
import { serialRunner } from './serial-runner';
import { loadScannerSettings, saveScannerSettings, type ScannerSettings } from './scanner-settings';
import { beepError, warmUpAudio } from './beep';

/** Return false (or resolve false) to let the next handler / the default resolver take the scan. */
export type ScanHandler = (code: string) => boolean | void | Promise<boolean | void>;

const stack: Array<{ id: number; fn: () => ScanHandler }> = [];
let nextId = 1;
const recent: Array<(code: string) => void> = [];

export function pushScanHandler(fn: () => ScanHandler): () => void {
  const id = nextId++;
  stack.push({ id, fn });
  return () => {
    const i = stack.findIndex((h) => h.id === id);
    if (i >= 0) stack.splice(i, 1);
  };
}

/** Listen to every scan (e.g. the "last scanned" indicator); does not claim it. */
export function onAnyScan(l: (code: string) => void): () => void {
  recent.push(l);
  return () => {
    const i = recent.indexOf(l);
    if (i >= 0) recent.splice(i, 1);
  };
}

/** The themed message instance of the app (App.useApp); the static one is only a fallback. */
let messageApi: MessageInstance | null = null;
export function bindScanMessage(m: MessageInstance | null): void {
  messageApi = m;
}

/** The last refused/unknown scan, for the persistent indicator in the header (null: the last scan was fine). */
export type ScanStatus = { code?: string; text: string } | null;
const statusListeners = new Set<(s: ScanStatus) => void>();
export function onScanStatus(l: (s: ScanStatus) => void): () => void {
  statusListeners.add(l);
  return () => void statusListeners.delete(l);
}

export function scanError(text: string, code?: string): void {
  if (detector.settings.sound) beepError();
  for (const l of statusListeners) l({ code, text });
  void (messageApi ?? staticMessage).error({ content: text, duration: 6 });
}

/** Default: item → its page, location → items there, request → its page; unknown → message + sound, nothing written. */
export async function resolveScanDefault(code: string): Promise<void> {
  try {
    // One round trip: an item's answer carries its page, which the item page takes instead of asking again.
    const r = await callQuiet('scan.resolve', { code, withPage: true });
    if (r.kind === 'item') {
      if (r.page) handItemPage(r.page);
      window.location.hash = `#/items/${r.id}`;
    }
    else if (r.kind === 'location') window.location.hash = `#/items?locationId=${r.id}`;
    else if (r.kind === 'request') window.location.hash = `#/requests/${r.id}`;
    else scanError(`未识别的编码「${code}」：不是已登记的物品、库位或申请单，未做任何记录`, code);
  } catch (e) {
    scanError(e instanceof ApiCallError ? e.message : `扫描「${code}」失败`, code);
  }
}

async function dispatchScan(code: string): Promise<void> {
  for (const l of statusListeners) l(null);
  for (const l of recent) l(code);
  for (let i = stack.length - 1; i >= 0; i--) {
    const r = await stack[i]!.fn()(code);
    if (r !== false) return;
  }
  await resolveScanDefault(code);
}

// Scans are handled one at a time, in the order they arrive: a shelf scanned just before an item is resolved first.
const enqueueScan = serialRunner(dispatchScan);
const detector = new ScanDetector((code) => void enqueueScan(code));
let listening = false;

/** The keydown listener (capture phase, so bursts never reach inputs); attached when this module loads, before any field exists. */
function listen(): void {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  window.addEventListener('keydown', detector.handleKey, true);
}
listen();

/** Arms the scanner (the signed-in shell calls it): from now on bursts are claimed as scans. */
export function installScanner(): void {
  listen();
  if (detector.armed) return;
  detector.armed = true;
  // Resumed on the first key or click (autoplay policy); created now so a scan never waits for it.
  setTimeout(warmUpAudio, 0);
}

export function getScannerSettings(): ScannerSettings {
  return detector.settings;
}

export function setScannerSettings(s: ScannerSettings): void {
  saveScannerSettings(s);
  detector.settings = loadScannerSettings();
}

/** For tests and the settings page: feed a code as if scanned. */
export function simulateScan(code: string): void {
  void enqueueScan(code);
}
