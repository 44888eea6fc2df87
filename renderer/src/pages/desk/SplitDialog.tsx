/**
 * 拆分: parts of a lot (quantities, or amounts for cash) become new items with their own codes; the lot keeps the
 * remainder, shown live. After the split, the new items' labels print straight away (the print dialog takes its place).
 */
import { useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Modal, Space, Table, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import type { ItemDto } from '@shared/api/item.contract';
import { call } from '../../api/client';
import { jobFile } from '../../api/jobs';
import { useAction } from '../../components/use-action';
import { PrintDialog } from '../../components/PrintDialog';
import { fmtQty } from '../../components/labels';

type Values = { parts: Array<number | null>; note?: string };

export function SplitDialog({ item, open, onClose, onDone }: { item: ItemDto; open: boolean; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm<Values>();
  const { run, busy } = useAction();
  const [made, setMade] = useState<ItemDto[] | null>(null);
  const [printing, setPrinting] = useState(false);
  const cash = item.category === 'cash' && item.cashAmount != null;
  const total = cash ? item.cashAmount! : item.quantity;
  const unit = cash ? '元' : item.unit;
  const parts = (Form.useWatch('parts', form) ?? []) as Array<number | null>;
  const sum = parts.reduce<number>((a, b) => a + (b ?? 0), 0);
  const left = Math.round((total - sum) * 1000) / 1000;

  const close = () => {
    setMade(null);
    form.resetFields();
    onClose();
  };
  const submit = async (v: Values) => {
    const r = await run(() => call('item.split', { itemId: item.id, parts: v.parts.filter((p): p is number => p != null), note: v.note }), { success: '已拆分' });
    if (!r) return;
    setMade(r.parts);
    onDone();
  };

  return (
    <>
      <Modal
        open={open && !printing}
        width={560}
        title={`拆分：${item.code} ${item.name}（现有 ${fmtQty(item)}）`}
        onCancel={close}
        destroyOnHidden
        footer={
          made ? (
            <Space>
              <Button type="primary" icon={<PrinterOutlined />} onClick={() => setPrinting(true)} data-testid="split-print">打印新物品标签</Button>
              <Button onClick={close}>完成</Button>
            </Space>
          ) : (
            <Space>
              <Button onClick={close}>取消</Button>
              <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="split-submit">拆分</Button>
            </Space>
          )
        }
      >
        {made ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Alert type="success" showIcon title={`已拆出 ${made.length} 件新物品，原物品 ${item.code} 保留余数；请打印并粘贴新标签。`} />
            <Table<ItemDto>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={made}
              data-testid="split-result"
              columns={[
                { title: '新编号', dataIndex: 'code', render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
                { title: '名称', dataIndex: 'name' },
                { title: '数量 / 金额', render: (_, r) => fmtQty(r) },
              ]}
            />
          </Space>
        ) : (
          <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ parts: [null] }}>
            <Typography.Paragraph type="secondary">
              每一份生成一件新物品（新编号、新标签），原物品保留余下的{cash ? '金额' : '数量'}；各份与余数之和等于原{cash ? '金额' : '数量'}。
            </Typography.Paragraph>
            <Form.List name="parts">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f, k) => (
                    <Space key={f.key} align="baseline">
                      <Form.Item {...f} label={k === 0 ? `拆出${cash ? '金额' : '数量'}` : undefined} rules={[{ required: true, message: '请填写' }]}>
                        <InputNumber min={0.001} step={1} addonAfter={unit} style={{ width: 200 }} data-testid={`split-part-${k}`} autoFocus={k === 0} />
                      </Form.Item>
                      {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                    </Space>
                  ))}
                  <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add(null)} data-testid="split-add">再拆一份</Button>
                </>
              )}
            </Form.List>
            <Alert
              style={{ margin: '12px 0' }}
              type={left > 0 ? 'info' : 'error'}
              showIcon
              data-testid="split-left"
              title={left > 0 ? `原物品余 ${left} ${unit}` : `拆出合计 ${sum} ${unit}，须小于现有 ${total} ${unit}（原物品须保留余数）`}
            />
            <Form.Item name="note" label="备注">
              <Input placeholder="例如：部分发还所有人" maxLength={500} />
            </Form.Item>
          </Form>
        )}
      </Modal>
      <PrintDialog
        open={printing}
        title="打印新物品标签"
        summary={made ? made.map((m) => m.code).join('、') : ''}
        onClose={() => {
          setPrinting(false);
          close();
        }}
        render={(stock, onProgress) => jobFile({ kind: 'label.items', itemIds: (made ?? []).map((m) => m.id), stock }, onProgress)}
      />
    </>
  );
}
