/** The item state machine: the one place that decides which event may happen in which status. */
import { ITEM_STATUS_LABELS, EVENT_TYPE_LABELS, TERMINAL_STATUSES, type EventType, type ItemStatus } from './enums';

type Rule = { from: readonly ItemStatus[] | 'any-live'; to: ItemStatus | 'same' };

const LIVE_IN_STORE: readonly ItemStatus[] = ['IN_STORE'];
/** 存入专户 (cash in the agency's designated account) is held too: off the shelf, still in custody. */
const HELD: readonly ItemStatus[] = ['IN_STORE', 'EXTERNAL_CUSTODY', 'DEPOSITED', 'PENDING_DISPOSITION'];

/** Event types that concern an item. Document-level events (RECEIPT_PRINTED) and CORRECTION are handled apart. */
export const ITEM_TRANSITIONS: Partial<Record<EventType, Rule>> = {
  REGISTERED: { from: [], to: 'REGISTERED' },
  LABEL_PRINTED: { from: 'any-live', to: 'same' },
  LABEL_REPRINTED: { from: 'any-live', to: 'same' },
  RECEIVED: { from: ['REGISTERED', 'RECEIVING'], to: 'IN_STORE' },
  REFUSED: { from: ['REGISTERED', 'RECEIVING'], to: 'REGISTERED' },
  STORED: { from: LIVE_IN_STORE, to: 'same' },
  MOVED: { from: ['IN_STORE', 'PENDING_DISPOSITION'], to: 'same' },
  SEALED: { from: 'any-live', to: 'same' },
  UNSEALED: { from: 'any-live', to: 'same' },
  PHOTOGRAPHED: { from: 'any-live', to: 'same' },
  LOAN_REQUESTED: { from: LIVE_IN_STORE, to: 'same' },
  LOAN_APPROVED: { from: LIVE_IN_STORE, to: 'same' },
  LOAN_REJECTED: { from: LIVE_IN_STORE, to: 'same' },
  CHECKED_OUT: { from: LIVE_IN_STORE, to: 'ON_LOAN' },
  LOAN_EXTENDED: { from: ['ON_LOAN'], to: 'same' },
  CHECKED_IN: { from: ['ON_LOAN'], to: 'IN_STORE' },
  DISCREPANCY: { from: 'any-live', to: 'same' },
  CUSTODY_TRANSFER_REQUESTED: { from: HELD, to: 'same' },
  CUSTODY_TRANSFER_APPROVED: { from: HELD, to: 'same' },
  CUSTODY_TRANSFER_REJECTED: { from: [...HELD, 'TRANSFERRED_OUT'], to: 'same' },
  CUSTODY_TRANSFER_ACCEPTED: { from: [...HELD, 'TRANSFERRED_OUT'], to: 'same' },
  PHYSICAL_TRANSFER_OUT: { from: LIVE_IN_STORE, to: 'TRANSFERRED_OUT' },
  PHYSICAL_TRANSFER_IN: { from: ['TRANSFERRED_OUT', 'REGISTERED'], to: 'IN_STORE' },
  COUNTED: { from: 'any-live', to: 'same' },
  DISPOSITION_PROPOSED: { from: HELD, to: 'same' },
  DISPOSITION_APPROVED: { from: HELD, to: 'PENDING_DISPOSITION' },
  // An item that left with its case (随案移送, 移送出库) ends at the receiving agency: it records the return or disposition.
  RETURNED_TO_OWNER: { from: [...HELD, 'TRANSFERRED_OUT'], to: 'RETURNED' },
  SOLD: { from: HELD, to: 'SOLD' },
  DESTROYED: { from: [...HELD, 'TRANSFERRED_OUT'], to: 'DESTROYED' },
  CONFISCATED: { from: [...HELD, 'TRANSFERRED_OUT'], to: 'CONFISCATED' },
  HANDED_OVER: { from: [...HELD, 'TRANSFERRED_OUT'], to: 'HANDED_OVER' },
  LOST_REPORTED: { from: 'any-live', to: 'LOST' },
  // Off-site property: a renewal keeps it under seal/freeze; a release frees it to its owner (terminal, as 发还).
  EXTERNAL_RENEWED: { from: ['EXTERNAL_CUSTODY'], to: 'same' },
  EXTERNAL_RELEASED: { from: ['EXTERNAL_CUSTODY'], to: 'RETURNED' },
  // 拆分: a lot in the store gives part of its quantity to new items (SPLIT_CREATED is each new item's first event).
  SPLIT: { from: LIVE_IN_STORE, to: 'same' },
  SPLIT_CREATED: { from: [], to: 'IN_STORE' },
  // Cash paid into the agency's 涉案款专户 leaves the shelf but stays in custody.
  CASH_DEPOSITED: { from: ['IN_STORE'], to: 'DEPOSITED' },
};

export function isTerminal(status: ItemStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

export type TransitionCheck = { ok: true; to: ItemStatus } | { ok: false; message: string };

/** Decide whether `event` may happen to an item in `status` (null: not yet registered). */
export function checkTransition(status: ItemStatus | null, event: EventType): TransitionCheck {
  const rule = ITEM_TRANSITIONS[event];
  const label = EVENT_TYPE_LABELS[event];
  if (!rule) return { ok: false, message: `「${label}」不是物品状态事件` };
  if (status === null) {
    return rule.from.length === 0 ? { ok: true, to: rule.to as ItemStatus } : { ok: false, message: `物品尚未登记，不能「${label}」` };
  }
  if (isTerminal(status)) {
    return { ok: false, message: `物品已${ITEM_STATUS_LABELS[status].replace(/^已/, '')}（终结状态），不能再「${label}」，只能更正` };
  }
  const allowed = rule.from === 'any-live' ? status !== 'LOST' : rule.from.includes(status);
  if (!allowed) return { ok: false, message: `物品当前状态为「${ITEM_STATUS_LABELS[status]}」，不能「${label}」` };
  return { ok: true, to: rule.to === 'same' ? status : rule.to };
}
