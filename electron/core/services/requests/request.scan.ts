/** Scan check for executing a request: every listed item scanned, nothing extra, nothing unknown, every status right. */
import type { Ctx } from '../../context';
import type { ItemRow } from '../../db/schema';
import type { EventType, ItemStatus } from '../../../../shared/domain/enums';
import { checkTransition } from '../../../../shared/domain/item-state';
import { conflict } from '../../errors';
import { itemLabel } from './request.repository';

/**
 * Throws CONFLICT with one Chinese line per problem (漏扫, 多扫, 未知编码, 状态不符) unless the scanned codes
 * are exactly the listed items and each may take `event`. Duplicate scans of a listed item are harmless.
 */
export async function verifyScans(ctx: Pick<Ctx, 'db'>, requestNo: string, listed: ItemRow[], scannedCodes: string[], event: EventType): Promise<void> {
  const scanned = [...new Set(scannedCodes.map((c) => c.trim()).filter(Boolean))];
  const byCode = new Map(listed.map((i) => [i.code, i]));
  const outside = scanned.filter((c) => !byCode.has(c));
  const known = outside.length
    ? new Map((await ctx.db.selectFrom('items').select(['code', 'name']).where('code', 'in', outside).execute()).map((i) => [i.code, i]))
    : new Map<string, { code: string; name: string }>();
  const missing: string[] = [];
  const extra: string[] = [];
  const unknown: string[] = [];
  const wrong: string[] = [];
  for (const c of outside) {
    const it = known.get(c);
    if (it) extra.push(`多扫：${itemLabel(it)}不在申请单 ${requestNo} 中`);
    else unknown.push(`未知编码：「${c}」不是已登记的物品`);
  }
  const seen = new Set(scanned);
  for (const it of listed) {
    if (!seen.has(it.code)) {
      missing.push(`漏扫：${itemLabel(it)}未扫描`);
      continue;
    }
    const check = checkTransition(it.status as ItemStatus, event);
    if (!check.ok) wrong.push(`状态不符：${itemLabel(it)}${check.message}`);
  }
  const lines = [...missing, ...extra, ...unknown, ...wrong];
  if (lines.length === 0) return;
  const parts = [
    missing.length ? `漏扫 ${missing.length} 件` : '',
    extra.length ? `多扫 ${extra.length} 件` : '',
    unknown.length ? `未知编码 ${unknown.length} 个` : '',
    wrong.length ? `状态不符 ${wrong.length} 件` : '',
  ].filter(Boolean);
  throw conflict(`扫描核对未通过，申请单 ${requestNo} 未执行：${parts.join('、')}`, lines);
}
