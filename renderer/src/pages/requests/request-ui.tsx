/** Small shared pieces of the request pages: tags, labels, the inbox-refresh signal. */
import { Tag } from 'antd';
import {
  REQUEST_KIND_LABELS,
  REQUEST_STATUS_LABELS,
  TRANSFER_MODE_LABELS,
  type RequestKind,
  type RequestStatus,
  type TransferMode,
} from '@shared/domain/requests';

const STATUS_COLOR: Record<RequestStatus, string> = {
  pending: 'orange',
  approved: 'blue',
  in_progress: 'geekblue',
  completed: 'green',
  rejected: 'red',
  cancelled: 'default',
};
const KIND_COLOR: Record<RequestKind, string> = { loan: 'cyan', transfer: 'purple', return: 'gold', disposition: 'magenta', allocation: 'lime' };

export function RequestStatusTag({ status }: { status: RequestStatus }) {
  return (
    <Tag color={STATUS_COLOR[status]} data-status={status}>
      {REQUEST_STATUS_LABELS[status]}
    </Tag>
  );
}

const SHORT_MODE: Record<TransferMode, string> = { paper: '权属', physical: '实物' };

/** `short` (tables): 移送·权属 / 移送·实物, with the full wording as a tooltip. */
export function RequestKindTag({ kind, mode, short }: { kind: RequestKind; mode?: TransferMode | null; short?: boolean }) {
  const full = `${REQUEST_KIND_LABELS[kind]}${mode ? `·${TRANSFER_MODE_LABELS[mode]}` : ''}`;
  return (
    <Tag color={KIND_COLOR[kind]} title={full}>
      {short && mode ? `${REQUEST_KIND_LABELS[kind]}·${SHORT_MODE[mode]}` : full}
    </Tag>
  );
}

const INBOX_EVENT = 'seized:inbox-changed';

/** Tell the navigation badges to refresh now (after any request action). */
export function notifyInboxChanged(): void {
  window.dispatchEvent(new Event(INBOX_EVENT));
}

export function onInboxChanged(fn: () => void): () => void {
  window.addEventListener(INBOX_EVENT, fn);
  return () => window.removeEventListener(INBOX_EVENT, fn);
}
