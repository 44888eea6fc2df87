/** 盘点: start a count (scan the store/warehouse/zone/shelf label), or open one to continue on this terminal. */
import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Checkbox, Col, Input, Progress, Row, Space, Table, Tag, Typography } from 'antd';
import { PlayCircleOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { STOCKTAKE_STATUS_LABELS, type StocktakeSummary } from '@shared/api/stocktake.contract';
import { call, callQuiet } from '../../api/client';
import { useAction } from '../../components/use-action';
import { ScanBox } from '../../components/ScanBox';
import { fmtTime } from '../../components/labels';
import { useSession } from '../../app/session';
import { scanError } from '../../scanner';

export const STATUS_COLOR = { OPEN: 'processing', PAUSED: 'warning', CLOSED: 'default' } as const;

export function StocktakeListPage() {
  const { user } = useSession();
  const nav = useNavigate();
  const { run, busy } = useAction();
  const [rows, setRows] = useState<StocktakeSummary[]>([]);
  const [scope, setScope] = useState('');
  const [blind, setBlind] = useState(true);
  const reload = useCallback(() => void run(() => call('stocktake.list', {}), { quiet: true }).then((r) => r && setRows(r)), [run]);
  useEffect(reload, [reload]);

  const onCode = async (code: string) => {
    const r = await callQuiet('scan.resolve', { code }).catch(() => null);
    if (r?.kind !== 'location') return scanError(`「${code}」不是库位标签：请扫描要盘点的库房、区域或货架标签`, code);
    setScope(r.code);
  };
  const open = async () => {
    if (!scope.trim()) return;
    const c = await run(() => call('stocktake.open', { scopeCode: scope.trim(), blind }), { success: '已开始盘点' });
    if (c) nav(`/stocktake/${c.id}`);
  };

  return (
    <Card title={<>盘点 <Tag color="blue">本库：{user.storeName ?? '未指定'}</Tag></>}>
      <Row gutter={16} align="middle" style={{ marginBottom: 16 }}>
        <Col span={10}>
          <ScanBox onCode={onCode} testId="stocktake-scope-scan" placeholder="扫描要盘点的库房/区域/货架标签" hint="盘点范围包含其下全部库位" />
        </Col>
        <Col span={14}>
          <Space wrap>
            <Input data-testid="stocktake-scope" value={scope} onChange={(e) => setScope(e.target.value)} placeholder="范围编码，如 WH-A-Z1-S01" style={{ width: 220 }} onPressEnter={() => void open()} />
            <Checkbox data-testid="stocktake-blind" checked={blind} onChange={(e) => setBlind(e.target.checked)}>
              盲盘（不显示账面清单）
            </Checkbox>
            <Button type="primary" icon={<PlayCircleOutlined />} disabled={busy || !scope.trim()} onClick={() => void open()}>
              开始盘点
            </Button>
          </Space>
        </Col>
      </Row>
      <Table<StocktakeSummary>
        rowKey="id"
        size="small"
        dataSource={rows}
        pagination={false}
        scroll={{ y: 380 }}
        onRow={(r) => ({ onClick: () => nav(`/stocktake/${r.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: '盘点单号', dataIndex: 'countNo', width: 150, render: (v: string) => <Typography.Link>{v}</Typography.Link> },
          { title: '范围', dataIndex: 'scopeName', ellipsis: true },
          { title: '方式', dataIndex: 'blind', width: 70, render: (b: boolean) => (b ? '盲盘' : '明盘') },
          { title: '状态', dataIndex: 'status', width: 90, render: (s: StocktakeSummary['status']) => <Tag color={STATUS_COLOR[s]}>{STOCKTAKE_STATUS_LABELS[s]}</Tag> },
          { title: '进度', width: 160, render: (_, r) => <Progress size="small" percent={r.expectedCount ? Math.round((r.foundCount / r.expectedCount) * 100) : 0} format={() => `${r.foundCount}/${r.expectedCount}`} /> },
          { title: '开始', dataIndex: 'openedAt', width: 140, render: fmtTime },
          { title: '盘点人', dataIndex: 'openedByName', width: 90 },
        ]}
      />
    </Card>
  );
}
