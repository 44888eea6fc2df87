/** 调入: pick a transfer in transit to this store (or scan its number), scan a location, then every item into it. */
import { useEffect, useState } from 'react';
import { App as AntApp, Button, Col, Empty, Row, Table, Tag, Typography } from 'antd';
import { CheckCircleTwoTone, EnvironmentOutlined, PrinterOutlined } from '@ant-design/icons';
import type { StoreTransferDto, StoreTransferSummary } from '@shared/api/store.contract';
import { STORE_TRANSFER_STATUS_LABELS } from '@shared/api/store.contract';
import type { LocationDto } from '@shared/api/admin.contract';
import { call, callQuiet } from '../../api/client';
import { errorText, useAction } from '../../components/use-action';
import { ScanBox } from '../../components/ScanBox';
import { deliverFile } from '../../components/deliver-file';
import { fmtTime } from '../../components/labels';
import { beepOk, scanError } from '../../scanner';
import { useScanState } from '../../components/use-scan-state';

type Props = { active: boolean; transfers: StoreTransferSummary[]; onChanged(): void };

export function StoreTransferIn({ active, transfers, onChanged }: Props) {
  const { run } = useAction();
  const { message } = AntApp.useApp();
  const [current, setCurrent, currentRef] = useScanState<StoreTransferDto | null>(null);
  const [location, setLocation, locationRef] = useScanState<LocationDto | null>(null);
  const [locations, setLocations] = useState<LocationDto[]>([]);
  useEffect(() => void run(() => call('location.list', {}), { quiet: true }).then((l) => l && setLocations(l)), [run]);

  const open = async (id: number) => {
    const t = await run(() => call('storeTransfer.get', { id }));
    if (t) setCurrent(t);
  };

  const onCode = async (code: string) => {
    try {
      const byNo = transfers.find((t) => t.transferNo === code);
      if (byNo) {
        setCurrent(await callQuiet('storeTransfer.get', { id: byNo.id }));
        return beepOk();
      }
      const r = await callQuiet('scan.resolve', { code });
      if (r.kind === 'location') {
        const loc = locations.find((l) => l.id === r.id);
        if (!loc) return scanError(`库位「${code}」不是本库的库位`);
        setLocation(loc);
        return beepOk();
      }
      const transfer = currentRef.current;
      const into = locationRef.current;
      if (!transfer) return scanError('请先选择或扫描调拨单号');
      if (!into) return scanError('请先扫描存放的库位条码，再扫描物品');
      const t = await callQuiet('storeTransfer.receive', { id: transfer.id, locationCode: into.code, itemCode: code });
      setCurrent(t);
      beepOk();
      if (t.status === 'RECEIVED') {
        message.success(`调拨单 ${t.transferNo} 已全部接收入库`);
        onChanged();
      }
    } catch (e) {
      scanError(errorText(e).title);
    }
  };

  const print = async (id: number) => {
    const f = await run(() => call('storeTransfer.print', { id }), { progress: '正在生成交接单…' });
    if (f) message.success(await deliverFile(f, 'print'));
  };

  return (
    <>
      <Row gutter={16} style={{ marginBottom: 8 }}>
        <Col span={9}>
          <div data-testid="receive-location" style={{ border: '2px solid #1f4e8c', borderRadius: 6, padding: '6px 14px', minHeight: 70, background: location ? '#f0f5ff' : '#fafafa' }}>
            <Typography.Text type="secondary"><EnvironmentOutlined /> 存放库位</Typography.Text>
            {location ? <div style={{ fontSize: 20, fontWeight: 600 }}>{location.code} <Typography.Text style={{ fontSize: 13 }}>{location.path}</Typography.Text></div> : <div style={{ fontSize: 16, color: '#999' }}>请扫描库位条码</div>}
          </div>
        </Col>
        <Col span={15}>
          <ScanBox onCode={onCode} claim={active} autoFocus={active} testId="transfer-in-scan" placeholder="扫描调拨单号、库位条码，再逐件扫描物品" />
          {current && (
            <Typography.Paragraph style={{ margin: '6px 0 0' }}>
              当前调拨单 <Typography.Text strong>{current.transferNo}</Typography.Text>：{current.fromStoreName} → {current.toStoreName}，已接收 {current.receivedCount}/{current.itemCount} 件{' '}
              <Button size="small" icon={<PrinterOutlined />} onClick={() => void print(current.id)}>交接单</Button>
            </Typography.Paragraph>
          )}
        </Col>
      </Row>
      {current ? (
        <Table
          size="small"
          rowKey="id"
          dataSource={current.items}
          pagination={false}
          scroll={{ y: 260 }}
          data-testid="transfer-in-items"
          columns={[
            { title: '', width: 36, render: (_, r) => (r.received ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : null) },
            { title: '物品编码', width: 200, render: (_, r) => <Typography.Text code>{r.code}</Typography.Text> },
            { title: '名称', dataIndex: 'name' },
            { title: '状态', width: 90, render: (_, r) => (r.received ? <Tag color="green">已入库</Tag> : <Tag color="orange">在途</Tag>) },
            { title: '库位', render: (_, r) => (r.received ? r.locationPath : '—') },
          ]}
        />
      ) : (
        <Table<StoreTransferSummary>
          size="small"
          rowKey="id"
          dataSource={transfers}
          pagination={{ pageSize: 8, size: 'small' }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有调入本库的调拨单" /> }}
          onRow={(t) => ({ onClick: () => void open(t.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: '调拨单号', dataIndex: 'transferNo', width: 170 },
            { title: '调出库', dataIndex: 'fromStoreName' },
            { title: '调出人', dataIndex: 'createdByName', width: 90 },
            { title: '件数', width: 110, render: (_, t) => `${t.receivedCount}/${t.itemCount} 已接收` },
            { title: '状态', width: 80, render: (_, t) => <Tag color={t.status === 'RECEIVED' ? 'green' : 'orange'}>{STORE_TRANSFER_STATUS_LABELS[t.status]}</Tag> },
            { title: '调出时间', width: 140, render: (_, t) => fmtTime(t.createdAt) },
            { title: '', width: 80, render: (_, t) => <Button size="small" onClick={() => void open(t.id)}>{t.status === 'IN_TRANSIT' ? '接收' : '查看'}</Button> },
          ]}
        />
      )}
      {current && <Button style={{ marginTop: 8 }} onClick={() => setCurrent(null)}>返回调拨单列表</Button>}
    </>
  );
}
