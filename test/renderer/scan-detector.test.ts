/** The wedge-scanner detector: whole bursts become one scan, even when the first keys arrive before the scanner is armed. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ScanDetector, type KeyLike } from '../../renderer/src/scanner/scan-detector';
import type { FieldIO, HeldKey } from '../../renderer/src/scanner/field-io';

/** A text field as the detector sees it: a value and whether it has focus. */
type Field = { value: string; focused: boolean };

const fakeIO: FieldIO = {
  isEditable: (t) => !!t && typeof (t as unknown as Field).value === 'string',
  replay(chars: HeldKey[]) {
    const f = chars[0]?.target as unknown as Field | undefined;
    if (!f?.focused) return false;
    f.value += chars.map((c) => c.char).join('');
    return true;
  },
  unReplay(chars: HeldKey[]) {
    const f = chars[0]!.target as unknown as Field;
    const text = chars.map((c) => c.char).join('');
    if (f.focused && f.value.endsWith(text)) f.value = f.value.slice(0, -text.length);
  },
};

const CODE = '371600ZX-2026-000001';

function setup() {
  const scans: string[] = [];
  const det = new ScanDetector((c) => scans.push(c), fakeIO);
  det.armed = true;
  const field: Field = { value: '', focused: true };
  const submitted: string[] = [];
  /** One keydown as the browser delivers it: if the detector does not prevent it, the browser types it (or submits on Enter). */
  const press = (key: string, t: number, target: Field | null = field) => {
    let prevented = false;
    const e: KeyLike = {
      key,
      timeStamp: t,
      isComposing: false,
      ctrlKey: false,
      altKey: false,
      metaKey: false,
      target: target as unknown as EventTarget,
      preventDefault: () => void (prevented = true),
      stopImmediatePropagation: () => undefined,
    };
    det.handleKey(e);
    if (prevented || !target) return;
    if (key === 'Enter') submitted.push(target.value);
    else if (key.length === 1) target.value += key;
  };
  const burst = (code: string, t0: number, gap = 8) => {
    code.split('').forEach((ch, i) => press(ch, t0 + i * gap));
    return t0 + code.length * gap;
  };
  return { det, scans, field, submitted, press, burst };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('ScanDetector', () => {
  it('takes a fast burst into a focused field as one scan and leaves the field empty', () => {
    const { scans, field, submitted, press, burst } = setup();
    press('Enter', burst(CODE, 1000));
    expect(scans).toEqual([CODE]);
    expect(field.value).toBe('');
    expect(submitted).toEqual([]);
  });

  it('lets a person type: slow keys reach the field and Enter is not a scan', () => {
    const { scans, field, submitted, press } = setup();
    let t = 1000;
    for (const ch of '华为手机abc') {
      press(ch, t);
      vi.advanceTimersByTime(150);
      t += 150;
    }
    press('Enter', t);
    expect(scans).toEqual([]);
    expect(field.value).toBe('华为手机abc');
    expect(submitted).toEqual(['华为手机abc']);
  });

  it('first scan after a reload: keys that arrived before arming are taken back, the whole code is scanned', () => {
    const { det, scans, field, submitted, press } = setup();
    det.armed = false;
    // The first 7 keys reach the focused search box before the shell arms the scanner (the browser types them).
    CODE.slice(0, 7).split('').forEach((ch, i) => press(ch, 1000 + i * 8));
    expect(field.value).toBe(CODE.slice(0, 7));
    det.armed = true;
    CODE.slice(7).split('').forEach((ch, i) => press(ch, 1056 + i * 8));
    press('Enter', 1056 + (CODE.length - 7) * 8);
    expect(scans).toEqual([CODE]);
    expect(field.value).toBe('');
    expect(submitted).toEqual([]);
  });

  it('a busy page that lets the hold timer fire mid-burst still yields the whole code, never a fragment', () => {
    const { scans, field, press } = setup();
    CODE.slice(0, 4).split('').forEach((ch, i) => press(ch, 1000 + i * 8));
    vi.advanceTimersByTime(100); // the held part is typed into the field
    expect(field.value).toBe(CODE.slice(0, 4));
    // The rest was queued while the page was busy: its time stamps are still those of a fast burst.
    CODE.slice(4).split('').forEach((ch, i) => press(ch, 1032 + i * 8));
    press('Enter', 1032 + (CODE.length - 4) * 8);
    expect(scans).toEqual([CODE]);
    expect(field.value).toBe('');
  });

  it('before arming (login screen) it never claims a scan', () => {
    const { det, scans, field, submitted, press, burst } = setup();
    det.armed = false;
    press('Enter', burst('Demo1234', 1000));
    expect(scans).toEqual([]);
    expect(field.value).toBe('Demo1234');
    expect(submitted).toEqual(['Demo1234']);
  });

  it('a long pause between runs starts a new one: an old run is not glued to a later burst', () => {
    const { det, scans, field, press, burst } = setup();
    det.armed = false;
    burst('abc', 1000);
    det.armed = true;
    press('Enter', burst(CODE, 3000));
    expect(scans).toEqual([CODE]);
    expect(field.value).toBe('abc');
  });
});
