/** Reading counts: summaries, the full count (expected list, scans, discrepancies), and the custodian's own store. */
import type { Ctx } from '../../context';
import type { StocktakeRow } from '../../db/schema';
import type { DiscrepancyDto, StocktakeDto, StocktakeSummary } from '../../../../shared/api/stocktake.contract';
import { AppError, conflict } from '../../errors';
import { locationPaths } from '../admin/admin.handlers';
import { worksInStore } from '../stores/store.rules';

export const countNotVisible = () => new AppError('NOT_FOUND', '盘点单未找到或无权查看');

export function ownStore(ctx: Ctx): number {
  if (!worksInStore(ctx.user) || ctx.user.storeId === null) throw conflict('您的账号未指定所在的保管中心或分库，请联系管理员');
  return ctx.user.storeId;
}

/** A count of the custodian's own store (others are not visible). */
export async function loadCount(ctx: Ctx, id: number): Promise<StocktakeRow> {
  const row = await ctx.db.selectFrom('stocktakes').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || row.store_id !== ownStore(ctx)) throw countNotVisible();
  return row;
}

/** Items counted: found in place or elsewhere in the scope (each item once). */
export async function countedItemIds(ctx: Pick<Ctx, 'db'>, id: number): Promise<Set<number>> {
  const rows = await ctx.db
    .selectFrom('stocktake_scans')
    .select('item_id')
    .where('stocktake_id', '=', id)
    .where('result', 'in', ['FOUND', 'WRONG_LOCATION'])
    .execute();
  return new Set(rows.map((r) => r.item_id!));
}

export async function summaries(ctx: Ctx, rows: StocktakeRow[]): Promise<StocktakeSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const paths = await locationPaths(ctx);
  const users = new Map(
    (await ctx.db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [...new Set(rows.flatMap((r) => [r.opened_by, r.closed_by ?? r.opened_by]))]).execute()).map(
      (u) => [u.id, u.display_name],
    ),
  );
  const expected = await ctx.db.selectFrom('stocktake_expected').select(['stocktake_id', (eb) => eb.fn.countAll<number>().as('n')]).where('stocktake_id', 'in', ids).groupBy('stocktake_id').execute();
  const scans = await ctx.db
    .selectFrom('stocktake_scans')
    .select(['stocktake_id', 'result', 'item_id'])
    .where('stocktake_id', 'in', ids)
    .execute();
  const nExpected = new Map(expected.map((e) => [e.stocktake_id, Number(e.n)]));
  return rows.map((r) => {
    const mine = scans.filter((s) => s.stocktake_id === r.id);
    const found = new Set(mine.filter((s) => s.result === 'FOUND' || s.result === 'WRONG_LOCATION').map((s) => s.item_id));
    const scope = paths.get(r.scope_location_id);
    return {
      id: r.id,
      countNo: r.count_no,
      storeId: r.store_id,
      storeName: paths.get(r.store_id)?.row.name ?? '',
      scopeLocationId: r.scope_location_id,
      scopeCode: scope?.row.code ?? '',
      scopeName: scope?.path ?? '',
      blind: r.blind === 1,
      status: r.status as StocktakeSummary['status'],
      note: r.note,
      openedByName: users.get(r.opened_by) ?? '',
      openedAt: r.opened_at,
      closedByName: r.closed_by ? (users.get(r.closed_by) ?? '') : null,
      closedAt: r.closed_at,
      expectedCount: nExpected.get(r.id) ?? 0,
      foundCount: found.size,
      scanCount: mine.length,
    };
  });
}

export async function discrepancyDtos(ctx: Ctx, where: { stocktakeId?: number; ids?: number[]; pendingFor?: number }): Promise<DiscrepancyDto[]> {
  let q = ctx.db
    .selectFrom('stocktake_discrepancies as d')
    .innerJoin('stocktakes as s', 's.id', 'd.stocktake_id')
    .leftJoin('items as i', 'i.id', 'd.item_id')
    .leftJoin('users as p', 'p.id', 'd.proposed_by')
    .leftJoin('users as a', 'a.id', 'd.decided_by')
    .leftJoin('agencies as g', 'g.id', 'd.agency_id')
    .selectAll('d')
    .select(['s.count_no', 'i.name as item_name', 'p.display_name as proposed_name', 'a.display_name as decided_name', 'g.name as agency_name']);
  if (where.stocktakeId !== undefined) q = q.where('d.stocktake_id', '=', where.stocktakeId);
  if (where.ids) q = q.where('d.id', 'in', where.ids.length ? where.ids : [-1]);
  if (where.pendingFor !== undefined) q = q.where('d.status', '=', 'PROPOSED').where('d.agency_id', '=', where.pendingFor);
  const rows = await q.orderBy('d.id').execute();
  const paths = rows.length ? await locationPaths(ctx) : new Map<number, { path: string }>();
  const at = (id: number | null) => (id ? (paths.get(id)?.path ?? null) : null);
  return rows.map((d) => ({
    id: d.id,
    stocktakeId: d.stocktake_id,
    countNo: d.count_no,
    kind: d.kind as DiscrepancyDto['kind'],
    code: d.code,
    itemId: d.item_id,
    itemName: d.item_name,
    expectedLocation: at(d.expected_location_id),
    foundLocation: at(d.found_location_id),
    detail: d.detail,
    status: d.status as DiscrepancyDto['status'],
    note: d.note,
    proposedByName: d.proposed_name,
    decidedByName: d.decided_name,
    decisionNote: d.decision_note,
    agencyName: d.agency_name,
  }));
}

export async function countDto(ctx: Ctx, id: number): Promise<StocktakeDto> {
  const row = await loadCount(ctx, id);
  const [s] = await summaries(ctx, [row]);
  const paths = await locationPaths(ctx);
  const counted = await countedItemIds(ctx, id);
  const showExpected = row.blind === 0 || row.status === 'CLOSED';
  const expected = showExpected
    ? await ctx.db
        .selectFrom('stocktake_expected as e')
        .innerJoin('items as i', 'i.id', 'e.item_id')
        .select(['e.item_id', 'e.location_id', 'i.code', 'i.name'])
        .where('e.stocktake_id', '=', id)
        .orderBy('e.location_id')
        .orderBy('i.code')
        .execute()
    : [];
  const scans = await ctx.db
    .selectFrom('stocktake_scans as s')
    .innerJoin('users as u', 'u.id', 's.scanned_by')
    .leftJoin('items as i', 'i.id', 's.item_id')
    .select(['s.id', 's.code', 's.result', 's.item_id', 's.location_id', 's.detail', 's.scanned_at', 'u.display_name', 'i.name'])
    .where('s.stocktake_id', '=', id)
    .orderBy('s.id', 'desc')
    .execute();
  return {
    ...s!,
    expected: expected.map((e) => ({ itemId: e.item_id, code: e.code, name: e.name, location: paths.get(e.location_id)?.path ?? '', counted: counted.has(e.item_id) })),
    scans: scans.map((x) => ({
      id: x.id,
      code: x.code,
      result: x.result as StocktakeDto['scans'][number]['result'],
      itemId: x.item_id,
      itemName: x.name,
      locationName: x.location_id ? (paths.get(x.location_id)?.path ?? null) : null,
      detail: x.detail,
      scannedByName: x.display_name,
      scannedAt: x.scanned_at,
    })),
    discrepancies: await discrepancyDtos(ctx, { stocktakeId: id }),
  };
}
