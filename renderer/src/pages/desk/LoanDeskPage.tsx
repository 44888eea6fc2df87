/** 调用出入库 at the custodian desk: check out, check in, overdue list. */
import { useEffect, useState } from 'react';
import { Card, Space, Table, Tabs, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { MethodOutput } from '@shared/api/contract';
import { call } from '../../api/client';
import { useAction } from '../../components/use-action';
import { fmtTime } from '../../components/labels';
import { LoanCheckout } from './LoanCheckout';
import { LoanCheckin } from './LoanCheckin';
import { ExportButton } from '../../components/ExportButton';

type OverdueRow = MethodOutput<'loan.overdue'>['rows'][number];

function OverdueList({ active }: { active: boolean }) {
  const [rows, setRows] = useState<OverdueRow[]>([]);
  const [total, setTotal] = useState(0);
  const { run, busy } = useAction();
  useEffect(() => {
    if (active) void run(() => call('loan.overdue', { limit: 200 })).then((r) => r && (setRows(r.rows), setTotal(r.total)));
  }, [active, run]);
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text type="secondary">共 {total} 张调用单逾期未还</Typography.Text>
        <ExportButton what="逾期调用" unit=" 份" testId="overdue-export" job={() => ({ kind: 'overdue.export' })} />
      </Space>
      <Table<OverdueRow>
        data-testid="overdue-table"
        style={{ marginTop: 8 }}
        size="small"
        rowKey="requestId"
        loading={busy}
        dataSource={rows}
        pagination={false}
        scroll={{ y: 420 }}
        columns={[
          { title: '调用单号', dataIndex: 'requestNo', width: 150 },
          { title: '案件编号', dataIndex: 'caseNo', width: 180 },
          { title: '申请单位', dataIndex: 'fromAgencyName', width: 170 },
          { title: '借用人', dataIndex: 'borrower', width: 90 },
          { title: '归还期限', dataIndex: 'dueAt', width: 140, render: fmtTime },
          { title: '逾期', dataIndex: 'daysOverdue', width: 80, render: (d: number) => <Tag color="red">{d} 天</Tag> },
          { title: '物品', render: (_, r) => r.items.map((i) => <Link key={i.id} to={`/items/${i.id}`} style={{ marginRight: 8 }}>{i.code} {i.name}</Link>) },
        ]}
      />
    </>
  );
}

export function LoanDeskPage() {
  const [tab, setTab] = useState('out');
  return (
    <Card styles={{ body: { paddingTop: 4 } }}>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'out', label: '调用出库', children: <LoanCheckout active={tab === 'out'} /> },
          { key: 'in', label: '调用归还', children: <LoanCheckin active={tab === 'in'} /> },
          { key: 'overdue', label: '逾期未还', children: <OverdueList active={tab === 'overdue'} /> },
        ]}
      />
    </Card>
  );
}
