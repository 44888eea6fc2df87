/** 上架/移位: scan a location (shown big), then any number of items; each is stored/moved at once; undo per row. */
import { useEffect, useState } from 'react';
import { Button, Card, Col, Empty, Row, Table, Tag, Typography } from 'antd';
import { EnvironmentOutlined, UndoOutlined } from '@ant-design/icons';
import type { ItemDto } from '@shared/api/item.contract';
import type { LocationDto } from '@shared/api/admin.contract';
import { LOCATION_KIND_LABELS } from '@shared/domain/enums';
import { call, callQuiet } from '../../api/client';
import { useAction, errorText } from '../../components/use-action';
import { ScanBox } from '../../components/ScanBox';
import { fmtTime } from '../../components/labels';
import { beepOk, scanError } from '../../scanner';
import { useConfirmIrreversible } from '../../components/confirm-irreversible';
import { useScanState } from '../../components/use-scan-state';

type Row_ = { eventId: number; item: ItemDto; fromPath: string | null; at: string; undone: boolean };

export function PutawayPage() {
  const [locations, setLocations] = useState<LocationDto[]>([]);
  const [current, setCurrent, currentRef] = useScanState<LocationDto | null>(null);
  const [rows, setRows] = useState<Row_[]>([]);
  const { run } = useAction();
  const confirm = useConfirmIrreversible();
  useEffect(() => void run(() => call('location.list', {})).then((l) => l && setLocations(l)), [run]);

  const onCode = async (code: string) => {
    try {
      const r = await callQuiet('scan.resolve', { code });
      if (r.kind === 'location') {
        const loc = locations.find((l) => l.id === r.id) ?? (await callQuiet('location.list', {})).find((l) => l.id === r.id) ?? null;
        setCurrent(loc);
        beepOk();
        return;
      }
      if (r.kind !== 'item') return scanError(r.kind === 'unknown' ? `未识别的编码「${code}」：不是已登记的物品或库位` : `「${code}」是申请单，请在上架时扫描库位或物品`);
      const here = currentRef.current;
      if (!here) return scanError('请先扫描库位条码，再扫描物品');
      const before = await callQuiet('item.get', { id: r.id });
      const out = await callQuiet('putaway.scan', { locationCode: here.code, itemCode: r.code });
      beepOk();
      setRows((rs) => [{ eventId: out.eventId, item: out.item, fromPath: before.locationPath, at: new Date().toISOString(), undone: false }, ...rs]);
    } catch (e) {
      scanError(errorText(e).title);
    }
  };

  const undo = async (row: Row_) => {
    const ok = await confirm({
      title: `确认撤销 ${row.item.code} 的上架记录`,
      okText: '确认撤销',
      facts: [
        ['撤销的记录', `${fmtTime(row.at)} 放到 ${row.item.locationPath ?? '—'}`],
        ['撤销后库位', row.fromPath ? `回到原库位 ${row.fromPath}` : '未上架（无库位）'],
        ['账本', '写入一条「更正」记录；原记录保留，不会删除'],
      ],
      items: [{ code: row.item.code, name: row.item.name }],
      warning: '撤销后不能恢复这条上架记录；如需上架，请重新扫描库位和物品。',
    });
    if (!ok) return;
    const r = await run(() => call('putaway.undo', { eventId: row.eventId }), { success: `已撤销 ${row.item.code} 的上架记录` });
    if (r) setRows((rs) => rs.map((x) => (x.eventId === row.eventId ? { ...x, undone: true, item: r.item } : x)));
  };

  return (
    <Card title="上架 / 移位" styles={{ body: { paddingTop: 12 } }}>
      <Row gutter={16} style={{ marginBottom: 12 }}>
        <Col span={10}>
          <div data-testid="current-location" style={{ border: '2px solid #1f4e8c', borderRadius: 6, padding: '8px 16px', minHeight: 84, background: current ? '#f0f5ff' : '#fafafa' }}>
            <Typography.Text type="secondary"><EnvironmentOutlined /> 当前库位</Typography.Text>
            {current ? (
              <>
                <div style={{ fontSize: 26, fontWeight: 600, lineHeight: 1.3 }}>{current.code}</div>
                <Typography.Text>{current.path}（{LOCATION_KIND_LABELS[current.kind]}，在库 {current.itemCount} 件）</Typography.Text>
              </>
            ) : (
              <div style={{ fontSize: 20, color: '#999', lineHeight: 2 }}>请先扫描库位条码</div>
            )}
          </div>
        </Col>
        <Col span={14}>
          <ScanBox onCode={onCode} placeholder="扫描库位条码切换库位；扫描物品条码即上架到当前库位" />
          <Typography.Paragraph type="secondary" style={{ marginTop: 6, marginBottom: 0, fontSize: 12 }}>
            每扫一件物品立即记录「上架」（首次）或「移位」（已有库位）；误扫可在下方撤销，撤销会写入一条更正记录。
          </Typography.Paragraph>
        </Col>
      </Row>
      <Table<Row_>
        size="small"
        rowKey="eventId"
        dataSource={rows}
        pagination={false}
        scroll={{ y: 400 }}
        data-testid="putaway-rows"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="扫描物品后在此显示" /> }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 140, render: fmtTime },
          { title: '物品编码', width: 200, render: (_, r) => <Typography.Text code>{r.item.code}</Typography.Text> },
          { title: '名称', render: (_, r) => r.item.name },
          { title: '原库位', width: 200, render: (_, r) => r.fromPath ?? '—' },
          { title: '现库位', width: 200, render: (_, r) => r.item.locationPath ?? '—' },
          { title: '', width: 110, render: (_, r) => (r.undone ? <Tag>已撤销</Tag> : <Button size="small" icon={<UndoOutlined />} onClick={() => void undo(r)}>撤销</Button>) },
        ]}
      />
    </Card>
  );
}
