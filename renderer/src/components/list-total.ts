/** How many rows a list has, as the server could tell cheaply: 「共 326 件」「约 12 万件」「1000+ 件」. */
import type { ListTotal } from '@shared/api/item.contract';

export function fmtTotal(t: ListTotal, unit = '件'): string {
  if (t.kind === 'exact') return `共 ${t.n.toLocaleString('zh-CN')} ${unit}`;
  if (t.kind === 'atLeast') return `${t.n.toLocaleString('zh-CN')}+ ${unit}`;
  if (t.n >= 100_000) return `约 ${Math.round(t.n / 10_000)} 万${unit}`;
  if (t.n >= 10_000) return `约 ${(Math.round(t.n / 1_000) / 10).toLocaleString('zh-CN')} 万${unit}`;
  return `约 ${(Math.round(t.n / 100) * 100).toLocaleString('zh-CN')} ${unit}`;
}
