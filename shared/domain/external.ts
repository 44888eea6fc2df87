/** Property kept outside the store (外部保管): frozen funds, sealed real estate, goods kept elsewhere. Pure data. */
import type { ItemCategory, ItemSource } from './enums';

export const EXTERNAL_KINDS = ['deposit', 'real_estate', 'movable'] as const;
export type ExternalKind = (typeof EXTERNAL_KINDS)[number];
export const EXTERNAL_KIND_LABELS: Record<ExternalKind, string> = {
  deposit: '冻结存款/证券/资金',
  real_estate: '查封不动产',
  movable: '异地保管车辆/大件物品',
};
/** What the institution field means for each kind. */
export const EXTERNAL_INSTITUTION_LABELS: Record<ExternalKind, string> = {
  deposit: '开户银行/机构',
  real_estate: '不动产登记机构',
  movable: '保管人/保管单位',
};
/** Default terms (months): deposits 6, real estate 2 years, movables 1 year. */
export const EXTERNAL_TERM_MONTHS: Record<ExternalKind, number> = { deposit: 6, real_estate: 24, movable: 12 };
export const EXTERNAL_SOURCE: Record<ExternalKind, ItemSource> = { deposit: 'frozen', real_estate: 'sealed', movable: 'seized' };
export const EXTERNAL_DEFAULT_CATEGORY: Record<ExternalKind, ItemCategory> = { deposit: 'other', real_estate: 'other', movable: 'vehicle' };
export const EXTERNAL_RENEW_LABELS: Record<ExternalKind, string> = { deposit: '续冻', real_estate: '续封', movable: '续扣' };
export const EXTERNAL_RELEASE_LABELS: Record<ExternalKind, string> = { deposit: '解冻', real_estate: '解封', movable: '解除扣押' };
/** Days before the end of a term at which an alert is raised. */
export const EXTERNAL_ALERT_DAYS = [30, 7] as const;

/** 'YYYY-MM-DD' plus `months`, clamped to the month's last day (2026-08-31 + 6 → 2027-02-28). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Whole days from `from` to `to` (both 'YYYY-MM-DD'). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** An account number as lists show it: the first 4 (when 12 or longer) and last 4 characters only (6222***********0123). */
export function maskAccountNo(no: string | null): string | null {
  if (!no) return no;
  const s = no.replace(/\s+/g, '');
  if (s.length <= 4) return '*'.repeat(s.length);
  const head = s.length >= 12 ? s.slice(0, 4) : '';
  return `${head}${'*'.repeat(s.length - 4 - head.length)}${s.slice(-4)}`;
}
