/**
 * Batch entry of one seizure list: a compact table (name, category, amount) and a side panel with every field of the
 * selected row. Enter moves to the next field (the row's cells, then the panel); on the last one, and with
 * Ctrl+Enter / Alt+N anywhere, a new row is added.
 */
import { useEffect, useRef, useState } from 'react';
import { Button, Col, Input, Row, Select, Space, Table, Tooltip, Typography } from 'antd';
import { CopyOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ITEM_CATEGORIES, ITEM_CATEGORY_LABELS } from '@shared/domain/enums';
import { fmtMoney } from '../../components/labels';
import { blankItem, nextRow, withCategory, type DraftItem, type RowErrors } from './draft-item';
import { ItemRowPanel } from './ItemRowPanel';

export type { DraftItem } from './draft-item';

type Props = { rows: DraftItem[]; onChange(rows: DraftItem[]): void; errors: RowErrors; selected: number; onSelect(key: number): void };

const CATEGORY_OPTIONS = ITEM_CATEGORIES.map((c) => ({ value: c, label: ITEM_CATEGORY_LABELS[c] }));
const FIELDS = 'input:not([type=checkbox]):not([type=file]):not([disabled])';

export function BatchItemTable({ rows, onChange, errors, selected, onSelect }: Props) {
  const wrap = useRef<HTMLDivElement>(null);
  const [focusKey, setFocusKey] = useState<number | null>(null);
  const set = (key: number, patch: Partial<DraftItem>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const addRows = (n = 1) => {
    const added = Array.from({ length: n }, () => nextRow(rows[rows.length - 1]));
    onChange([...rows, ...added]);
    onSelect(added[0]!.key);
    setFocusKey(added[0]!.key);
  };
  const sel = rows.find((r) => r.key === selected) ?? rows[0]!;
  const selIndex = rows.indexOf(sel);

  useEffect(() => {
    if (focusKey === null) return;
    const i = rows.findIndex((r) => r.key === focusKey);
    wrap.current?.querySelector<HTMLInputElement>(`[data-testid="row-${i}-name"]`)?.focus();
    setFocusKey(null);
  }, [focusKey, rows]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if ((e.key === 'Enter' && e.ctrlKey) || (e.altKey && e.key.toLowerCase() === 'n')) {
      e.preventDefault();
      addRows(1);
      return;
    }
    if (e.key !== 'Enter' || e.shiftKey) return;
    const t = e.target as HTMLElement;
    if (t.getAttribute('aria-expanded') === 'true') return; // an open dropdown takes Enter itself
    const rowCells = wrap.current?.querySelectorAll<HTMLInputElement>(`tr[data-row-key="${sel.key}"] ${FIELDS}`) ?? [];
    const panel = wrap.current?.querySelectorAll<HTMLInputElement>(`[data-testid=row-panel] ${FIELDS}`) ?? [];
    const cells = [...Array.from(rowCells), ...Array.from(panel)];
    const i = cells.indexOf(t as HTMLInputElement);
    if (i < 0) return;
    e.preventDefault();
    if (i === cells.length - 1) addRows(1);
    else cells[i + 1]!.focus();
  };

  const errorList = rows.flatMap((r, i) => Object.values(errors[r.key] ?? {}).map((m) => `第 ${i + 1} 行：${m}`));

  return (
    <div ref={wrap} onKeyDown={onKeyDown}>
      <Row gutter={12}>
        <Col span={13}>
          <Table<DraftItem>
            size="small"
            rowKey="key"
            dataSource={rows}
            pagination={false}
            scroll={{ y: 'calc(100vh - 470px)' }}
            data-testid="draft-rows"
            onRow={(r) => ({ onClick: () => onSelect(r.key), onFocus: () => r.key !== selected && onSelect(r.key), style: r.key === sel.key ? { background: '#e6f4ff' } : undefined })}
            columns={[
              { title: '序号', width: 44, render: (_, __, i) => i + 1 },
              {
                title: '名称 *',
                render: (_, r, i) => (
                  <Input
                    size="small"
                    data-testid={`row-${i}-name`}
                    value={r.name}
                    title={errors[r.key]?.name}
                    status={errors[r.key]?.name ? 'error' : undefined}
                    placeholder={i === rows.length - 1 ? '物品名称' : undefined}
                    onChange={(e) => set(r.key, { name: e.target.value })}
                  />
                ),
              },
              {
                title: '类别',
                width: 120,
                render: (_, r, i) => <Select size="small" data-testid={`row-${i}-category`} style={{ width: '100%' }} showSearch={{ optionFilterProp: 'label' }} value={r.category} options={CATEGORY_OPTIONS} onChange={(v) => onChange(rows.map((x) => (x.key === r.key ? withCategory(x, v) : x)))} />,
              },
              {
                title: '数量 / 金额',
                width: 120,
                render: (_, r, i) => {
                  const bad = errors[r.key] && (errors[r.key]!.quantity || errors[r.key]!.unit || errors[r.key]!.cashAmount);
                  const shown = r.category === 'cash' ? (r.cashAmount == null ? '金额未填' : fmtMoney(r.cashAmount)) : r.quantity == null ? '数量未填' : `${r.quantity} ${r.unit}`;
                  return <Typography.Text type={bad ? 'danger' : undefined} data-testid={`row-${i}-amount`}>{shown}</Typography.Text>;
                },
              },
              {
                title: '',
                width: 64,
                render: (_, r) => (
                  <Space size={0}>
                    <Tooltip title="复制本行（除名称、封签号）"><Button size="small" type="text" icon={<CopyOutlined />} onClick={(e) => { e.stopPropagation(); const c = blankItem({ ...r, name: '', sealNo: '' }); onChange([...rows, c]); onSelect(c.key); setFocusKey(c.key); }} /></Tooltip>
                    <Tooltip title="删除本行"><Button size="small" type="text" danger icon={<DeleteOutlined />} disabled={rows.length === 1} onClick={(e) => { e.stopPropagation(); onChange(rows.filter((x) => x.key !== r.key)); }} /></Tooltip>
                  </Space>
                ),
              },
            ]}
          />
          <Space style={{ marginTop: 8 }} wrap>
            <Button size="small" icon={<PlusOutlined />} onClick={() => addRows(1)} data-testid="add-row">添加一行（Ctrl+回车）</Button>
            <Button size="small" onClick={() => addRows(5)}>添加 5 行</Button>
          </Space>
          <div style={{ color: '#888', fontSize: 12, marginTop: 4 }}>回车跳到下一格；最后一格回车自动新增一行；新行沿用上一行的类别、单位、来源和持有人（姓名、证件号码），其余留空。</div>
        </Col>
        <Col span={11}>
          <ItemRowPanel row={sel} index={selIndex} errors={errors[sel.key]} onChange={(p) => set(sel.key, p)} />
        </Col>
      </Row>
      {errorList.length > 0 && (
        <Typography.Text type="danger" data-testid="row-errors" style={{ display: 'block', marginTop: 6 }}>
          {errorList.join('；')}
        </Typography.Text>
      )}
    </div>
  );
}
