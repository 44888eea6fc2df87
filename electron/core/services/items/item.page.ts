/**
 * The item page in one answer: the item's details, the newest page of its timeline and its proposals (corrections,
 * lost reports), so the page asks nothing else when it opens. Used by `item.page` (the item route) and by
 * `scan.resolve` with `withPage` (a scan opens the page with no second round trip).
 */
import type { Ctx } from '../../context';
import type { EventDto, ItemPageDto } from '../../../../shared/api/item.contract';
import { toEventDtos } from '../../ledger/event.mapper';
import { hotVisibleItem } from './item.hot';
import { itemProposals } from '../corrections/proposal.service';

/** item.timeline's default page size, and the size of the page the item page opens with. */
export const TIMELINE_PAGE = 200;
/** Proposals the page lists (as the page asked proposal.list for before). */
const PROPOSALS = 50;

/** The newest `limit` events of an item below `beforeSeq` (keyset on events_item), newest first. Visibility is the caller's. */
export async function timelinePage(ctx: Pick<Ctx, 'db' | 'dialect'>, itemId: number, beforeSeq?: number, limit = TIMELINE_PAGE): Promise<EventDto[]> {
  let q = ctx.db.selectFrom('custody_events').selectAll().where('item_id', '=', itemId);
  if (beforeSeq) q = q.where('seq', '<', beforeSeq);
  return toEventDtos(ctx, await q.orderBy('seq', 'desc').limit(limit).execute());
}

/** The page of an item the user may see; undefined for unknown and invisible alike. */
export async function itemPage(ctx: Ctx, where: { id: number } | { code: string }): Promise<ItemPageDto | undefined> {
  const item = await hotVisibleItem(ctx, where);
  if (!item) return undefined;
  return { item, timeline: await timelinePage(ctx, item.id), proposals: await itemProposals(ctx, item.id, PROPOSALS) };
}
