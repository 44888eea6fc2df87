/** 续冻/续封 (a new end date) or 解冻/解封 (release), each on its notice number. */
import { Descriptions, Form, Input, Modal } from 'antd';
import type { ExternalDto } from '@shared/api/external.contract';
import { EXTERNAL_KIND_LABELS, EXTERNAL_RELEASE_LABELS, EXTERNAL_RENEW_LABELS } from '@shared/domain/external';
import { call } from '../../api/client';
import { useAction } from '../../components/use-action';

export type TermAction = 'renew' | 'release';
type Values = { noticeNo: string; date: string; note?: string };

export function ExternalTermDialog({ action, row, onClose }: { action: TermAction; row: ExternalDto; onClose(changed: boolean): void }) {
  const { run, busy } = useAction();
  const [form] = Form.useForm<Values>();
  const what = action === 'renew' ? EXTERNAL_RENEW_LABELS[row.kind] : EXTERNAL_RELEASE_LABELS[row.kind];
  const submit = async (v: Values) => {
    const done =
      action === 'renew'
        ? await run(() => call('external.renew', { itemId: row.itemId, noticeNo: v.noticeNo, endDate: v.date, note: v.note }), { success: `已${what}，期限至 ${v.date}` })
        : await run(() => call('external.release', { itemId: row.itemId, noticeNo: v.noticeNo, releasedOn: v.date, note: v.note }), { success: `已${what}` });
    if (done) onClose(true);
  };
  return (
    <Modal open title={`${what}：${row.itemCode}`} okText={what} cancelText="取消" okButtonProps={{ danger: action === 'release' }} confirmLoading={busy} onOk={() => form.submit()} onCancel={() => onClose(false)}>
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="财物">{row.itemName}（{EXTERNAL_KIND_LABELS[row.kind]}）</Descriptions.Item>
        <Descriptions.Item label="当前期限">{row.startDate} 至 {row.endDate}</Descriptions.Item>
      </Descriptions>
      <Form form={form} layout="vertical" onFinish={submit} data-testid="term-form">
        <Form.Item name="noticeNo" label={action === 'renew' ? `${what}通知书编号` : '解除冻结/查封/扣押通知书编号'} rules={[{ required: true, message: '请填写通知书编号' }]}>
          <Input data-testid="term-notice" autoFocus />
        </Form.Item>
        <Form.Item name="date" label={action === 'renew' ? '新的届满日期' : `${what}日期`} rules={[{ required: true, message: '请填写日期' }]}>
          <Input type="date" data-testid="term-date" />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
