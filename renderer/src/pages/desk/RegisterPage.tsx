/** 登记: pick or create a case, fill in one seizure list (batch rows), register; then labels and photos. */
import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Col, DatePicker, Form, Input, Modal, Row, Space, Table, Typography } from 'antd';
import { CameraOutlined, PrinterOutlined, SaveOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router';
import type { CaseDto, ItemDto } from '@shared/api/item.contract';
import { ITEM_CATEGORY_LABELS } from '@shared/domain/enums';
import { call } from '../../api/client';
import { useCan, useSession } from '../../app/session';
import { useAction } from '../../components/use-action';
import { PrintDialog } from '../../components/PrintDialog';
import { PhotoPanel } from '../../components/PhotoPanel';
import { CasePicker } from './CasePicker';
import { BatchItemTable, blankItem, type DraftItem } from './BatchItemTable';

type Header = { seizureDocNo: string; seizedAt: Dayjs; seizedBy: string };
const opt = (s: string) => (s.trim() ? s.trim() : undefined);

export function RegisterPage() {
  const { user } = useSession();
  const can = useCan();
  const { message } = AntApp.useApp();
  const [kase, setKase] = useState<CaseDto | null>(null);
  const [rows, setRows] = useState<DraftItem[]>(() => [blankItem()]);
  const [done, setDone] = useState<ItemDto[] | null>(null);
  const [printing, setPrinting] = useState(false);
  const [photoItem, setPhotoItem] = useState<ItemDto | null>(null);
  const [form] = Form.useForm<Header>();
  const { run, busy } = useAction();

  const submit = async (h: Header) => {
    if (!kase) return void message.error('请先选择或新建案件');
    const filled = rows.filter((r) => r.name.trim());
    if (!filled.length) return void message.error('请至少填写一件物品的名称');
    const bad = filled.findIndex((r) => !r.quantity || !r.unit.trim());
    if (bad >= 0) return void message.error(`第 ${rows.indexOf(filled[bad]!) + 1} 行「${filled[bad]!.name}」：请填写数量和单位`);
    const items = filled.map((r) => ({
      name: r.name.trim(),
      category: r.category,
      spec: opt(r.spec),
      quantity: r.quantity!,
      unit: r.unit.trim(),
      features: opt(r.features),
      estimatedValue: r.estimatedValue ?? undefined,
      cashAmount: r.cashAmount ?? undefined,
      source: r.source,
      ownerName: opt(r.ownerName),
      ownerIdNo: opt(r.ownerIdNo),
      sealNo: opt(r.sealNo),
      flags: r.flags,
    }));
    const out = await run(
      () => call('item.register', { caseId: kase.id, seizureDocNo: h.seizureDocNo.trim(), seizedAt: h.seizedAt.toISOString(), seizedBy: h.seizedBy.trim(), items }),
      { progress: `正在登记 ${items.length} 件物品，请稍候…` },
    );
    if (out) {
      setDone(out);
      message.success(`已登记 ${out.length} 件物品，24 小时入库时限开始计算`);
    }
  };

  const again = () => {
    setDone(null);
    setRows([blankItem()]);
    form.setFieldsValue({ seizureDocNo: '' });
  };

  if (done) {
    return (
      <Card title={`登记完成：${kase?.caseNo ?? ''} 共 ${done.length} 件`} extra={<Button onClick={again}>继续登记</Button>}>
        <Alert type="success" showIcon style={{ marginBottom: 12 }} title="物品已登记，请在 24 小时内移交保管中心入库。可打印标签并补充照片。" />
        <Space style={{ marginBottom: 12 }}>
          {can('custody.handle') ? (
            <Button type="primary" icon={<PrinterOutlined />} onClick={() => setPrinting(true)}>打印标签</Button>
          ) : (
            <Typography.Text type="secondary">标签由保管员在入库时打印。</Typography.Text>
          )}
        </Space>
        <Table<ItemDto>
          size="small"
          rowKey="id"
          dataSource={done}
          pagination={false}
          scroll={{ y: 380 }}
          data-testid="registered-items"
          columns={[
            { title: '物品编码', dataIndex: 'code', width: 200, render: (c: string, r) => <Link to={`/items/${r.id}`}>{c}</Link> },
            { title: '名称', dataIndex: 'name' },
            { title: '类别', dataIndex: 'category', width: 100, render: (c: ItemDto['category']) => ITEM_CATEGORY_LABELS[c] },
            { title: '数量', width: 80, render: (_, r) => `${r.quantity} ${r.unit}` },
            { title: '照片', width: 110, render: (_, r) => <Button size="small" icon={<CameraOutlined />} onClick={() => setPhotoItem(r)}>添加照片</Button> },
          ]}
        />
        <PrintDialog open={printing} title="打印物品标签" summary={`共 ${done.length} 件物品`} onClose={() => setPrinting(false)} render={(stock) => call('label.items', { itemIds: done.map((i) => i.id), stock })} />
        <Modal open={!!photoItem} title={`照片：${photoItem?.code ?? ''} ${photoItem?.name ?? ''}`} footer={null} onCancel={() => setPhotoItem(null)} width={640} destroyOnHidden>
          {photoItem && <PhotoPanel itemId={photoItem.id} canAdd />}
        </Modal>
      </Card>
    );
  }

  return (
    <Card title="登记涉案财物" styles={{ body: { paddingTop: 12 } }}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ seizedAt: dayjs(), seizedBy: user.displayName }} requiredMark>
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item label="案件" required>
              <CasePicker value={kase} onChange={setKase} />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item label="扣押清单/决定书编号" name="seizureDocNo" rules={[{ required: true, message: '请填写文书编号' }]}>
              <Input data-testid="seizure-doc-no" />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item label="扣押时间" name="seizedAt" rules={[{ required: true, message: '请选择扣押时间' }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item label="扣押人" name="seizedBy" rules={[{ required: true, message: '请填写扣押人' }]}>
              <Input data-testid="seized-by" />
            </Form.Item>
          </Col>
        </Row>
        <BatchItemTable rows={rows} onChange={setRows} />
        <div style={{ marginTop: 12, textAlign: 'right' }}>
          <Typography.Text type="secondary" style={{ marginRight: 12 }}>
            已填写 {rows.filter((r) => r.name.trim()).length} 件
          </Typography.Text>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={busy} data-testid="register-submit">
            登记
          </Button>
        </div>
      </Form>
    </Card>
  );
}
