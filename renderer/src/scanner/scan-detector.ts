/**
 * Keyboard-wedge scanner detection. A scanner "types" its code in a fast burst ending with Enter or Tab.
 * Printable keys aimed at a text field are held back for about one interval: if the next key comes fast, they
 * belong to a burst and never reach the field; if not, they are typed into the field as usual. When the page was
 * busy and part of a burst got typed anyway, the Enter decision takes those characters back out of the field.
 */
import { loadScannerSettings, type ScannerSettings } from './scanner-settings';

type Held = { char: string; t: number; target: EventTarget | null };

function isEditable(el: EventTarget | null): el is HTMLElement {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled;
  if (el instanceof HTMLInputElement) {
    const t = el.type.toLowerCase();
    return !el.readOnly && !el.disabled && ['text', 'search', 'password', 'email', 'number', 'tel', 'url', ''].includes(t);
  }
  return false;
}

/** Types held characters into the field they were aimed at (fires input events React listens to). Returns whether it typed. */
function replay(chars: Held[]): boolean {
  if (!chars.length) return false;
  const target = chars[0]!.target;
  if (!isEditable(target) || document.activeElement !== target) return false;
  const text = chars.map((c) => c.char).join('');
  if (!document.execCommand('insertText', false, text)) {
    const el = target as HTMLInputElement;
    const start = el.selectionStart ?? el.value.length;
    const end = el.selectionEnd ?? el.value.length;
    el.setRangeText(text, start, end, 'end');
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }
  return true;
}

/** Takes back characters typed by replay() when they turn out to start a scan burst (the page was busy). */
function unReplay(chars: Held[]): void {
  const el = chars[0]!.target;
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) || document.activeElement !== el) return;
  const text = chars.map((c) => c.char).join('');
  const end = el.selectionEnd ?? el.value.length;
  if (el.value.slice(end - text.length, end) !== text) return;
  el.setSelectionRange(end - text.length, end);
  if (!document.execCommand('delete')) {
    el.setRangeText('', end - text.length, end, 'end');
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

function medianGap(keys: Held[]): number {
  const gaps = keys.slice(1).map((k, i) => k.t - keys[i]!.t).sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)] ?? Infinity;
}

export class ScanDetector {
  private buf: Held[] = [];
  /** What the last flush typed into a field, in case the burst goes on. */
  private replayed: Array<Held & { typed: boolean }> = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  settings: ScannerSettings = loadScannerSettings();

  constructor(private readonly onScan: (code: string) => void) {}

  /** Timer path: if the page was busy and the timer fired late, queued keystrokes may still be waiting; look once more. */
  private onTimer = (due: number): void => {
    this.timer = null;
    if (performance.now() - due > 20) {
      this.timer = setTimeout(() => this.onTimer(performance.now()), 0);
      return;
    }
    this.flush();
  };

  private flush = (): void => {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const held = this.buf;
    this.buf = [];
    if (!held.length) return;
    const editable = held.filter((h) => isEditable(h.target));
    const typed = replay(editable);
    const mark = held.map((h) => ({ ...h, typed: typed && editable.includes(h) }));
    const prev = this.replayed[this.replayed.length - 1];
    const joins = prev && held[0]!.t - prev.t <= 4 * this.settings.maxIntervalMs;
    this.replayed = joins ? [...this.replayed, ...mark] : mark;
  };

  private strip(code: string): string {
    const { prefix, suffix } = this.settings;
    let c = code;
    if (prefix && c.startsWith(prefix)) c = c.slice(prefix.length);
    if (suffix && c.endsWith(suffix)) c = c.slice(0, -suffix.length);
    return c.trim();
  }

  handleKey = (e: KeyboardEvent): void => {
    const s = this.settings;
    if (!s.enabled || e.isComposing || e.ctrlKey || e.altKey || e.metaKey) return;
    // The event's own time stamp (when the key was pressed), not when a busy page got round to handling it.
    const now = e.timeStamp || performance.now();
    const last = this.buf[this.buf.length - 1];
    if (last && now - last.t > s.maxIntervalMs) this.flush();

    if (e.key === 'Enter' || e.key === 'Tab') {
      // A busy page can stretch a few gaps of a burst (and part of it may already be typed into the field), so the
      // decision looks at the whole recent run: mostly fast gaps (median within the threshold) and long enough.
      const lastBuf = this.buf[this.buf.length - 1];
      const lastRun = this.replayed[this.replayed.length - 1];
      const joins = !!lastRun && (!this.buf[0] || this.buf[0].t - lastRun.t <= 4 * s.maxIntervalMs);
      const all: Held[] = joins ? [...this.replayed, ...this.buf] : this.buf;
      const lastChar = lastBuf ?? (joins ? lastRun : undefined);
      const code = this.strip(all.map((h) => h.char).join(''));
      if (all.length >= 2 && lastChar && now - lastChar.t <= 4 * s.maxIntervalMs && medianGap(all) <= s.maxIntervalMs && code.length >= s.minLength) {
        e.preventDefault();
        e.stopImmediatePropagation();
        if (this.timer) clearTimeout(this.timer);
        this.timer = null;
        this.buf = [];
        const back = joins ? this.replayed.filter((h) => h.typed) : [];
        if (back.length) unReplay(back);
        this.replayed = [];
        this.onScan(code);
        return;
      }
      this.flush();
      this.replayed = [];
      return;
    }
    if (e.key.length !== 1) {
      this.flush();
      this.replayed = [];
      return;
    }
    if (isEditable(e.target)) e.preventDefault();
    this.buf.push({ char: e.key, t: now, target: e.target });
    if (this.timer) clearTimeout(this.timer);
    const wait = s.maxIntervalMs + 15;
    const due = performance.now() + wait;
    this.timer = setTimeout(() => this.onTimer(due), wait);
  };
}
