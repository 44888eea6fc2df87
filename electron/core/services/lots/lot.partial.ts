/**
 * 部分发还 / 部分处置: a request may take part of a lot. The lot is split in the same transaction as the request is
 * created (SPLIT / SPLIT_CREATED in the ledger, then the request's own events on the new item), so a refused
 * request leaves the lot whole.
 */
import type { Ctx } from '../../context';
import type { RequestCreateInput } from '../../../../shared/api/request.contract';
import { REQUEST_KIND_LABELS } from '../../../../shared/domain/requests';
import { badInput } from '../../errors';
import { splitItem } from './lot.split';

/** The request's item ids, with each partly taken lot replaced by the part split off it. */
export async function takeParts(ctx: Ctx, input: RequestCreateInput): Promise<number[]> {
  const ids = [...new Set(input.itemIds)];
  const parts = input.partial ?? [];
  if (!parts.length) return ids;
  if (input.kind !== 'return' && input.kind !== 'disposition') throw badInput(`${REQUEST_KIND_LABELS[input.kind]}申请不能只取部分数量；部分数量只用于发还和处置`);
  const seen = new Set<number>();
  for (const p of parts) {
    if (!ids.includes(p.itemId)) throw badInput(`部分数量所指的物品（编号 ${p.itemId}）不在本申请的物品中`);
    if (seen.has(p.itemId)) throw badInput(`同一物品（编号 ${p.itemId}）只能填写一个部分数量`);
    seen.add(p.itemId);
  }
  const out: number[] = [];
  for (const id of ids) {
    const part = parts.find((p) => p.itemId === id);
    out.push(part ? (await splitItem(ctx, id, [part.quantity]))[0]! : id);
  }
  return out;
}
