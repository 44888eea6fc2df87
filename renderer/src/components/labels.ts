/** Status/category tags and small formatters shared by the desk pages. */
import dayjs from 'dayjs';

export const fmtTime = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');
export const fmtDate = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD') : '—');
export const fmtMoney = (v: number | null | undefined) => (v == null ? '—' : `¥${v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);

/** How much: a cash item by its amount (¥5,000.00), anything else by quantity and unit. */
export const fmtQty = (i: { category: string; cashAmount: number | null; quantity: number; unit: string }) =>
  i.category === 'cash' && i.cashAmount != null ? fmtMoney(i.cashAmount) : `${i.quantity} ${i.unit}`;

export const STATUS_COLORS: Record<string, string> = {
  REGISTERED: 'orange',
  RECEIVING: 'gold',
  IN_STORE: 'green',
  ON_LOAN: 'blue',
  TRANSFERRED_OUT: 'purple',
  PENDING_DISPOSITION: 'magenta',
  EXTERNAL_CUSTODY: 'cyan',
  DEPOSITED: 'geekblue',
  LOST: 'red',
};
