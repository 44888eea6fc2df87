/** Client-side scan check for executing a request: the same rules the service enforces, shown while scanning. */
import type { ItemDto } from '@shared/api/item.contract';
import type { RequestDto } from '@shared/api/request.contract';
import type { EventType } from '@shared/domain/enums';
import { checkTransition } from '@shared/domain/item-state';
import { executionEventOf } from '@shared/domain/requests';

export type ScanMode = 'execute' | 'receiveIn';

export function eventFor(r: RequestDto, mode: ScanMode): EventType {
  return mode === 'receiveIn' ? 'PHYSICAL_TRANSFER_IN' : executionEventOf(r.kind, r.details.method);
}

/** Why a listed item cannot take the execution event now (wrong status, or held by another open request), or null. */
export function itemProblem(r: RequestDto, it: ItemDto, mode: ScanMode): string | null {
  if (it.openRequestNo && it.openRequestNo !== r.requestNo) return `已在另一未完结申请单 ${it.openRequestNo} 中`;
  const c = checkTransition(it.status, eventFor(r, mode));
  return c.ok ? null : c.message;
}

export type ScanState = {
  listed: ItemDto[];
  scanned: Set<string>;
  missing: ItemDto[];
  wrong: Array<{ item: ItemDto; problem: string }>;
};

export function scanState(r: RequestDto, mode: ScanMode, codes: string[]): ScanState {
  const open = new Set(r.openItemIds);
  const listed = r.items.filter((i) => open.has(i.id));
  const scanned = new Set(codes);
  return {
    listed,
    scanned,
    missing: listed.filter((i) => !scanned.has(i.code)),
    wrong: listed.flatMap((item) => {
      const problem = itemProblem(r, item, mode);
      return problem ? [{ item, problem }] : [];
    }),
  };
}
