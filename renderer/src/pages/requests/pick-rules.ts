/** Which items a new request may list: the same checks request.create makes, shown before the user chooses. */
import type { ItemDto } from '@shared/api/item.contract';
import type { EventType } from '@shared/domain/enums';
import { checkTransition } from '@shared/domain/item-state';
import type { RequestKind } from '@shared/domain/requests';

/** Events each kind needs the item to accept (a physical transfer is also checked by the service at submit). */
const REQUIRED: Record<RequestKind, EventType[]> = {
  loan: ['LOAN_REQUESTED', 'CHECKED_OUT'],
  transfer: ['CUSTODY_TRANSFER_REQUESTED'],
  return: ['DISPOSITION_PROPOSED', 'RETURNED_TO_OWNER'],
  disposition: ['DISPOSITION_PROPOSED'],
  allocation: ['MOVED'],
};

export type PickProblem = { why: 'agency' | 'open' | 'status'; text: string };

/** Why an item cannot go into a new request of this kind by this agency, or null. */
export function pickProblem(it: ItemDto, agencyId: number, kind?: RequestKind): PickProblem | null {
  if (it.holdingAgencyId !== agencyId) return { why: 'agency', text: `保管责任单位为${it.holdingAgencyName}，本单位不能申请` };
  if (it.openRequestNo) return { why: 'open', text: `已在未完结的申请单 ${it.openRequestNo} 中` };
  for (const ev of kind ? REQUIRED[kind] : []) {
    const c = checkTransition(it.status, ev);
    if (!c.ok) return { why: 'status', text: c.message };
  }
  return null;
}

/** 「2 件在未完结申请中，3 件非本单位保管」 */
export function problemSummary(items: ItemDto[], agencyId: number, kind: RequestKind): string {
  const n = { agency: 0, open: 0, status: 0 };
  for (const it of items) {
    const p = pickProblem(it, agencyId, kind);
    if (p) n[p.why] += 1;
  }
  return [n.open && `${n.open} 件在未完结申请中`, n.agency && `${n.agency} 件非本单位保管`, n.status && `${n.status} 件当前状态不能办理`].filter(Boolean).join('，');
}
