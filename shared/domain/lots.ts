/**
 * Partial quantities (拆分) and the end of property that left with its case (随案移送). Pure data.
 * A split gives part of a lot to new items; the lot keeps the remainder, so a lot is never split to nothing.
 */
import type { EventType } from './enums';

/** Most parts in one split. */
export const MAX_SPLIT_PARTS = 50;

/** What the receiving agency records for an item that left the centre with its case (移送出库). */
export const AWAY_OUTCOMES = ['returned', 'destroyed', 'confiscated', 'handed_over'] as const;
export type AwayOutcome = (typeof AWAY_OUTCOMES)[number];
export const AWAY_OUTCOME_LABELS: Record<AwayOutcome, string> = {
  returned: '发还所有人',
  destroyed: '销毁',
  confiscated: '没收上缴',
  handed_over: '移交其他机关',
};
export const AWAY_OUTCOME_EVENT: Record<AwayOutcome, EventType> = {
  returned: 'RETURNED_TO_OWNER',
  destroyed: 'DESTROYED',
  confiscated: 'CONFISCATED',
  handed_over: 'HANDED_OVER',
};

/** Quantities are compared in thousandths (20 kg = 20000), amounts in fen: a split adds up exactly. */
export const toMilli = (q: number): number => Math.round(q * 1000);
export const toFen = (yuan: number): number => Math.round(yuan * 100);
