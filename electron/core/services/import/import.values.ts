/** Reading one cell as a date, a number or a category, the way people write them in Chinese seizure lists. */
import { ITEM_CATEGORIES, ITEM_CATEGORY_LABELS, type ItemCategory } from '../../../../shared/domain/enums';
import type { Cell } from './import.read';

const SHANGHAI_MS = 8 * 3600_000;

/** A seizure time as ISO (UTC); written times are Beijing time. Null when it cannot be read. */
export function parseDateCell(c: Cell): string | null {
  // exceljs gives the sheet's wall-clock time in the Date's UTC fields.
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? null : new Date(c.getTime() - SHANGHAI_MS).toISOString();
  if (typeof c === 'number') {
    if (c < 20_000 || c > 80_000) return null; // an Excel date serial between 1954 and 2119
    return new Date(Math.round((c - 25_569) * 86_400_000) - SHANGHAI_MS).toISOString();
  }
  if (typeof c !== 'string') return null;
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]*(\d{1,2})\s*[:：时]\s*(\d{1,2})\s*(?:[:：分]\s*(?:(\d{1,2})\s*秒?)?)?)?$/u.exec(c.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  const t = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(t);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return new Date(t - SHANGHAI_MS).toISOString();
}

/** A number from a cell: 1,200 / ¥1200.50 / 1200元 read; anything else null. */
export function parseNumberCell(c: Cell): number | null {
  if (typeof c === 'number') return Number.isFinite(c) ? c : null;
  if (typeof c !== 'string') return null;
  const t = c.replace(/[\s,，¥￥]/gu, '').replace(/元$/u, '');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

const CATEGORY_BY_LABEL = new Map<string, ItemCategory>([
  ...ITEM_CATEGORIES.map((k) => [ITEM_CATEGORY_LABELS[k], k] as const),
  ...ITEM_CATEGORIES.map((k) => [k, k] as const),
  ['人民币', 'cash'],
  ['外币', 'cash'],
  ['一般', 'general'],
]);

export function parseCategory(text: string): ItemCategory | null {
  return CATEGORY_BY_LABEL.get(text.trim()) ?? null;
}

export const CATEGORY_CHOICES = ITEM_CATEGORIES.map((k) => ITEM_CATEGORY_LABELS[k]).join('、');

/** Beijing time for messages: 2026-11-20 14:30. */
export function beijing(iso: string): string {
  return new Date(new Date(iso).getTime() + SHANGHAI_MS).toISOString().slice(0, 16).replace('T', ' ');
}
