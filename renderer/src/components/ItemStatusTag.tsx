import { Tag } from 'antd';
import { ITEM_STATUS_LABELS, type ItemStatus } from '@shared/domain/enums';
import { STATUS_COLORS } from './labels';

export function ItemStatusTag({ status }: { status: ItemStatus }) {
  return <Tag color={STATUS_COLORS[status] ?? 'default'}>{ITEM_STATUS_LABELS[status]}</Tag>;
}
