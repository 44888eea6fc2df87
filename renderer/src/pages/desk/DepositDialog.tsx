/** 存入专户: cash in the store is paid into the holding agency's 涉案款专户 — bank slip, amount, and a second person's password. */
import { Form, Input, InputNumber, Modal, Space, Typography } from 'antd';
import type { ItemDto } from '@shared/api/item.contract';
import { call } from '../../api/client';
import { useAction } from '../../components/use-action';
import { fmtMoney } from '../../components/labels';

type Values = { bankSlipNo: string; amount: number; accountName?: string; note?: string; witnessUsername: string; witnessPassword: string };

export function DepositDialog({ item, open, onClose, onDone }: { item: ItemDto; open: boolean; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm<Values>();
  const { run, busy } = useAction();
  const submit = async (v: Values) => {
    const ok = await run(
      () =>
        call('cash.deposit', {
          itemId: item.id,
          bankSlipNo: v.bankSlipNo.trim(),
          amount: v.amount,
          accountName: v.accountName?.trim() || undefined,
          note: v.note?.trim() || undefined,
          witness: { username: v.witnessUsername.trim(), password: v.witnessPassword },
        }),
      { success: `${item.code} 已存入涉案款专户` },
    );
    if (ok) {
      form.resetFields();
      onDone();
      onClose();
    }
  };
  return (
    <Modal open={open} title={`存入涉案款专户：${item.code} ${item.name}`} okText="登记存入" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        登记金额 {item.cashAmount === null ? '—' : fmtMoney(item.cashAmount)}。存入后物品离开库位，仍由{item.holdingAgencyName}在管（状态「存入专户」），可继续移送、发还或处置。
      </Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ amount: item.cashAmount ?? undefined }}>
        <Form.Item name="bankSlipNo" label="银行回单号" rules={[{ required: true, whitespace: true, message: '请填写银行回单号' }]}>
          <Input data-testid="deposit-slip" autoFocus />
        </Form.Item>
        <Form.Item name="amount" label="存入金额（元，须与登记金额一致）" rules={[{ required: true, message: '请填写存入金额' }]}>
          <InputNumber data-testid="deposit-amount" min={0.01} precision={2} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="accountName" label="专户名称（不填为持有单位的涉案款专户）">
          <Input placeholder={`${item.holdingAgencyName}涉案款专户`} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input />
        </Form.Item>
        <Typography.Text type="warning">现金存入须由第二人见证，并输入其本人密码确认。</Typography.Text>
        <Space style={{ marginTop: 8 }}>
          <Form.Item name="witnessUsername" label="见证人账号" rules={[{ required: true, whitespace: true, message: '请填写见证人账号' }]}>
            <Input autoComplete="off" data-testid="deposit-witness" />
          </Form.Item>
          <Form.Item name="witnessPassword" label="见证人密码" rules={[{ required: true, message: '请填写见证人密码' }]}>
            <Input.Password autoComplete="new-password" data-testid="deposit-witness-password" />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
