/** 外部保管: the off-site property list (account numbers masked, terms coloured), registration, renewal and release. */
import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { ExternalDto } from '@shared/api/external.contract';
import { EXTERNAL_KIND_LABELS, EXTERNAL_RELEASE_LABELS, EXTERNAL_RENEW_LABELS } from '@shared/domain/external';
import { call } from '../../api/client';
import { useAction } from '../../components/use-action';
import { ItemStatusTag } from '../../components/ItemStatusTag';
import { useCan } from '../../app/session';
import { ExternalRegisterDialog } from './ExternalRegisterDialog';
import { ExternalTermDialog, type TermAction } from './ExternalTermDialog';

const money = (n: number | null) => (n === null ? '' : `¥${n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);

export function TermTag({ r }: { r: ExternalDto }) {
  if (r.daysLeft === null) return <Tag>已结束</Tag>;
  if (r.daysLeft < 0) return <Tag color="red" data-testid="term-expired">已届满 {-r.daysLeft} 天</Tag>;
  if (r.daysLeft <= 7) return <Tag color="volcano">剩 {r.daysLeft} 天</Tag>;
  if (r.daysLeft <= 30) return <Tag color="orange">剩 {r.daysLeft} 天</Tag>;
  return <Tag color="green">剩 {r.daysLeft} 天</Tag>;
}

export function ExternalPage() {
  const can = useCan();
  const { run, busy } = useAction();
  const [rows, setRows] = useState<ExternalDto[]>([]);
  const [registering, setRegistering] = useState(false);
  const [action, setAction] = useState<{ kind: TermAction; row: ExternalDto } | null>(null);
  const load = useCallback(() => void run(() => call('external.list', { limit: 500 })).then((r) => r && setRows(r)), [run]);
  useEffect(load, [load]);
  const officer = can('request.create');

  return (
    <Card
      title="外部保管财物（冻结、查封、异地保管）"
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={load} loading={busy}>刷新</Button>
          {can('item.register') && <Button type="primary" icon={<PlusOutlined />} data-testid="external-register" onClick={() => setRegistering(true)}>登记外部保管财物</Button>}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        不入库、不上架、不计 24 小时入库时限；期限届满前 30 天、7 天提醒，届满未续期标红。账号在列表中打码，持有单位在详情中可见完整账号。
      </Typography.Paragraph>
      <Table<ExternalDto>
        data-testid="external-table"
        rowKey="itemId"
        size="small"
        dataSource={rows}
        pagination={{ pageSize: 12, showSizeChanger: false }}
        scroll={{ x: 1080 }}
        columns={[
          { title: '编码', dataIndex: 'itemCode', width: 140, render: (c: string, r) => <Link to={`/items/${r.itemId}`}>{c}</Link> },
          {
            title: '名称 / 案件',
            key: 'name',
            width: 190,
            render: (_: unknown, r) => (
              <div>
                <div>{r.itemName}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{EXTERNAL_KIND_LABELS[r.kind]} · {r.caseNo}</Typography.Text>
              </div>
            ),
          },
          {
            title: '机构 / 账号 / 权证 / 地址',
            key: 'where',
            width: 220,
            render: (_: unknown, r) => (
              <span data-testid="external-where">
                {r.institution}
                {r.accountNo && <> · {r.accountNo}</>}
                {r.certificateNo && <> · {r.certificateNo}</>}
                {r.address && <> · {r.address}</>}
                {r.amount !== null && <> · {money(r.amount)}</>}
              </span>
            ),
          },
          { title: '期限', key: 'term', width: 110, render: (_: unknown, r) => <span>{r.startDate}<br />至 {r.endDate}</span> },
          { title: '剩余', key: 'left', width: 96, render: (_: unknown, r) => <TermTag r={r} /> },
          { title: '状态', dataIndex: 'status', width: 84, render: (s: ExternalDto['status']) => <ItemStatusTag status={s} /> },
          { title: '持有单位', dataIndex: 'holdingAgencyName', width: 110, ellipsis: true },
          {
            title: '操作',
            key: 'ops',
            width: 140,
            fixed: 'right',
            render: (_: unknown, r) =>
              officer && r.status === 'EXTERNAL_CUSTODY' && !r.releasedAt ? (
                <Space size={4}>
                  <Button size="small" data-testid={`renew-${r.itemCode}`} onClick={() => setAction({ kind: 'renew', row: r })}>{EXTERNAL_RENEW_LABELS[r.kind]}</Button>
                  <Button size="small" danger data-testid={`release-${r.itemCode}`} onClick={() => setAction({ kind: 'release', row: r })}>{EXTERNAL_RELEASE_LABELS[r.kind]}</Button>
                </Space>
              ) : null,
          },
        ]}
      />
      {registering && <ExternalRegisterDialog onClose={(changed) => { setRegistering(false); if (changed) load(); }} />}
      {action && <ExternalTermDialog action={action.kind} row={action.row} onClose={(changed) => { setAction(null); if (changed) load(); }} />}
    </Card>
  );
}
