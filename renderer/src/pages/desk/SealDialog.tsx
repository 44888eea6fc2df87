/** 封存 / 启封: the seal number, why, and for cash or valuables a second person confirming with their password. */
import { Alert, Button, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ItemDto } from '@shared/api/item.contract';
import { call } from '../../api/client';
import { errorText, useAction } from '../../components/use-action';

type Values = { action: 'seal' | 'unseal'; sealNo?: string; note: string; witnessUsername?: string; witnessPassword?: string };

/** `onDiscrepancy`: a seal that does not match leads to 登记差异 with the seal number found. */
export function SealDialog({ item, open, onClose, onDone, onDiscrepancy }: { item: ItemDto; open: boolean; onClose(): void; onDone(): void; onDiscrepancy(sealNo: string): void }) {
  const [mismatch, setMismatch] = useState<string | null>(null);
  const close = () => {
    setMismatch(null);
    onClose();
  };
  const [form] = Form.useForm<Values>();
  const { run, busy } = useAction();
  const needsWitness = item.category === 'cash' || item.category === 'valuables' || item.flags.includes('cash') || item.flags.includes('valuable');
  const submit = async (v: Values) => {
    setMismatch(null);
    const ok = await run(
      () =>
        call('seal.record', {
          itemId: item.id,
          action: v.action,
          sealNo: v.sealNo,
          note: v.note,
          ...(v.witnessUsername ? { witness: { username: v.witnessUsername, password: v.witnessPassword ?? '' } } : {}),
        }).catch((e: unknown) => {
          // The seal found does not match the record: offer 登记差异 with that number.
          if (errorText(e).title.includes('请先登记差异') && v.sealNo) setMismatch(v.sealNo);
          throw e;
        }),
      { success: v.action === 'seal' ? '已登记封存' : '已登记启封' },
    );
    if (ok) {
      form.resetFields();
      onDone();
      close();
    }
  };
  return (
    <Modal open={open} title={`封存 / 启封：${item.code} ${item.name}`} okText="登记" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={close} destroyOnHidden>
      {mismatch && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          title={`现场封签号「${mismatch}」与登记的「${item.sealNo ?? '无'}」不符，须先登记差异`}
          action={
            <Button size="small" danger data-testid="seal-to-discrepancy" onClick={() => { close(); onDiscrepancy(mismatch); }}>
              登记差异
            </Button>
          }
        />
      )}
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ action: item.flags.includes('unsealed') ? 'seal' : 'unseal' }}>
        <Form.Item name="action" label="操作">
          <Radio.Group optionType="button" options={[{ value: 'unseal', label: '启封' }, { value: 'seal', label: '重新封存' }]} />
        </Form.Item>
        <Form.Item name="sealNo" label={`封签号（现为 ${item.sealNo ?? '无'}）`}>
          <Input placeholder="启封时核对原封签号；重新封存时填写新封签号" />
        </Form.Item>
        <Form.Item name="note" label="事由" rules={[{ required: true, message: '请填写启封或封存的事由' }]}>
          <Input.TextArea rows={2} placeholder="例如：鉴定需要启封；鉴定完毕重新封存" />
        </Form.Item>
        {needsWitness && (
          <>
            <Typography.Text type="warning">现金或贵重物品须由第二人在场见证，并输入其本人密码确认。</Typography.Text>
            <Space style={{ marginTop: 8 }}>
              <Form.Item name="witnessUsername" label="见证人账号" rules={[{ required: true, message: '请填写见证人账号' }]}>
                <Input autoComplete="off" />
              </Form.Item>
              <Form.Item name="witnessPassword" label="见证人密码" rules={[{ required: true, message: '请填写见证人密码' }]}>
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            </Space>
          </>
        )}
      </Form>
    </Modal>
  );
}
