/**
 * Further history for bulk demo items (bench data at 1M items / 5M events): after intake and put-away, a share of the
 * items in store go out on loan and come back (申请调用 → 调用批准 → 调用出库 → 归还入库, one completed loan request per
 * case) and a share move to another bin of the same store (移位). Items end in store, so their rows only need the
 * final bin; the events are the same kinds the services write, so report_daily and the counts stay consistent.
 */
import { pad } from '../services/common/sequence';

/** Events a bulk item has without further history: 90% take three (登记, 入库, 上架), 10% wait with one (登记). */
export const BASE_EVENTS_PER_ITEM = 2.8;
/** Of the extra events, this share goes to loan cycles (four events each); the rest to moves (one each). */
const LOAN_SHARE = 0.8;

export type ItemHistory = { loans: number; moves: number };

/**
 * The extra history of the `k`-th item in store (0, 1, 2…) so that, over all items, events per item average
 * `eventsPerItem`. Spread evenly (running totals), so every batch and every prefix of the dataset has the same mix.
 */
export function historyOf(k: number, eventsPerItem: number | undefined): ItemHistory {
  if (!eventsPerItem || eventsPerItem <= BASE_EVENTS_PER_ITEM) return { loans: 0, moves: 0 };
  const extra = (eventsPerItem - BASE_EVENTS_PER_ITEM) / 0.9; // per item in store
  const loanRate = (extra * LOAN_SHARE) / 4;
  const moveRate = extra * (1 - LOAN_SHARE);
  const step = (rate: number) => Math.floor((k + 1) * rate) - Math.floor(k * rate);
  return { loans: step(loanRate), moves: step(moveRate) };
}

/** A loan request number that cannot meet the services' own (DY-年份-序号): the batch stamp sits before the number. */
export const demoLoanNo = (year: number, stamp: string, n: number) => `DY-${year}-${stamp}${pad(n, 7)}`;

/**
 * Times of the extra events of one item, between put-away (39 h ago) and an hour ago, oldest first: `slots` evenly
 * spaced offsets in ms before now.
 */
export function historySlots(slots: number): number[] {
  const from = 38 * 3600_000;
  const to = 3600_000;
  return Array.from({ length: slots }, (_, j) => Math.round(from - ((j + 1) * (from - to)) / (slots + 1)));
}
