/** Small helpers shared by the custodian-desk services: finding items, local time, flags. */
import type { Ctx } from '../../context';
import type { ItemRow } from '../../db/schema';
import type { ItemFlag } from '../../../../shared/domain/enums';
import { AppError, badInput } from '../../errors';

/** Finds an item by its code or id; a wrong reference gives a NOT_FOUND naming it. */
export async function findItem(ctx: Pick<Ctx, 'db'>, ref: { code?: string; itemId?: number }): Promise<ItemRow> {
  if (ref.code !== undefined) {
    const item = await ctx.db.selectFrom('items').selectAll().where('code', '=', ref.code).executeTakeFirst();
    if (!item) throw new AppError('NOT_FOUND', `物品编码「${ref.code}」不存在（不是已登记的物品）`);
    if (ref.itemId !== undefined && ref.itemId !== item.id) throw badInput(`物品编码「${ref.code}」与物品编号 ${ref.itemId} 不是同一件物品`);
    return item;
  }
  if (ref.itemId === undefined) throw badInput('请填写物品编码或物品编号');
  return findItemById(ctx, ref.itemId);
}

export async function findItemById(ctx: Pick<Ctx, 'db'>, itemId: number): Promise<ItemRow> {
  const item = await ctx.db.selectFrom('items').selectAll().where('id', '=', itemId).executeTakeFirst();
  if (!item) throw new AppError('NOT_FOUND', `物品（编号 ${itemId}）不存在`);
  return item;
}

export const itemLabel = (item: Pick<ItemRow, 'code' | 'name'>) => `${item.code}（${item.name}）`;

export function itemFlags(item: Pick<ItemRow, 'flags'>): ItemFlag[] {
  const v = JSON.parse(item.flags) as unknown;
  return Array.isArray(v) ? (v as ItemFlag[]) : [];
}

/** Cash and valuables fall under the two-person rule. */
export function needsWitness(item: Pick<ItemRow, 'category' | 'flags'>): boolean {
  const flags = itemFlags(item);
  return item.category === 'cash' || item.category === 'valuables' || flags.includes('cash') || flags.includes('valuable');
}

/** China Standard Time (UTC+8, no DST) as 「2026-11-20 10:00」, for printed forms and spreadsheets. */
export function fmtLocal(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

/** The China Standard Time calendar day of an instant, as 「2026-11-20」. */
export const localDay = (iso: string) => fmtLocal(iso).slice(0, 10);

/** Distinct non-empty values joined for a header field. */
export const joinDistinct = (values: Array<string | null | undefined>, sep = '、') =>
  [...new Set(values.filter((v): v is string => !!v))].join(sep);
