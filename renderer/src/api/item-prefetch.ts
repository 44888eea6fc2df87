/**
 * The item page a scan brought back with its answer (scan.resolve withPage), handed to the page once, so opening it
 * needs no further request. A page not taken within a few seconds is dropped (the page then asks item.page itself).
 */
import type { ItemPageDto } from '@shared/api/item.contract';

const pending = new Map<number, { page: ItemPageDto; at: number }>();
const FRESH_MS = 3000;

export function handItemPage(page: ItemPageDto): void {
  pending.set(page.item.id, { page, at: Date.now() });
}

/** The handed page without taking it (for a render, which must not change anything). */
export function peekItemPage(id: number): ItemPageDto | undefined {
  const p = pending.get(id);
  return p && Date.now() - p.at < FRESH_MS ? p.page : undefined;
}

export function takeItemPage(id: number): ItemPageDto | undefined {
  const p = pending.get(id);
  pending.delete(id);
  return p && Date.now() - p.at < FRESH_MS ? p.page : undefined;
}
