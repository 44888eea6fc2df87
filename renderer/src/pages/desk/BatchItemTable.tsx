/** Batch entry of one seizure list: one row per item; Enter moves to the next cell, Ctrl+Enter / Alt+N adds a row. */
import { useEffect, useRef, useState } from 'react';
import { Button, Input, InputNumber, Select, Space, Table, Tooltip } from 'antd';
import { CopyOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  ITEM_CATEGORIES,
  ITEM_CATEGORY_LABELS,
  ITEM_FLAGS,
  ITEM_FLAG_LABELS,
  ITEM_SOURCES,
  ITEM_SOURCE_LABELS,
  type ItemCategory,
  type ItemFlag,
  type ItemSource,
} from '@shared/domain/enums';

export type DraftItem = {
  key: number;
  name: string;
  category: ItemCategory;
  spec: string;
  quantity: number | null;
  unit: string;
  features: string;
  estimatedValue: number | null;
  cashAmount: number | null;
  source: ItemSource;
  ownerName: string;
  ownerIdNo: string;
  sealNo: string;
  flags: ItemFlag[];
};

let keySeq = 1;
export const blankItem = (from?: Partial<DraftItem>): DraftItem => ({
  name: '',
  category: 'general',
  spec: '',
  quantity: 1,
  unit: '件',
  features: '',
  estimatedValue: null,
  cashAmount: null,
  source: 'seized',
  ownerName: '',
  ownerIdNo: '',
  sealNo: '',
  flags: [],
  ...from,
  key: keySeq++,
});

const opts = <T extends string>(keys: readonly T[], labels: Record<T, string>) => keys.map((k) => ({ value: k, label: labels[k] }));

type Props = { rows: DraftItem[]; onChange(rows: DraftItem[]): void };

export function BatchItemTable({ rows, onChange }: Props) {
  const wrap = useRef<HTMLDivElement>(null);
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const set = (key: number, patch: Partial<DraftItem>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const addRows = (n = 1, copyLast = false) => {
    const last = rows[rows.length - 1];
    const base = copyLast && last ? { ...last, name: '', sealNo: '', features: '' } : undefined;
    onChange([...rows, ...Array.from({ length: n }, () => blankItem(base))]);
    setFocusRow(rows.length);
  };

  useEffect(() => {
    if (focusRow === null) return;
    wrap.current?.querySelector<HTMLInputElement>(`[data-testid="row-${focusRow}-name"]`)?.focus();
    setFocusRow(null);
  }, [focusRow, rows.length]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if ((e.key === 'Enter' && e.ctrlKey) || (e.altKey && e.key.toLowerCase() === 'n')) {
      e.preventDefault();
      addRows(1, true);
      return;
    }
    if (e.key !== 'Enter' || e.shiftKey) return;
    const t = e.target as HTMLElement;
    if (t.getAttribute('aria-expanded') === 'true') return; // an open dropdown takes Enter itself
    const cells = Array.from(wrap.current?.querySelectorAll<HTMLInputElement>('td input:not([type=checkbox]):not([disabled])') ?? []);
    const i = cells.indexOf(t as HTMLInputElement);
    if (i < 0) return;
    e.preventDefault();
    if (i === cells.length - 1) addRows(1, true);
    else cells[i + 1]!.focus();
  };

  const text = (r: DraftItem, f: 'name' | 'spec' | 'unit' | 'features' | 'ownerName' | 'ownerIdNo' | 'sealNo', i: number) => (
    <Input size="small" data-testid={`row-${i}-${f}`} value={r[f]} onChange={(e) => set(r.key, { [f]: e.target.value })} status={f === 'name' && !r.name.trim() ? 'warning' : undefined} />
  );
  const num = (r: DraftItem, f: 'quantity' | 'estimatedValue' | 'cashAmount', i: number) => (
    <InputNumber size="small" data-testid={`row-${i}-${f}`} style={{ width: '100%' }} min={0} value={r[f]} onChange={(v) => set(r.key, { [f]: v ?? null })} />
  );

  return (
    <div ref={wrap} onKeyDown={onKeyDown}>
      <Table<DraftItem>
        size="small"
        rowKey="key"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1640, y: 300 }}
        columns={[
          { title: '序号', width: 48, fixed: 'left', render: (_, __, i) => i + 1 },
          { title: '名称 *', width: 150, fixed: 'left', render: (_, r, i) => text(r, 'name', i) },
          { title: '类别', width: 110, render: (_, r, i) => <Select size="small" data-testid={`row-${i}-category`} style={{ width: '100%' }} value={r.category} options={opts(ITEM_CATEGORIES, ITEM_CATEGORY_LABELS)} onChange={(v) => set(r.key, { category: v, flags: v === 'cash' && !r.flags.includes('cash') ? [...r.flags, 'cash'] : r.flags })} /> },
          { title: '规格型号', width: 120, render: (_, r, i) => text(r, 'spec', i) },
          { title: '数量', width: 70, render: (_, r, i) => num(r, 'quantity', i) },
          { title: '单位', width: 56, render: (_, r, i) => text(r, 'unit', i) },
          { title: '特征', width: 150, render: (_, r, i) => text(r, 'features', i) },
          { title: '估值（元）', width: 100, render: (_, r, i) => num(r, 'estimatedValue', i) },
          { title: '现金金额', width: 100, render: (_, r, i) => num(r, 'cashAmount', i) },
          { title: '来源', width: 110, render: (_, r, i) => <Select size="small" data-testid={`row-${i}-source`} style={{ width: '100%' }} value={r.source} options={opts(ITEM_SOURCES, ITEM_SOURCE_LABELS)} onChange={(v) => set(r.key, { source: v })} /> },
          { title: '持有人', width: 90, render: (_, r, i) => text(r, 'ownerName', i) },
          { title: '证件号码', width: 160, render: (_, r, i) => text(r, 'ownerIdNo', i) },
          { title: '封签号', width: 110, render: (_, r, i) => text(r, 'sealNo', i) },
          { title: '标记', width: 170, render: (_, r, i) => <Select size="small" mode="multiple" data-testid={`row-${i}-flags`} style={{ width: '100%' }} value={r.flags} maxTagCount="responsive" options={opts(ITEM_FLAGS, ITEM_FLAG_LABELS)} onChange={(v) => set(r.key, { flags: v })} /> },
          {
            title: '',
            width: 64,
            fixed: 'right',
            render: (_, r) => (
              <Space size={0}>
                <Tooltip title="复制本行"><Button size="small" type="text" icon={<CopyOutlined />} onClick={() => onChange([...rows, blankItem({ ...r, name: '', sealNo: '' })])} /></Tooltip>
                <Tooltip title="删除本行"><Button size="small" type="text" danger icon={<DeleteOutlined />} disabled={rows.length === 1} onClick={() => onChange(rows.filter((x) => x.key !== r.key))} /></Tooltip>
              </Space>
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 8 }}>
        <Button size="small" icon={<PlusOutlined />} onClick={() => addRows(1, true)} data-testid="add-row">添加一行（Ctrl+回车）</Button>
        <Button size="small" onClick={() => addRows(5, true)}>添加 5 行</Button>
        <span style={{ color: '#888', fontSize: 12 }}>回车跳到下一格；最后一格回车自动新增一行；新行沿用上一行的类别、单位、来源和持有人。</span>
      </Space>
    </div>
  );
}
