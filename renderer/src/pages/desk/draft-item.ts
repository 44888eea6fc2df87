/** One row of a seizure list being entered: defaults, what a new row copies, category rules, checks before saving. */
import type { ItemCategory, ItemFlag, ItemSource } from '@shared/domain/enums';

export type DraftItem = {
  key: number;
  name: string;
  category: ItemCategory;
  spec: string;
  quantity: number | null;
  unit: string;
  features: string;
  estimatedValue: number | null;
  cashAmount: number | null;
  source: ItemSource;
  ownerName: string;
  ownerIdNo: string;
  sealNo: string;
  flags: ItemFlag[];
};

let keySeq = 1;
export const blankItem = (from?: Partial<DraftItem>): DraftItem => ({
  name: '',
  category: 'general',
  spec: '',
  quantity: 1,
  unit: '件',
  features: '',
  estimatedValue: null,
  cashAmount: null,
  source: 'seized',
  ownerName: '',
  ownerIdNo: '',
  sealNo: '',
  flags: [],
  ...from,
  key: keySeq++,
});

/** 「添加一行」: the new row keeps exactly the category, unit, source and owner (name and ID no.) of the row before. */
export const nextRow = (prev?: DraftItem): DraftItem =>
  prev
    ? blankItem({ category: prev.category, unit: prev.unit, source: prev.source, ownerName: prev.ownerName, ownerIdNo: prev.ownerIdNo, flags: prev.category === 'cash' ? ['cash'] : [] })
    : blankItem();

/** A cash amount and the 现金 flag belong to the cash category only: switching category sets or clears them. */
export const withCategory = (r: DraftItem, category: ItemCategory): DraftItem => {
  const flags = r.flags.filter((f) => f !== 'cash');
  return category === 'cash' ? { ...r, category, flags: [...flags, 'cash'], estimatedValue: null } : { ...r, category, flags, cashAmount: null };
};

export type RowField = 'name' | 'quantity' | 'unit' | 'cashAmount';
export type RowErrors = Record<number, Partial<Record<RowField, string>>>;

/** Every missing field of the rows, at once. Rows without a name are blank and skipped, unless no row has a name. */
export function checkRows(rows: DraftItem[]): RowErrors {
  const out: RowErrors = {};
  const filled = rows.filter((r) => r.name.trim());
  if (!filled.length && rows[0]) out[rows[0].key] = { name: '请填写物品名称（至少一件）' };
  for (const r of filled) {
    const e: Partial<Record<RowField, string>> = {};
    if (!r.quantity) e.quantity = '请填写数量';
    if (!r.unit.trim()) e.unit = '请填写单位';
    if (r.category === 'cash' && r.cashAmount == null) e.cashAmount = '现金须填写金额';
    if (Object.keys(e).length) out[r.key] = e;
  }
  return out;
}

const opt = (s: string) => (s.trim() ? s.trim() : undefined);

/** The API input for the filled rows (a cash amount and the 现金 flag only on cash rows). */
export const toItemInputs = (rows: DraftItem[]) =>
  rows
    .filter((r) => r.name.trim())
    .map((r) => ({
      name: r.name.trim(),
      category: r.category,
      spec: opt(r.spec),
      quantity: r.quantity!,
      unit: r.unit.trim(),
      features: opt(r.features),
      estimatedValue: r.estimatedValue ?? undefined,
      cashAmount: r.category === 'cash' ? (r.cashAmount ?? undefined) : undefined,
      source: r.source,
      ownerName: opt(r.ownerName),
      ownerIdNo: opt(r.ownerIdNo),
      sealNo: opt(r.sealNo),
      flags: r.category === 'cash' ? r.flags : r.flags.filter((f) => f !== 'cash'),
    }));
