/**
 * Pick items for a request: search (code, name, case no., owner) or scan. Search results include items the user's
 * agency does not hold and items already in an open request, marked as such before anyone chooses them; they cannot be added.
 */
import { useEffect, useRef, useState } from 'react';
import { Button, Input, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ItemDto, ListTotal } from '@shared/api/item.contract';
import { fmtTotal } from '../../components/list-total';
import { call, callQuiet, ApiCallError } from '../../api/client';
import { ItemStatusTag } from '../../components/ItemStatusTag';
import { ScanBox } from '../../components/ScanBox';
import { scanError, beepOk } from '../../scanner';
import { useSession } from '../../app/session';
import { useErrorToast } from '../../components/use-action';
import type { RequestKind } from '@shared/domain/requests';
import { pickProblem, type PickProblem } from './pick-rules';

/** `caseId`: list that case's items (the whole-case request); otherwise searches everything, or browses the agency's own items. */
type Props = { value: ItemDto[]; onChange(items: ItemDto[]): void; kind: RequestKind; caseId?: number };

function ProblemTag({ p }: { p: PickProblem }) {
  const label = p.why === 'agency' ? '非本单位保管' : p.why === 'open' ? '在申请中' : '状态不符';
  return (
    <Tooltip title={p.text}>
      <Tag color={p.why === 'open' ? 'orange' : p.why === 'agency' ? 'default' : 'red'} style={{ marginInlineEnd: 0 }} data-testid="pick-problem">
        {label}
      </Tag>
    </Tooltip>
  );
}

export function ItemPicker({ value, onChange, kind, caseId }: Props) {
  const toastError = useErrorToast();
  const { user } = useSession();
  const [q, setQ] = useState('');
  const [rows, setRows] = useState<ItemDto[]>([]);
  const [total, setTotal] = useState<ListTotal | null>(null);
  const [loading, setLoading] = useState(false);
  const chosen = new Set(value.map((i) => i.id));
  // Scans arrive faster than React re-renders: keep the latest list here so none is lost.
  const latest = useRef(value);
  latest.current = value;

  useEffect(() => {
    const t = setTimeout(() => {
      setLoading(true);
      // Browsing (no search, no case): the agency's own items; a search or a case shows every match, marked.
      const own = !q && !caseId;
      void call('item.list', { q: q || undefined, caseId, holdingAgencyId: own ? user.agencyId : undefined, limit: caseId ? 200 : 20 })
        .then((r) => {
          setRows(r.rows);
          setTotal(r.total);
        })
        .catch(toastError)
        .finally(() => setLoading(false));
    }, 250);
    return () => clearTimeout(t);
  }, [q, caseId, user.agencyId, toastError]);

  const add = (items: ItemDto[]) => {
    const have = new Set(latest.current.map((i) => i.id));
    const fresh = items.filter((i) => !have.has(i.id));
    if (!fresh.length) return;
    latest.current = [...latest.current, ...fresh];
    onChange(latest.current);
  };

  const onScan = async (code: string) => {
    try {
      const it = await callQuiet('item.byCode', { code });
      const problem = pickProblem(it, user.agencyId, kind);
      if (problem) return scanError(`${it.code} ${it.name}：${problem.text}`);
      if (latest.current.some((v) => v.id === it.id)) return scanError(`${it.code} 已在清单中`);
      beepOk();
      add([it]);
    } catch (e) {
      scanError(e instanceof ApiCallError && e.error.code !== 'NOT_FOUND' ? e.message : `未识别的物品编码「${code}」`);
    }
  };

  return (
    <div data-testid="item-picker">
      <ScanBox onCode={onScan} placeholder="扫描物品条码加入申请，或输入编码后按回车" testId="pick-scan" />
      <Space style={{ margin: '8px 0', width: '100%' }} wrap>
        <Input.Search
          data-testid="pick-search"
          placeholder={caseId ? '在本案物品中查找：编码、名称、持有人' : '查找物品：编码、名称、案件编号、持有人'}
          allowClear
          style={{ width: 420 }}
          onChange={(e) => setQ(e.target.value)}
          onSearch={setQ}
        />
        <Typography.Text type="secondary">{total ? fmtTotal(total) : '共 0 件'}，显示前 {rows.length} 件</Typography.Text>
      </Space>
      <Table<ItemDto>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={rows}
        pagination={false}
        scroll={{ y: 160 }}
        data-testid="pick-results"
        onRow={(it) => (pickProblem(it, user.agencyId, kind) ? { style: { color: '#8c8c8c' } } : {})}
        columns={[
          { title: '编码', dataIndex: 'code', width: 170 },
          { title: '名称', dataIndex: 'name', ellipsis: true },
          { title: '案件', dataIndex: 'caseNo', width: 120, ellipsis: true },
          { title: '状态', dataIndex: 'status', width: 80, render: (s: ItemDto['status']) => <ItemStatusTag status={s} /> },
          {
            title: '可选',
            width: 110,
            render: (_, it) => {
              const problem = pickProblem(it, user.agencyId, kind);
              if (chosen.has(it.id)) return <Typography.Text type="secondary">已加入</Typography.Text>;
              if (problem) return <span data-testid={`pick-state-${it.code}`}><ProblemTag p={problem} /></span>;
              return (
                <Button size="small" icon={<PlusOutlined />} onClick={() => add([it])} aria-label={`加入 ${it.code}`}>
                  加入
                </Button>
              );
            },
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 12 }} data-testid="picked-count">
        已选物品 {value.length} 件
      </Typography.Title>
      <Table<ItemDto>
        data-testid="picked-items"
        size="small"
        rowKey="id"
        dataSource={value}
        pagination={false}
        scroll={{ y: 200 }}
        locale={{ emptyText: '尚未选择物品：扫描条码或在上方查找后点击「加入」' }}
        columns={[
          { title: '编码', dataIndex: 'code', width: 170 },
          { title: '名称', dataIndex: 'name', ellipsis: true },
          { title: '数量', width: 80, render: (_, it) => `${it.quantity} ${it.unit}` },
          { title: '库位', dataIndex: 'locationPath', ellipsis: true, render: (p: string | null, it) => p ?? it.outWith ?? '—' },
          {
            title: '',
            width: 60,
            render: (_, it) => (
              <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`移除 ${it.code}`} onClick={() => onChange((latest.current = latest.current.filter((v) => v.id !== it.id)))} />
            ),
          },
        ]}
      />
    </div>
  );
}
