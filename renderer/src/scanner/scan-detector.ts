/**
 * Keyboard-wedge scanner detection. A scanner "types" its code in a fast burst ending with Enter or Tab.
 * Printable keys aimed at a text field are held back for about one interval: if the next key comes fast, they
 * belong to a burst and never reach the field; if not, they are typed into the field as usual. When the page was
 * busy and part of a burst got typed anyway, the Enter decision takes those characters back out of the field.
 *
 * The listener exists from the moment the app's code loads, before any text field does, but it only claims scans once
 * armed (the signed-in shell arms it). Until then it only watches: keys reach the fields as usual and are remembered,
 * so a burst that starts just before arming (the first scan after a reload or a login) is still taken whole, and
 * the part already typed into a focused field is taken back out, instead of the rest being reported as unknown.
 */
import { loadScannerSettings, type ScannerSettings } from './scanner-settings';
import { domFieldIO, type FieldIO, type HeldKey } from './field-io';

type Held = HeldKey;
/** What the detector reads from a keydown event (a KeyboardEvent in the app, a plain object in unit tests). */
export type KeyLike = Pick<KeyboardEvent, 'key' | 'timeStamp' | 'isComposing' | 'ctrlKey' | 'altKey' | 'metaKey' | 'target' | 'preventDefault' | 'stopImmediatePropagation'>;

function medianGap(keys: Held[]): number {
  const gaps = keys.slice(1).map((k, i) => k.t - keys[i]!.t).sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)] ?? Infinity;
}

export class ScanDetector {
  private buf: Held[] = [];
  /** Characters that reached a field (typed by the last flush, or by the browser before arming), in case the burst goes on. */
  private replayed: Array<Held & { typed: boolean }> = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  settings: ScannerSettings = loadScannerSettings();
  /** False until the signed-in shell arms it: keys are only watched, never held or claimed. */
  armed = false;

  constructor(
    private readonly onScan: (code: string) => void,
    private readonly io: FieldIO = domFieldIO,
  ) {}

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
    const editable = held.filter((h) => this.io.isEditable(h.target));
    const typed = this.io.replay(editable);
    this.remember(held.map((h) => ({ ...h, typed: typed && editable.includes(h) })));
  };

  /** Adds characters that reached the page to the recent run (a new run when the gap is too long). */
  private remember(keys: Array<Held & { typed: boolean }>): void {
    const prev = this.replayed[this.replayed.length - 1];
    const joins = prev && keys[0]!.t - prev.t <= 4 * this.settings.maxIntervalMs;
    this.replayed = joins ? [...this.replayed, ...keys] : keys;
  }

  private strip(code: string): string {
    const { prefix, suffix } = this.settings;
    let c = code;
    if (prefix && c.startsWith(prefix)) c = c.slice(prefix.length);
    if (suffix && c.endsWith(suffix)) c = c.slice(0, -suffix.length);
    return c.trim();
  }

  handleKey = (e: KeyLike): void => {
    const s = this.settings;
    if (!s.enabled || e.isComposing || e.ctrlKey || e.altKey || e.metaKey) return;
    // The event's own time stamp (when the key was pressed), not when a busy page got round to handling it.
    const now = e.timeStamp || performance.now();
    if (!this.armed) {
      // Watching only: the key goes where it was aimed; remember it in case arming happens mid-burst.
      if (e.key.length === 1) this.remember([{ char: e.key, t: now, target: e.target, typed: this.io.isEditable(e.target) }]);
      else this.replayed = [];
      return;
    }
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
        if (back.length) this.io.unReplay(back);
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
    if (this.io.isEditable(e.target)) e.preventDefault();
    this.buf.push({ char: e.key, t: now, target: e.target });
    if (this.timer) clearTimeout(this.timer);
    const wait = s.maxIntervalMs + 15;
    const due = performance.now() + wait;
    this.timer = setTimeout(() => this.onTimer(due), wait);
  };
}
