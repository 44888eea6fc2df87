/**
 * Keyboard-wedge scanner detection. A scanner "types" its code in a fast burst ending with Enter or Tab.
 * Printable keys aimed at a text field are held back for one interval: if the next key comes fast, they
 * belong to a burst and never reach the field; if not, they are typed into the field as usual.
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

/** Types held characters into the field they were aimed at (fires input events React listens to). */
function replay(chars: Held[]): void {
  if (!chars.length) return;
  const target = chars[0]!.target;
  if (!isEditable(target) || document.activeElement !== target) return;
  const text = chars.map((c) => c.char).join('');
  if (!document.execCommand('insertText', false, text)) {
    const el = target as HTMLInputElement;
    const start = el.selectionStart ?? el.value.length;
    const end = el.selectionEnd ?? el.value.length;
    el.setRangeText(text, start, end, 'end');
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

export class ScanDetector {
  private buf: Held[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  settings: ScannerSettings = loadScannerSettings();

  constructor(private readonly onScan: (code: string) => void) {}

  private flush = (): void => {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const held = this.buf.filter((h) => isEditable(h.target));
    this.buf = [];
    replay(held);
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
    const now = performance.now();
    const last = this.buf[this.buf.length - 1];
    if (last && now - last.t > s.maxIntervalMs) this.flush();

    if (e.key === 'Enter' || e.key === 'Tab') {
      const code = this.strip(this.buf.map((h) => h.char).join(''));
      if (this.buf.length >= 2 && code.length >= s.minLength) {
        e.preventDefault();
        e.stopImmediatePropagation();
        if (this.timer) clearTimeout(this.timer);
        this.timer = null;
        this.buf = [];
        this.onScan(code);
        return;
      }
      this.flush();
      return;
    }
    if (e.key.length !== 1) {
      this.flush();
      return;
    }
    if (isEditable(e.target)) e.preventDefault();
    this.buf.push({ char: e.key, t: now, target: e.target });
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(this.flush, s.maxIntervalMs + 5);
  };
}
