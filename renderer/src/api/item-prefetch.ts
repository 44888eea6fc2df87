/**
 * The item page's two calls, started the moment a scan resolves to an item (before the route changes and the page's
 * code loads), then handed to the page once. A prefetch not taken within a few seconds is dropped.
 */
import type { EventDto, ItemDto } from '@shared/api/item.contract';
import { call } from './client';

type Prefetch = { item: Promise<ItemDto>; timeline: Promise<EventDto[]>; at: number };
const pending = new Map<number, Prefetch>();
const FRESH_MS = 3000;

export function prefetchItem(id: number): void {
  const item = call('item.get', { id });
  const timeline = call('item.timeline', { id });
  // The page reports failures when it takes these; one never taken must not surface as an unhandled rejection.
  item.catch(() => undefined);
  timeline.catch(() => undefined);
  pending.set(id, { item, timeline, at: Date.now() });
}

export function takePrefetched(id: number): Prefetch | undefined {
  const p = pending.get(id);
  pending.delete(id);
  return p && Date.now() - p.at < FRESH_MS ? p : undefined;
}
