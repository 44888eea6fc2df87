/** 调出: choose the receiving store, scan every item into the list, name the escort, confirm, print the handover. */
import { useEffect, useState } from 'react';
import { App as AntApp, Button, Col, Empty, Form, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PrinterOutlined, SendOutlined } from '@ant-design/icons';
import type { ItemDto } from '@shared/api/item.contract';
import type { StoreDto, StoreTransferDto, StoreTransferSummary } from '@shared/api/store.contract';
import { STORE_TRANSFER_STATUS_LABELS } from '@shared/api/store.contract';
import { ITEM_STATUS_LABELS } from '@shared/domain/enums';
import { call, callQuiet } from '../../api/client';
import { errorText, useAction } from '../../components/use-action';
import { ScanBox } from '../../components/ScanBox';
import { useScanClaims } from '../../components/use-scan-claims';
import { useConfirmIrreversible } from '../../components/confirm-irreversible';
import { deliverFile } from '../../components/deliver-file';
import { fmtTime } from '../../components/labels';
import { useSession } from '../../app/session';
import { beepOk, scanError } from '../../scanner';

export function StoreTransferOut({ active }: { active: boolean }) {
  const { user } = useSession();
  const { run, busy } = useAction();
  const { message } = AntApp.useApp();
  const confirm = useConfirmIrreversible();
  const [stores, setStores] = useState<StoreDto[]>([]);
  const [toStoreId, setToStoreId] = useState<number | null>(null);
  const [rows, setRows] = useState<ItemDto[]>([]);
  const claimed = useScanClaims<ItemDto['id']>();
  const [escort, setEscort] = useState({ name: '', idNo: '' });
  const [note, setNote] = useState('');
  const [done, setDone] = useState<StoreTransferDto | null>(null);
  const [history, setHistory] = useState<StoreTransferSummary[]>([]);
  const reload = () => void run(() => call('storeTransfer.list', { direction: 'outgoing' }), { quiet: true }).then((r) => r && setHistory(r));
  useEffect(() => {
    void run(() => call('store.list', {})).then((s) => s && setStores(s.filter((x) => x.active && x.id !== user.storeId)));
    reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [run, user.storeId]);

  const onCode = async (code: string) => {
    try {
      const r = await callQuiet('scan.resolve', { code });
      if (r.kind !== 'item') return scanError(r.kind === 'unknown' ? `未识别的编码「${code}」：不是本库可见的物品` : `「${code}」不是物品条码，请扫描要调出的物品`);
      if (!claimed.claim(r.id)) return scanError(`${r.code} 已在调拨清单中，不重复计入`);
      const item = await callQuiet('item.get', { id: r.id }).catch((e: unknown) => {
        claimed.release(r.id);
        throw e;
      });
      if (item.status !== 'IN_STORE') {
        claimed.release(r.id);
        return scanError(`${item.code}（${item.name}）当前「${ITEM_STATUS_LABELS[item.status]}」，不在库，不能调拨`);
      }
      setDone(null);
      setRows((rs) => [item, ...rs]);
      beepOk();
    } catch (e) {
      scanError(errorText(e).title);
    }
  };

  const submit = async () => {
    const dest = stores.find((s) => s.id === toStoreId);
    if (!dest) return void message.warning('请选择调入的保管中心/分库');
    if (rows.length === 0) return void message.warning('请先扫描要调出的物品');
    const ok = await confirm({
      title: '确认跨库调拨出库',
      okText: `确认调出 ${rows.length} 件`,
      danger: false,
      facts: [
        ['调出库', user.storeName ?? ''],
        ['调入库', dest.name],
        ['押运人', escort.name ? `${escort.name}${escort.idNo ? `（${escort.idNo}）` : ''}` : '（未填写）'],
        ['备注', note],
      ],
      items: rows.map((r) => ({ code: r.code, name: r.name })),
      warning: '确认后物品记为「调拨在途」，只能由调入库的保管员逐件扫描入库。',
    });
    if (!ok) return;
    const out = await run(
      () => call('storeTransfer.dispatch', { toStoreId: dest.id, itemCodes: rows.map((r) => r.code), escort: escort.name ? { name: escort.name, idNo: escort.idNo || undefined } : undefined, note: note || undefined }),
      { success: `已调出 ${rows.length} 件至 ${dest.name}` },
    );
    if (!out) return;
    setDone(out);
    setRows([]);
    claimed.clear();
    reload();
  };

  const print = async (id: number) => {
    const f = await run(() => call('storeTransfer.print', { id }), { progress: '正在生成交接单…' });
    if (f) message.success(await deliverFile(f, 'print'));
  };

  return (
    <>
      <Row gutter={16}>
        <Col span={10}>
          <Form layout="vertical" size="middle">
            <Form.Item label="调入的保管中心/分库" required>
              <Select data-testid="to-store" value={toStoreId ?? undefined} placeholder="选择调入库" onChange={setToStoreId} options={stores.map((s) => ({ value: s.id, label: s.name }))} />
            </Form.Item>
            <Space.Compact block>
              <Form.Item label="押运人" htmlFor="escort-name" style={{ flex: 1 }}>
                <Input id="escort-name" value={escort.name} maxLength={50} onChange={(e) => setEscort({ ...escort, name: e.target.value })} placeholder="姓名" />
              </Form.Item>
              <Form.Item label="证件/警号" htmlFor="escort-id" style={{ flex: 1 }}>
                <Input id="escort-id" value={escort.idNo} maxLength={40} onChange={(e) => setEscort({ ...escort, idNo: e.target.value })} />
              </Form.Item>
            </Space.Compact>
            <Form.Item label="备注" htmlFor="transfer-note">
              <Input id="transfer-note" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} placeholder="如：分库扩容，批量调入" />
            </Form.Item>
          </Form>
        </Col>
        <Col span={14}>
          <ScanBox onCode={onCode} claim={active} autoFocus={active} testId="transfer-out-scan" placeholder="逐件扫描要调出的物品条码" />
          <Space style={{ marginTop: 8 }}>
            <Button type="primary" icon={<SendOutlined />} disabled={busy || rows.length === 0 || !toStoreId} onClick={() => void submit()}>
              确认调出（{rows.length} 件）
            </Button>
            {done && (
              <Button icon={<PrinterOutlined />} onClick={() => void print(done.id)}>
                打印交接单 {done.transferNo}
              </Button>
            )}
          </Space>
        </Col>
      </Row>
      <Table<ItemDto>
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={false}
        scroll={{ y: 220 }}
        style={{ marginTop: 8 }}
        data-testid="transfer-out-rows"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="扫描物品后在此显示" /> }}
        columns={[
          { title: '物品编码', width: 200, render: (_, r) => <Typography.Text code>{r.code}</Typography.Text> },
          { title: '名称', dataIndex: 'name' },
          { title: '现库位', render: (_, r) => r.locationPath ?? '—' },
          { title: '', width: 80, render: (_, r) => <Button size="small" icon={<DeleteOutlined />} onClick={() => { claimed.release(r.id); setRows((rs) => rs.filter((x) => x.id !== r.id)); }}>移除</Button> },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 12 }}>本库调出记录</Typography.Title>
      <Table<StoreTransferSummary>
        size="small"
        rowKey="id"
        dataSource={history}
        pagination={{ pageSize: 5, size: 'small' }}
        columns={[
          { title: '调拨单号', dataIndex: 'transferNo', width: 170 },
          { title: '调入库', dataIndex: 'toStoreName' },
          { title: '件数', width: 110, render: (_, t) => `${t.receivedCount}/${t.itemCount} 已接收` },
          { title: '状态', width: 80, render: (_, t) => <Tag color={t.status === 'RECEIVED' ? 'green' : 'orange'}>{STORE_TRANSFER_STATUS_LABELS[t.status]}</Tag> },
          { title: '调出时间', width: 140, render: (_, t) => fmtTime(t.createdAt) },
          { title: '', width: 90, render: (_, t) => <Button size="small" icon={<PrinterOutlined />} onClick={() => void print(t.id)}>交接单</Button> },
        ]}
      />
    </>
  );
}
