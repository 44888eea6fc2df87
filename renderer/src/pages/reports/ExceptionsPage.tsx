/** 异常清单: one tab per list; each row links to its item (or, for counts not done, names the store). */
import { useCallback, useEffect, useState } from 'react';
import { Card, InputNumber, Space, Table, Tabs, Typography } from 'antd';
import { Link } from 'react-router';
import { EXCEPTION_KINDS, EXCEPTION_KIND_LABELS, type ExceptionKind, type ExceptionRow } from '@shared/api/report.contract';
import { call } from '../../api/client';
import { useAction } from '../../components/use-action';
import { fmtTime } from '../../components/labels';

export function ExceptionsPage() {
  const { run, busy } = useAction();
  const [kind, setKind] = useState<ExceptionKind>('lateIntake');
  const [retentionDays, setRetentionDays] = useState(365);
  const [data, setData] = useState<{ total: number; rows: ExceptionRow[] } | null>(null);
  const load = useCallback(async () => {
    const r = await run(() => call('report.exceptions', { kind, retentionDays }));
    setData(r ?? null);
  }, [run, kind, retentionDays]);
  useEffect(() => void load(), [load]);

  return (
    <Card size="small" title="异常清单">
      <Tabs activeKey={kind} onChange={(k) => setKind(k as ExceptionKind)} items={EXCEPTION_KINDS.map((k) => ({ key: k, label: <span data-testid={`exc-tab-${k}`}>{EXCEPTION_KIND_LABELS[k]}</span> }))} />
      <Space style={{ marginBottom: 8 }}>
        {kind === 'retention' && (
          <>
            存放超过
            <InputNumber min={1} max={3650} value={retentionDays} onChange={(v) => v && setRetentionDays(v)} data-testid="exc-retention-days" />
            天无流转
          </>
        )}
        {data && <Typography.Text type="secondary" data-testid="exc-total">共 {data.total} 条{data.total > data.rows.length ? `，显示前 ${data.rows.length} 条` : ''}</Typography.Text>}
      </Space>
      <Table
        size="small"
        loading={busy}
        rowKey={(r) => `${r.code}-${r.since ?? ''}-${r.detail}`}
        dataSource={data?.rows ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        data-testid="exc-table"
        columns={[
          { title: kind === 'notCounted' ? '保管场所' : '物品', key: 'item', width: 260, render: (_, r) => (r.itemId ? <Link to={`/items/${r.itemId}`}>{r.code}</Link> : null) },
          { title: '名称', dataIndex: 'name', key: 'name', width: 140 },
          { title: '案件', dataIndex: 'caseNo', key: 'caseNo', width: 180 },
          { title: '持有单位', dataIndex: 'agencyName', key: 'agencyName', width: 140 },
          { title: '情况', dataIndex: 'detail', key: 'detail' },
          { title: '时间', key: 'since', width: 140, render: (_, r) => (r.since ? fmtTime(r.since) : '') },
        ]}
      />
    </Card>
  );
}
