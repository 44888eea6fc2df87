/**
 * 登记去向: an item that left the centre with its case (移送出库) and is now held by the user's agency — record its
 * return to the owner, destruction, confiscation or handing to another authority, on a document.
 */
import { DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ItemDto } from '@shared/api/item.contract';
import { AWAY_OUTCOMES, AWAY_OUTCOME_LABELS, type AwayOutcome } from '@shared/domain/lots';
import { call } from '../../api/client';
import { useAction } from '../../components/use-action';

type Values = { outcome: AwayOutcome; docNo: string; outcomeDate: Dayjs; receiverName?: string; note?: string };

export function AwayOutcomeDialog({ item, open, onClose, onDone }: { item: ItemDto; open: boolean; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm<Values>();
  const { run, busy } = useAction();
  const outcome = Form.useWatch('outcome', form);
  const needsReceiver = outcome === 'returned' || outcome === 'handed_over';
  const submit = async (v: Values) => {
    const r = await run(
      () => call('item.recordOutcome', { itemId: item.id, outcome: v.outcome, docNo: v.docNo, outcomeDate: v.outcomeDate.format('YYYY-MM-DD'), receiverName: v.receiverName, note: v.note }),
      { success: `已登记去向：${AWAY_OUTCOME_LABELS[v.outcome]}` },
    );
    if (!r) return;
    onDone();
    onClose();
  };
  return (
    <Modal open={open} title={`登记去向：${item.code} ${item.name}`} okText="登记" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ outcome: 'returned', outcomeDate: dayjs() }}>
        <Form.Item name="outcome" label="去向">
          <Radio.Group optionType="button" data-testid="away-outcome" options={AWAY_OUTCOMES.map((o) => ({ value: o, label: AWAY_OUTCOME_LABELS[o] }))} />
        </Form.Item>
        <Form.Item name="docNo" label="依据文书编号" rules={[{ required: true, whitespace: true, message: '请填写依据文书编号' }]}>
          <Input data-testid="away-doc-no" maxLength={80} placeholder="如 判决书、发还清单、销毁记录的文号" />
        </Form.Item>
        <Form.Item name="outcomeDate" label="办理日期" rules={[{ required: true, message: '请选择办理日期' }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        {needsReceiver && (
          <Form.Item name="receiverName" label={outcome === 'returned' ? '领取人' : '接收机关'} rules={[{ required: true, whitespace: true, message: '请填写' }]}>
            <Input data-testid="away-receiver" maxLength={50} />
          </Form.Item>
        )}
        <Form.Item name="note" label="备注">
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
