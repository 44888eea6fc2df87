/** Status/category tags and small formatters shared by the desk pages. */
import dayjs from 'dayjs';

export const fmtTime = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');
export const fmtDate = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD') : '—');
export const fmtMoney = (v: number | null | undefined) => (v == null ? '—' : `¥${v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);

export const STATUS_COLORS: Record<string, string> = {
  REGISTERED: 'orange',
  RECEIVING: 'gold',
  IN_STORE: 'green',
  ON_LOAN: 'blue',
  TRANSFERRED_OUT: 'purple',
  PENDING_DISPOSITION: 'magenta',
  EXTERNAL_CUSTODY: 'cyan',
  LOST: 'red',
};
