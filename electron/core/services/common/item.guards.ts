/** Checks shared by the services where the holding agency acts on one item (lot split and outcome, external custody). */
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

/** Refuses `action` while the item is in a request not yet closed. */
export async function assertNoOpenRequest(ctx: Ctx, item: Item, action: string): Promise<void> {
  const open = await ctx.db
    .selectFrom('request_items as ri')
    .innerJoin('requests as r', 'r.id', 'ri.request_id')
    .select('r.request_no')
    .where('ri.item_id', '=', item.id)
    .where('ri.open', '=', 1)
    .executeTakeFirst();
  if (open) throw conflict(`${itemLabel(item)}在未完结的申请单 ${open.request_no} 中，须先办结或撤销该申请才能${action}`);
}
