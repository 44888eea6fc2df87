/** 物品详情: every field, photos, status, location, holding agency, open request, the full timeline, print buttons. */
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Spin, Tag, Typography } from 'antd';
import { LockOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { resolveScanDefault } from '../../scanner';
import type { EventDto, ItemDto } from '@shared/api/item.contract';
import { ITEM_CATEGORY_LABELS, ITEM_FLAG_LABELS, ITEM_SOURCE_LABELS } from '@shared/domain/enums';
import { call } from '../../api/client';
import { useCan } from '../../app/session';
import { useAction } from '../../components/use-action';
import { ItemStatusTag } from '../../components/ItemStatusTag';
import { EventTimeline } from '../../components/EventTimeline';
import { PhotoPanel } from '../../components/PhotoPanel';
import { PrintDialog } from '../../components/PrintDialog';
import { fmtMoney, fmtTime } from '../../components/labels';
import { SealDialog } from './SealDialog';

export function ItemPage() {
  const { id } = useParams();
  const itemId = Number(id);
  const can = useCan();
  const [item, setItem] = useState<ItemDto | null>(null);
  const [events, setEvents] = useState<EventDto[]>([]);
  const [printing, setPrinting] = useState<'trail' | 'label' | 'seal' | null>(null);
  const [failed, setFailed] = useState(false);
  const { run, busy } = useAction();

  const load = useCallback(async () => {
    const [i, ev] = await Promise.all([run(() => call('item.get', { id: itemId })), run(() => call('item.timeline', { id: itemId }))]);
    setFailed(!i);
    if (i) setItem(i);
    if (ev) setEvents(ev);
  }, [itemId, run]);
  useEffect(() => void load(), [load]);

  if (failed) return <Alert type="error" showIcon title={`物品（编号 ${id}）不存在或无法读取`} />;
  if (!item) return <Spin tip="正在读取…" style={{ display: 'block', marginTop: 80 }}><div /></Spin>;
  const v = (s: string | null | undefined) => s || '—';

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Card
        size="small"
        title={
          <Space>
            <Typography.Text code style={{ fontSize: 16 }} data-testid="item-code">{item.code}</Typography.Text>
            <span data-testid="item-name">{item.name}</span>
            <ItemStatusTag status={item.status} />
            {item.flags.map((f) => <Tag key={f} color="volcano">{ITEM_FLAG_LABELS[f]}</Tag>)}
          </Space>
        }
        extra={
          <Space>
            <Button size="small" icon={<ReloadOutlined />} onClick={() => void load()} loading={busy}>刷新</Button>
            {can('custody.handle') && <Button size="small" icon={<LockOutlined />} onClick={() => setPrinting('seal')}>封存/启封</Button>}
            {can('custody.handle') && <Button size="small" icon={<PrinterOutlined />} onClick={() => setPrinting('label')}>打印标签</Button>}
            <Button size="small" icon={<PrinterOutlined />} onClick={() => setPrinting('trail')}>打印流转记录</Button>
          </Space>
        }
      >
        <Row gutter={16}>
          <Col span={17}>
            <Descriptions size="small" column={3} bordered styles={{ label: { width: 96 } }}>
              <Descriptions.Item label="案件">{item.caseNo} {item.caseName}</Descriptions.Item>
              <Descriptions.Item label="类别">{ITEM_CATEGORY_LABELS[item.category]}</Descriptions.Item>
              <Descriptions.Item label="来源">{ITEM_SOURCE_LABELS[item.source]}</Descriptions.Item>
              <Descriptions.Item label="规格型号">{v(item.spec)}</Descriptions.Item>
              <Descriptions.Item label="数量">{item.quantity} {item.unit}</Descriptions.Item>
              <Descriptions.Item label="估值">{fmtMoney(item.estimatedValue)}</Descriptions.Item>
              <Descriptions.Item label="现金金额">{fmtMoney(item.cashAmount)}</Descriptions.Item>
              <Descriptions.Item label="持有人">{v(item.ownerName)}</Descriptions.Item>
              <Descriptions.Item label="证件号码">{v(item.ownerIdNo)}</Descriptions.Item>
              <Descriptions.Item label="扣押文书">{v(item.seizureDocNo)}</Descriptions.Item>
              <Descriptions.Item label="扣押时间">{fmtTime(item.seizedAt)}</Descriptions.Item>
              <Descriptions.Item label="扣押人">{v(item.seizedBy)}</Descriptions.Item>
              <Descriptions.Item label="封签号">{v(item.sealNo)}</Descriptions.Item>
              <Descriptions.Item label="实物位置" span={2}>
                <span data-testid="item-location">{item.locationPath ? `${item.locationPath}（${item.locationCode}）` : item.outWith ? `在外：${item.outWith}` : '未上架'}</span>
              </Descriptions.Item>
              <Descriptions.Item label="保管单位" span={2}><span data-testid="item-agency">{item.holdingAgencyName}</span></Descriptions.Item>
              <Descriptions.Item label="未完结申请">
                {item.openRequestNo ? <Typography.Link onClick={() => void resolveScanDefault(item.openRequestNo!)}>{item.openRequestNo}</Typography.Link> : '无'}
              </Descriptions.Item>
              <Descriptions.Item label="特征" span={3}>{v(item.features)}</Descriptions.Item>
            </Descriptions>
          </Col>
          <Col span={7}>
            <Typography.Text strong>照片</Typography.Text>
            <PhotoPanel itemId={item.id} canAdd={can('item.register')} />
          </Col>
        </Row>
      </Card>
      <Card size="small" title={`流转记录（共 ${events.length} 条，最新在前）`}>
        <EventTimeline events={events} loading={busy} />
      </Card>
      <PrintDialog open={printing === 'label'} title="打印物品标签" summary={`${item.code} ${item.name}`} onClose={() => setPrinting(null)} render={(stock) => call('label.items', { itemIds: [item.id], stock })} onDone={() => void load()} />
      <SealDialog item={item} open={printing === 'seal'} onClose={() => setPrinting(null)} onDone={() => void load()} />
      <PrintDialog open={printing === 'trail'} withStock={false} title="打印流转记录" summary={`${item.code} ${item.name}：共 ${events.length} 条记录`} onClose={() => setPrinting(null)} render={() => call('document.itemTrail', { itemId: item.id })} onDone={() => void load()} />
    </Space>
  );
}
