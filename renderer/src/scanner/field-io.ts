/** How the scan detector touches text fields: the DOM version, replaced by a fake in unit tests. */
export type HeldKey = { char: string; t: number; target: EventTarget | null };

export type FieldIO = {
  /** Whether a key aimed at this target would type into a text field. */
  isEditable(target: EventTarget | null): boolean;
  /** Types held characters into the field they were aimed at; returns whether it typed. */
  replay(chars: HeldKey[]): boolean;
  /** Takes back characters that reached a field (typed by replay, or by the browser before the scanner was armed). */
  unReplay(chars: HeldKey[]): void;
};

function isEditable(el: EventTarget | null): el is HTMLElement {
  if (typeof HTMLElement === 'undefined' || !(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled;
  if (el instanceof HTMLInputElement) {
    const t = el.type.toLowerCase();
    return !el.readOnly && !el.disabled && ['text', 'search', 'password', 'email', 'number', 'tel', 'url', ''].includes(t);
  }
  return false;
}

export const domFieldIO: FieldIO = {
  isEditable,
  replay(chars) {
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
  },
  unReplay(chars) {
    const el = chars[0]?.target;
    if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) || document.activeElement !== el) return;
    const text = chars.map((c) => c.char).join('');
    const end = el.selectionEnd ?? el.value.length;
    if (el.value.slice(end - text.length, end) !== text) return;
    el.setSelectionRange(end - text.length, end);
    if (!document.execCommand('delete')) {
      el.setRangeText('', end - text.length, end, 'end');
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }
  },
};
