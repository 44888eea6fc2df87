/** The item state machine: every status × event pair, checked against the rules in DOMAIN.md. */
import { describe, expect, it } from 'vitest';
import { checkTransition, ITEM_TRANSITIONS } from '../../shared/domain/item-state';
import { EVENT_TYPES, ITEM_STATUSES, TERMINAL_STATUSES, type EventType, type ItemStatus } from '../../shared/domain/enums';

/** What DOMAIN.md says, written out independently of the implementation's table. */
const EXPECTED: Partial<Record<EventType, Partial<Record<ItemStatus, ItemStatus>>>> = {
  RECEIVED: { REGISTERED: 'IN_STORE', RECEIVING: 'IN_STORE' },
  REFUSED: { REGISTERED: 'REGISTERED', RECEIVING: 'REGISTERED' },
  STORED: { IN_STORE: 'IN_STORE' },
  CHECKED_OUT: { IN_STORE: 'ON_LOAN' },
  LOAN_EXTENDED: { ON_LOAN: 'ON_LOAN' },
  CHECKED_IN: { ON_LOAN: 'IN_STORE' },
  PHYSICAL_TRANSFER_OUT: { IN_STORE: 'TRANSFERRED_OUT' },
  PHYSICAL_TRANSFER_IN: { TRANSFERRED_OUT: 'IN_STORE', REGISTERED: 'IN_STORE' },
  // Issue 11: an item that left with its case (移送出库) ends at the receiving agency (return, destruction, …).
  // 拆分: only a lot on a shelf splits; SOLD stays a disposition in the centre.
  SPLIT: { IN_STORE: 'IN_STORE' },
  // Issue 11: cash paid into the 涉案款专户 (存入专户) is still held: it can be disposed of or returned like any held item.
  CASH_DEPOSITED: { IN_STORE: 'DEPOSITED' },
  DISPOSITION_APPROVED: { IN_STORE: 'PENDING_DISPOSITION', EXTERNAL_CUSTODY: 'PENDING_DISPOSITION', DEPOSITED: 'PENDING_DISPOSITION', PENDING_DISPOSITION: 'PENDING_DISPOSITION' },
  RETURNED_TO_OWNER: { IN_STORE: 'RETURNED', EXTERNAL_CUSTODY: 'RETURNED', DEPOSITED: 'RETURNED', PENDING_DISPOSITION: 'RETURNED', TRANSFERRED_OUT: 'RETURNED' },
  SOLD: { IN_STORE: 'SOLD', EXTERNAL_CUSTODY: 'SOLD', DEPOSITED: 'SOLD', PENDING_DISPOSITION: 'SOLD' },
  DESTROYED: { IN_STORE: 'DESTROYED', EXTERNAL_CUSTODY: 'DESTROYED', DEPOSITED: 'DESTROYED', PENDING_DISPOSITION: 'DESTROYED', TRANSFERRED_OUT: 'DESTROYED' },
  CONFISCATED: { IN_STORE: 'CONFISCATED', EXTERNAL_CUSTODY: 'CONFISCATED', DEPOSITED: 'CONFISCATED', PENDING_DISPOSITION: 'CONFISCATED', TRANSFERRED_OUT: 'CONFISCATED' },
  HANDED_OVER: { IN_STORE: 'HANDED_OVER', EXTERNAL_CUSTODY: 'HANDED_OVER', DEPOSITED: 'HANDED_OVER', PENDING_DISPOSITION: 'HANDED_OVER', TRANSFERRED_OUT: 'HANDED_OVER' },
};

describe('item state machine', () => {
  const pairs = ITEM_STATUSES.flatMap((s) => EVENT_TYPES.map((e) => [s, e] as const));

  it.each(Object.keys(EXPECTED) as EventType[])('%s is allowed exactly where DOMAIN.md allows it', (event) => {
    for (const status of ITEM_STATUSES) {
      const want = EXPECTED[event]![status];
      const got = checkTransition(status, event);
      if (want) expect(got, `${status} + ${event}`).toEqual({ ok: true, to: want });
      else expect(got.ok, `${status} + ${event} must be refused`).toBe(false);
    }
  });

  it('refuses every event after a terminal state, with a message saying it is final', () => {
    for (const status of TERMINAL_STATUSES) {
      for (const event of EVENT_TYPES) {
        const r = checkTransition(status, event);
        expect(r.ok, `${status} + ${event}`).toBe(false);
        if (!r.ok && ITEM_TRANSITIONS[event]) expect(r.message).toContain('终结状态');
      }
    }
  });

  it('only REGISTERED (or SPLIT_CREATED, a part split off a lot) can start an item; everything else needs a registered item', () => {
    for (const event of EVENT_TYPES) {
      const r = checkTransition(null, event);
      expect(r.ok, event).toBe(event === 'REGISTERED' || event === 'SPLIT_CREATED');
    }
    expect(checkTransition(null, 'SPLIT_CREATED')).toEqual({ ok: true, to: 'IN_STORE' });
    expect(checkTransition('IN_STORE', 'SPLIT_CREATED').ok).toBe(false);
  });

  it('a lost item takes no further handling but a correction', () => {
    for (const event of EVENT_TYPES) expect(checkTransition('LOST', event).ok, event).toBe(false);
  });

  it('explains a refusal in Chinese with the current status', () => {
    expect(checkTransition('ON_LOAN', 'CHECKED_OUT')).toEqual({ ok: false, message: '物品当前状态为「调用出库」，不能「调用出库」' });
    expect(checkTransition('DESTROYED', 'CHECKED_OUT')).toEqual({ ok: false, message: '物品已销毁（终结状态），不能再「调用出库」，只能更正' });
  });

  it('never lets a status-changing event leave the item where it was unless the rule says so', () => {
    for (const [status, event] of pairs) {
      const r = checkTransition(status, event);
      if (r.ok && EXPECTED[event]) expect(r.to).toBe(EXPECTED[event]![status]);
    }
  });
});
