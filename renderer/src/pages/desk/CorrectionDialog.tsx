/** 申请更正: the registered data, prefilled; only the fields changed are proposed, with a reason, for the holding agency's approver. */
import { Col, Form, Input, InputNumber, Modal, Row, Select, Typography } from 'antd';
import type { ItemDto } from '@shared/api/item.contract';
import type { CorrectionChanges } from '@shared/api/correction.contract';
import { CORRECTABLE_FIELDS, CORRECTABLE_FIELD_LABELS as L } from '@shared/domain/corrections';
import { ITEM_CATEGORIES, ITEM_CATEGORY_LABELS, ITEM_FLAGS, ITEM_FLAG_LABELS } from '@shared/domain/enums';
import { call } from '../../api/client';
import { useAction } from '../../components/use-action';

type Values = Required<{ [K in keyof CorrectionChanges]: CorrectionChanges[K] }> & { reason: string };

const initial = (i: ItemDto) => ({
  name: i.name, spec: i.spec, quantity: i.quantity, unit: i.unit, cashAmount: i.cashAmount, estimatedValue: i.estimatedValue,
  category: i.category, flags: i.flags, ownerName: i.ownerName, ownerIdNo: i.ownerIdNo, seizureDocNo: i.seizureDocNo,
});

const same = (a: unknown, b: unknown) => JSON.stringify(Array.isArray(a) ? [...a].sort() : (a ?? null)) === JSON.stringify(Array.isArray(b) ? [...b].sort() : (b ?? null));

export function CorrectionDialog({ item, open, onClose, onDone }: { item: ItemDto; open: boolean; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm<Values>();
  const { run, busy, message } = useAction();
  const submit = async (v: Values) => {
    const before = initial(item) as Record<string, unknown>;
    const changes: Record<string, unknown> = {};
    for (const f of CORRECTABLE_FIELDS) {
      const now = typeof v[f] === 'string' ? (v[f] as string).trim() || null : (v[f] ?? null);
      if (!same(now, before[f])) changes[f] = now;
    }
    if (Object.keys(changes).length === 0) return void message.error('没有修改任何项目：请先改正需要更正的内容');
    const ok = await run(() => call('correction.propose', { itemId: item.id, changes: changes as CorrectionChanges, reason: v.reason }), {
      success: '更正申请已提交，待持有单位审批人审批',
    });
    if (ok) {
      onDone();
      onClose();
    }
  };
  const text = (f: 'name' | 'spec' | 'unit' | 'ownerName' | 'ownerIdNo' | 'seizureDocNo', span = 8) => (
    <Col span={span}>
      <Form.Item name={f} label={L[f]} style={{ marginBottom: 8 }}>
        <Input data-testid={`corr-${f}`} />
      </Form.Item>
    </Col>
  );
  const num = (f: 'quantity' | 'cashAmount' | 'estimatedValue') => (
    <Col span={8}>
      <Form.Item name={f} label={L[f]} style={{ marginBottom: 8 }}>
        <InputNumber min={0} style={{ width: '100%' }} data-testid={`corr-${f}`} />
      </Form.Item>
    </Col>
  );
  return (
    <Modal open={open} width={760} title={`申请更正：${item.code} ${item.name}`} okText="提交审批" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        只改需要更正的项目。审批通过后以「更正」记录写入流转记录，原登记内容保留可查；设为「与案件无关」自审批通过时起计 3 日发还期限。
      </Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={initial(item)} size="small">
        <Row gutter={8}>
          {text('name')}
          {text('spec')}
          <Col span={8}>
            <Form.Item name="category" label={L.category} style={{ marginBottom: 8 }}>
              <Select options={ITEM_CATEGORIES.map((c) => ({ value: c, label: ITEM_CATEGORY_LABELS[c] }))} />
            </Form.Item>
          </Col>
          {num('quantity')}
          {text('unit')}
          {num('cashAmount')}
          {num('estimatedValue')}
          {text('ownerName')}
          {text('ownerIdNo')}
          {text('seizureDocNo', 12)}
          <Col span={12}>
            <Form.Item name="flags" label={L.flags} style={{ marginBottom: 8 }}>
              <Select mode="multiple" options={ITEM_FLAGS.map((f) => ({ value: f, label: ITEM_FLAG_LABELS[f] }))} data-testid="corr-flags" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="reason" label="更正理由" rules={[{ required: true, whitespace: true, message: '请填写更正理由' }]} style={{ marginBottom: 0 }}>
          <Input.TextArea rows={2} placeholder="例如：登记时数量录入错误，扣押清单记载为 2 部" data-testid="corr-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
