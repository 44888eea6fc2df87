/**
 * 流转记录 of any scope: an agency (events that moved property from or to it), a store or location (its subtree),
 * or a period (every event). Read in keyset pages of the ledger and turned into table rows page by page, so only the
 * printed rows are held; a job runs it in a worker, off the request path, reporting progress.
 */
import type { Ctx } from '../context';
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../db/schema';
import { subtreeLocationIds } from '../db/dialect';
import { AppError } from '../errors';
import { toEventDtos } from '../ledger/event.mapper';
import { locationPathsFor } from '../services/items/location-paths';
import type { FormDoc } from './document.types';
import { formatZhDateTime } from './pdf-engine';
import { eventRows, ledgerCover, TABLE_COLUMNS, tableWidths } from './trail.builder';

/** The most events one printed trail holds (about 1,000 A4 pages): a longer one is refused, asking for a shorter period. */
export const SCOPE_TRAIL_MAX = 20_000;
const PAGE = 1000;

export type ScopeInput = { scope: 'agency' | 'location' | 'period'; agencyId?: number; locationId?: number; from?: string; to?: string };
type Where = (eb: ExpressionBuilder<Database, 'custody_events'>) => Expression<SqlBool>;

async function describe(ctx: Ctx, s: ScopeInput): Promise<{ title: string; fields: Array<[string, string]>; where: Where; barcode: string | null }> {
  const period = (eb: ExpressionBuilder<Database, 'custody_events'>) =>
    eb.and([...(s.from ? [eb('occurred_at', '>=', s.from)] : []), ...(s.to ? [eb('occurred_at', '<', s.to)] : [])]);
  const periodText = s.from || s.to ? `${s.from ? formatZhDateTime(s.from) : '最早'} 至 ${s.to ? formatZhDateTime(s.to) : '现在'}` : '全部';
  if (s.scope === 'agency') {
    if (!s.agencyId) throw new AppError('BAD_INPUT', '请选择单位');
    const a = await ctx.db.selectFrom('agencies').select(['id', 'name', 'code']).where('id', '=', s.agencyId).executeTakeFirst();
    if (!a) throw new AppError('NOT_FOUND', '单位不存在');
    const id = a.id;
    return {
      title: '单位涉案财物流转记录',
      barcode: a.code,
      fields: [['范围', '单位（财物移出或移入该单位的全部事件）'], ['单位', a.name], ['期间', periodText]],
      where: (eb) => eb.and([eb.or([eb('agency_from_id', '=', id), eb('agency_to_id', '=', id)]), period(eb)]),
    };
  }
  if (s.scope === 'location') {
    if (!s.locationId) throw new AppError('BAD_INPUT', '请选择库房或库位');
    const path = (await locationPathsFor(ctx, [s.locationId])).get(s.locationId);
    if (!path) throw new AppError('NOT_FOUND', '库位不存在');
    const sub = subtreeLocationIds(ctx.dialect, s.locationId);
    return {
      title: '库位涉案财物流转记录',
      barcode: null,
      fields: [['范围', '库房 / 库位（含下级库位，移入或移出的全部事件）'], ['库位', path], ['期间', periodText]],
      where: (eb) => eb.and([sql<SqlBool>`(location_from_id IN (${sub}) OR location_to_id IN (${sub}))`, period(eb)]),
    };
  }
  if (!s.from && !s.to) throw new AppError('BAD_INPUT', '请选择期间');
  return { title: '期间涉案财物流转记录', barcode: null, fields: [['范围', '期间内的全部事件'], ['期间', periodText]], where: period };
}

export async function scopeTrailDoc(
  ctx: Ctx,
  s: ScopeInput,
  progress: (done: number, total: number) => void | Promise<void>,
): Promise<{ doc: FormDoc; covers: Array<{ seq: number; hash: string }> }> {
  const d = await describe(ctx, s);
  const n = await ctx.db.selectFrom('custody_events').select((eb) => eb.fn.countAll<number>().as('n')).where(d.where).executeTakeFirstOrThrow();
  const total = Number(n.n);
  if (total > SCOPE_TRAIL_MAX) throw new AppError('CONFLICT', `该范围共有 ${total} 条事件，超过单份流转记录的上限 ${SCOPE_TRAIL_MAX} 条，请缩短期间后分段打印`);
  const rows: string[][] = [];
  const covers: Array<{ seq: number; hash: string }> = [];
  const codes = new Set<string>();
  let after = 0;
  await progress(0, total);
  for (;;) {
    const page = await ctx.db.selectFrom('custody_events').selectAll().where(d.where).where('seq', '>', after).orderBy('seq').limit(PAGE).execute();
    if (!page.length) break;
    const dtos = await toEventDtos(ctx, page);
    rows.push(...eventRows(dtos, true));
    for (const e of dtos) if (e.itemCode && codes.size < 200) codes.add(e.itemCode);
    for (const e of page) covers.push({ seq: e.seq, hash: e.hash });
    after = page[page.length - 1]!.seq;
    await progress(covers.length, total);
    if (page.length < PAGE) break;
  }
  const doc: FormDoc = {
    docType: 'audit_trail',
    title: d.title,
    barcode: d.barcode,
    fields: [...d.fields, ['事件数', `${covers.length} 条`]],
    items: [],
    ...(await ledgerCover(ctx, covers)),
    table: { title: `流转事件（共 ${covers.length} 条，按序号排列）`, columns: TABLE_COLUMNS, rows, widths: tableWidths([...codes]) },
    signatures: [{ role: '打印人', name: ctx.user.displayName }, { role: '核对人' }],
  };
  return { doc, covers };
}
