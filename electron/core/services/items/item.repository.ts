/** Reading items as DTOs: one query shape for get, by-code and lists. */
import { sql, type SelectQueryBuilder } from 'kysely';
import type { z } from 'zod';
import { MAX_ID, itemSearchCandidates, itemSearchExact, subtreeLocationIds } from '../../db/dialect';
import type { Ctx, SessionUser } from '../../context';
import { itemScope, maskIdNo, seesIdNumbers } from '../../access/visibility';
import type { Database } from '../../db/schema';
import type { ItemDto, itemListFilter } from '../../../../shared/api/item.contract';
import type { ItemCategory, ItemFlag, ItemSource, ItemStatus } from '../../../../shared/domain/enums';
import { locationPathsFor } from './location-paths';

export function itemBaseQuery(ctx: Pick<Ctx, 'db'>) {
  return ctx.db
    .selectFrom('items as i')
    .innerJoin('cases as c', 'c.id', 'i.case_id')
    .innerJoin('agencies as ha', 'ha.id', 'i.holding_agency_id')
    .leftJoin('locations as l', 'l.id', 'i.location_id');
}

type Base = ReturnType<typeof itemBaseQuery> extends SelectQueryBuilder<infer D, infer T, object> ? SelectQueryBuilder<D, T, object> : never;

export function selectItemColumns(q: Base) {
  return q.selectAll('i').select([
    'c.case_no',
    'c.name as case_name',
    'ha.name as holding_agency_name',
    'l.code as location_code',
    sql<string | null>`(SELECT r.request_no FROM request_items ri JOIN requests r ON r.id = ri.request_id WHERE ri.item_id = i.id AND ri.open = 1)`.as('open_request_no'),
  ]);
}

type ItemJoined = Awaited<ReturnType<ReturnType<typeof selectItemColumns>['execute']>>[number];

/**
 * Item rows as DTOs; with a user, owners' ID numbers are masked unless the visibility rule shows them in full.
 * `known`: the paths of the rows' locations when the caller has them (the single-item hot path).
 */
export async function toItemDtos(ctx: Pick<Ctx, 'db'> & { user?: SessionUser }, rows: ItemJoined[], known?: Map<number, string>): Promise<ItemDto[]> {
  const user = ctx.user;
  const paths = known ?? (await locationPathsFor(ctx, rows.map((r) => r.location_id)));
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    caseId: r.case_id,
    caseNo: r.case_no,
    caseName: r.case_name,
    name: r.name,
    category: r.category as ItemCategory,
    spec: r.spec,
    quantity: r.quantity,
    unit: r.unit,
    features: r.features,
    estimatedValue: r.estimated_value,
    cashAmount: r.cash_amount,
    source: r.source as ItemSource,
    ownerName: r.owner_name,
    ownerIdNo: !user || seesIdNumbers(user, r.holding_agency_id) ? r.owner_id_no : maskIdNo(r.owner_id_no),
    seizureDocNo: r.seizure_doc_no,
    seizedAt: r.seized_at,
    seizedBy: r.seized_by,
    sealNo: r.seal_no,
    flags: JSON.parse(r.flags) as ItemFlag[],
    status: r.status as ItemStatus,
    locationId: r.location_id,
    locationCode: r.location_code,
    locationPath: r.location_id ? (paths.get(r.location_id) ?? null) : null,
    outWith: r.out_with,
    holdingAgencyId: r.holding_agency_id,
    holdingAgencyName: r.holding_agency_name,
    createdAt: r.created_at,
    openRequestNo: r.open_request_no,
  }));
}

export async function getItemDto(ctx: Pick<Ctx, 'db'> & { user?: SessionUser }, where: { id: number } | { code: string }): Promise<ItemDto | undefined> {
  let q = selectItemColumns(itemBaseQuery(ctx));
  q = 'id' in where ? q.where('i.id', '=', where.id) : q.where('i.code', '=', where.code);
  const row = await q.executeTakeFirst();
  return row ? (await toItemDtos(ctx, [row]))[0] : undefined;
}

export async function getItemDtos(ctx: Pick<Ctx, 'db'> & { user?: SessionUser }, ids: number[]): Promise<ItemDto[]> {
  if (ids.length === 0) return [];
  const rows = await selectItemColumns(itemBaseQuery(ctx)).where('i.id', 'in', ids).orderBy('i.id').execute();
  return toItemDtos(ctx, rows);
}

export type { Database };

export type ItemListFilter = z.output<typeof itemListFilter>;
type ItemQuery = ReturnType<typeof itemBaseQuery>;

/**
 * The item.list filter as a reusable step (list and export always agree). item.list passes `q` separately and
 * answers it from the search indexes window by window (item.list.ts); here it is one where-clause over every hit.
 */
export function applyItemFilter(ctx: Pick<Ctx, 'dialect' | 'user'>, q: ItemQuery, f: ItemListFilter): ItemQuery {
  const scope = itemScope(ctx.user);
  if (scope) q = q.where(scope);
  q = itemSearchFilter(ctx, q, f.q);
  if (f.status?.length) q = q.where('i.status', 'in', f.status);
  if (f.category?.length) q = q.where('i.category', 'in', f.category);
  // A warehouse, zone or shelf covers its whole subtree.
  if (f.locationId) q = q.where(sql<boolean>`i.location_id IN (${subtreeLocationIds(ctx.dialect, f.locationId)})`);
  if (f.holdingAgencyId) q = q.where('i.holding_agency_id', '=', f.holdingAgencyId);
  if (f.caseId) q = q.where('i.case_id', '=', f.caseId);
  if (f.seizedFrom) q = q.where('i.seized_at', '>=', new Date(f.seizedFrom).toISOString());
  if (f.seizedTo) q = q.where('i.seized_at', '<=', new Date(f.seizedTo).toISOString());
  if (f.flag) {
    const flag = f.flag;
    q = q.where((eb) => eb.exists(eb.selectFrom('item_flags as fl').select('fl.item_id').whereRef('fl.item_id', '=', 'i.id').where('fl.flag', '=', flag)));
  }
  return q;
}

/** The whole text filter in one where-clause (export: every hit, in one pass; lists page through itemSearchCandidates). */
export function itemSearchFilter(ctx: Pick<Ctx, 'dialect'>, q: ItemQuery, text: string | undefined): ItemQuery {
  if (!text) return q;
  const ids = itemSearchCandidates(ctx.dialect, text, MAX_ID, 1_000_000_000);
  if (!ids) return q.where(sql<boolean>`1 = 0`);
  return q.where(sql<boolean>`i.id IN (${ids})`).where(itemSearchExact(ctx.dialect, text));
}

