/** Checks shared by the services that act on items: the holding agency, and the one open request an item may be in. */
import type { Ctx } from '../../context';
import type { ItemRow } from '../../db/schema';
import { conflict, forbidden } from '../../errors';
import { itemLabel } from '../custody/custody.lookup';

type Item = Pick<ItemRow, 'id' | 'code' | 'name' | 'holding_agency_id'>;

/** The name of the agency that holds the item. */
export async function holdingAgencyName(ctx: Pick<Ctx, 'db'>, item: Item): Promise<string> {
  const row = await ctx.db.selectFrom('agencies').select('name').where('id', '=', item.holding_agency_id).executeTakeFirstOrThrow();
  return row.name;
}

/** Only the holding agency may do `action` (e.g. 办理续期); anyone else is refused with the agency named. Returns its name. */
export async function assertHoldingAgency(ctx: Ctx, item: Item, action: string): Promise<string> {
  const name = await holdingAgencyName(ctx, item);
  if (item.holding_agency_id !== ctx.user.agencyId) throw forbidden(`${itemLabel(item)}由${name}负责，只有该单位可以${action}`);
  return name;
}

/** The request not yet closed that each of `itemIds` is in (an item is in at most one): item id → request no. */
export async function openRequestNos(ctx: Pick<Ctx, 'db'>, itemIds: readonly number[]): Promise<Map<number, string>> {
  if (!itemIds.length) return new Map();
  const rows = await ctx.db
    .selectFrom('request_items as ri')
    .innerJoin('requests as r', 'r.id', 'ri.request_id')
    .select(['ri.item_id', 'r.request_no'])
    .where('ri.open', '=', 1)
    .where('ri.item_id', 'in', [...itemIds])
    .execute();
  return new Map(rows.map((o) => [o.item_id, o.request_no]));
}

/** Refuses `action` while the item is in a request not yet closed. */
export async function assertNoOpenRequest(ctx: Ctx, item: Item, action: string): Promise<void> {
  const no = (await openRequestNos(ctx, [item.id])).get(item.id);
  if (no) throw conflict(`${itemLabel(item)}在未完结的申请单 ${no} 中，须先办结或撤销该申请才能${action}`);
}
