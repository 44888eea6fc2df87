/** Colours and sounds per scan result: green found, amber duplicate/misplaced, red not in store/unknown. */
import type { ScanOutcome } from '@shared/api/stocktake.contract';
import { beepError, beepOk, beepWarn } from '../../scanner';

type Result = ScanOutcome['result'];

export const RESULT_STYLE: Record<Result, { color: string; bg: string; title: string }> = {
  FOUND: { color: '#135200', bg: '#d9f7be', title: '已盘到' },
  LOCATION: { color: '#003a8c', bg: '#d6e4ff', title: '当前库位' },
  DUPLICATE: { color: '#614700', bg: '#fff1b8', title: '重复扫描（不重复计数）' },
  WRONG_LOCATION: { color: '#873800', bg: '#ffd8bf', title: '位置不符' },
  UNEXPECTED: { color: '#873800', bg: '#ffd8bf', title: '账外物品（登记在别处）' },
  NOT_IN_STORE: { color: '#820014', bg: '#ffccc7', title: '不在库' },
  UNKNOWN: { color: '#820014', bg: '#ffccc7', title: '未知编码' },
};

export function soundFor(result: Result): void {
  if (result === 'FOUND' || result === 'LOCATION') beepOk();
  else if (result === 'NOT_IN_STORE' || result === 'UNKNOWN') beepError();
  else beepWarn();
}

export const RESULT_TAG: Record<Exclude<Result, 'LOCATION'>, string> = {
  FOUND: 'green',
  DUPLICATE: 'gold',
  WRONG_LOCATION: 'orange',
  UNEXPECTED: 'orange',
  NOT_IN_STORE: 'red',
  UNKNOWN: 'red',
};
