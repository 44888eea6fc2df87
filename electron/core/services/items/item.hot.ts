/**
 * The scan's hot path: one item by code or id as a DTO in two fixed, prepared statements (the joined row, then the
 * path of its location), instead of compiling the query and loading every location per call.
 */
import type { Ctx, SessionUser } from '../../context';
import type { ItemDto } from '../../../../shared/api/item.contract';
import { fixedQuery } from '../../db/prepared';
import { toItemDtos } from './item.repository';
import { canSeeItemRow } from '../../access/visibility';

// The same columns as selectItemColumns(itemBaseQuery(...)), in SQL both engines accept.
const ITEM_ROW = `SELECT i.*, c.case_no, c.name AS case_name, ha.name AS holding_agency_name, l.code AS location_code,
  (SELECT r.request_no FROM request_items ri JOIN requests r ON r.id = ri.request_id WHERE ri.item_id = i.id AND ri.open = 1) AS open_request_no
  FROM items i JOIN cases c ON c.id = i.case_id JOIN agencies ha ON ha.id = i.holding_agency_id LEFT JOIN locations l ON l.id = i.location_id`;
const BY_CODE = `${ITEM_ROW} WHERE i.code = ?`;
const BY_ID = `${ITEM_ROW} WHERE i.id = ?`;

/** A location and its ancestors, root last (at most 10 levels, as locationPaths). */
const LOCATION_UP = `WITH RECURSIVE up(id, name, parent_id, depth) AS (
    SELECT id, name, parent_id, 0 FROM locations WHERE id = ?
    UNION ALL SELECT l.id, l.name, l.parent_id, up.depth + 1 FROM locations l JOIN up ON l.id = up.parent_id WHERE up.depth < 9)
  SELECT name FROM up ORDER BY depth DESC`;

type Row = Parameters<typeof toItemDtos>[1][number];

export async function locationPathOf(ctx: Pick<Ctx, 'db' | 'dialect'>, id: number): Promise<string> {
  const names = await fixedQuery<{ name: string }>(ctx.db, ctx.dialect, LOCATION_UP, [id]);
  return names.map((n) => n.name).join(' / ');
}

export async function hotItemDto(ctx: Pick<Ctx, 'db' | 'dialect'> & { user?: SessionUser }, where: { id: number } | { code: string }): Promise<ItemDto | undefined> {
  return (await hotItem(ctx, where))?.dto;
}

/**
 * The item by id or code as a DTO, and only if the user may see it (canSeeItemRow, decided from the row already read
 * where it can be): undefined for unknown and invisible alike.
 */
export async function hotVisibleItem(ctx: Pick<Ctx, 'db' | 'dialect' | 'user'>, where: { id: number } | { code: string }): Promise<ItemDto | undefined> {
  const hit = await hotItem(ctx, where);
  if (!hit || !(await canSeeItemRow(ctx, { id: hit.dto.id, storeId: hit.storeId, holdingAgencyId: hit.dto.holdingAgencyId }))) return undefined;
  return hit.dto;
}

async function hotItem(ctx: Pick<Ctx, 'db' | 'dialect'> & { user?: SessionUser }, where: { id: number } | { code: string }) {
  const [row] = 'id' in where ? await fixedQuery<Row>(ctx.db, ctx.dialect, BY_ID, [where.id]) : await fixedQuery<Row>(ctx.db, ctx.dialect, BY_CODE, [where.code]);
  if (!row) return undefined;
  const paths = new Map<number, string>();
  if (row.location_id) paths.set(row.location_id, await locationPathOf(ctx, row.location_id));
  return { dto: (await toItemDtos(ctx, [row], paths))[0]!, storeId: row.store_id };
}
