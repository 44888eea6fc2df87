/**
 * 部分 (发还、处置): for a lot (more than one unit, or cash), the request may take only part of it. The lot is split
 * when the request is submitted; the part, with its own new code, goes into the request.
 */
import { Checkbox, InputNumber, Space, Typography } from 'antd';
import type { ItemDto } from '@shared/api/item.contract';
import { fmtQty } from '../../components/labels';

export type PartialMap = Record<number, number | null>;

const isLot = (i: ItemDto) => (i.category === 'cash' && i.cashAmount != null ? i.cashAmount > 0.01 : i.quantity > 1);

/** The request input's `partial` list from the form state (only items still selected). */
export const partialInput = (items: ItemDto[], p: PartialMap) =>
  items.filter((i) => p[i.id] != null).map((i) => ({ itemId: i.id, quantity: p[i.id]! }));

export function PartialFields({ items, value, onChange }: { items: ItemDto[]; value: PartialMap; onChange(v: PartialMap): void }) {
  const lots = items.filter(isLot);
  if (!lots.length) return null;
  return (
    <div style={{ marginBottom: 12 }} data-testid="partial-fields">
      <Typography.Text strong>部分数量</Typography.Text>
      <Typography.Text type="secondary">（只取一批中的一部分时勾选「部分」并填写；提交时拆出新编号的物品，原物品保留余数）</Typography.Text>
      {lots.map((i) => {
        const cash = i.category === 'cash' && i.cashAmount != null;
        const on = i.id in value;
        return (
          <Space key={i.id} style={{ display: 'flex', marginTop: 4 }} data-testid={`partial-${i.code}`}>
            <Checkbox
              checked={on}
              onChange={(e) => {
                const next = { ...value };
                if (e.target.checked) next[i.id] = null;
                else delete next[i.id];
                onChange(next);
              }}
            >
              部分
            </Checkbox>
            <Typography.Text code>{i.code}</Typography.Text>
            <span>{i.name}（现有 {fmtQty(i)}）</span>
            {on && (
              <InputNumber
                size="small"
                min={0.001}
                max={cash ? i.cashAmount! : i.quantity}
                addonAfter={cash ? '元' : i.unit}
                value={value[i.id]}
                onChange={(q) => onChange({ ...value, [i.id]: q })}
                data-testid={`partial-qty-${i.code}`}
              />
            )}
          </Space>
        );
      })}
    </div>
  );
}
