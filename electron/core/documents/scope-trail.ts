/**
 * 流转记录 of any scope: an agency (events that moved property from or to it), a store or location (its subtree),
 * or a period (every event). Printed like item and case trails (trail.source.ts, trail.pdf.ts): keyset pages, drawn
 * row by row in bounded memory, in a job off the request path. Volumes (分册) of a long scope: scope-volumes.ts.
 */
import type { Ctx } from '../context';
import { sql, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../db/schema';
import { subtreeLocationIds } from '../db/dialect';
import { AppError } from '../errors';
import { locationPathsFor } from '../services/items/location-paths';
import { formatZhDateTime } from './pdf-engine';
import type { EventWhere } from './trail.source';

export type ScopeInput = { scope: 'agency' | 'location' | 'period'; agencyId?: number; locationId?: number; from?: string; to?: string };

export type ScopeDescription = { title: string; fields: Array<[string, string]>; where: EventWhere; barcode: string | null };

export async function describeScope(ctx: Ctx, s: ScopeInput): Promise<ScopeDescription> {
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

