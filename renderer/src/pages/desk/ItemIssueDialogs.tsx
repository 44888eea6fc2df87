/** 报告遗失 (approved by the holding agency), 找回 (then a new put-away) and 登记差异 (seal, shortage, damage, swap). */
import { useState } from 'react';
import { Form, Input, InputNumber, Modal, Radio, Typography } from 'antd';
import type { ItemDto } from '@shared/api/item.contract';
import { DISCREPANCY_KINDS, DISCREPANCY_KIND_LABELS, type DiscrepancyKind } from '@shared/domain/corrections';
import { call } from '../../api/client';
import { useAction } from '../../components/use-action';
import { fmtMoney } from '../../components/labels';
import { isCashOrValuable, WitnessInline, witnessOrNone, type WitnessCreds } from '../../components/WitnessInline';

type Props = { item: ItemDto; open: boolean; onClose(): void; onDone(): void };
const NO_WITNESS: WitnessCreds = { username: '', password: '' };

export function LostDialog({ item, open, onClose, onDone }: Props) {
  const [form] = Form.useForm<{ reason: string }>();
  const { run, busy } = useAction();
  const submit = async (v: { reason: string }) => {
    const ok = await run(() => call('lost.report', { itemId: item.id, reason: v.reason }), { success: '遗失报告已提交，待持有单位审批人审批' });
    if (ok) {
      onDone();
      onClose();
    }
  };
  return (
    <Modal open={open} title={`报告遗失：${item.code} ${item.name}`} okText="提交审批" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">审批通过后物品状态改为「遗失」并写入流转记录；日后找回可登记找回并重新上架。</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label="遗失情况" rules={[{ required: true, whitespace: true, message: '请填写遗失情况' }]}>
          <Input.TextArea rows={3} placeholder="何时发现、最后所在库位、已查找的范围" data-testid="lost-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function FoundDialog({ item, open, onClose, onDone }: Props) {
  const [form] = Form.useForm<{ note: string }>();
  const [witness, setWitness] = useState<WitnessCreds>(NO_WITNESS);
  const { run, busy } = useAction();
  const submit = async (v: { note: string }) => {
    const w = witnessOrNone(witness);
    const ok = await run(() => call('item.found', { itemId: item.id, note: v.note, ...(w ? { witness: w } : {}) }), { success: '已登记找回，请扫描库位重新上架' });
    if (ok) {
      setWitness(NO_WITNESS);
      onDone();
      onClose();
    }
  };
  return (
    <Modal open={open} title={`遗失物品找回：${item.code} ${item.name}`} okText="登记找回" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="note" label="找回情况" rules={[{ required: true, whitespace: true, message: '请填写找回情况' }]}>
          <Input.TextArea rows={3} placeholder="在何处、由谁找回，物品状况" data-testid="found-note" />
        </Form.Item>
      </Form>
      {isCashOrValuable(item) && <WitnessInline what="找回" value={witness} onChange={setWitness} />}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>找回后物品为「在库（未上架）」，请到「上架/移位」扫描库位和物品重新上架。</Typography.Paragraph>
    </Modal>
  );
}

type DiscValues = { kind: DiscrepancyKind; note: string; observedSealNo?: string; cashAmountFound?: number };

/** 登记差异; `preset` opens it from the seal screen with the seal number found on the package. */
export function DiscrepancyDialog({ item, open, onClose, onDone, preset }: Props & { preset?: { kind: DiscrepancyKind; observedSealNo?: string } }) {
  const [form] = Form.useForm<DiscValues>();
  const [witness, setWitness] = useState<WitnessCreds>(NO_WITNESS);
  const { run, busy } = useAction();
  const kind = Form.useWatch('kind', form) ?? preset?.kind ?? 'seal';
  const cash = item.category === 'cash' || item.flags.includes('cash');
  const submit = async (v: DiscValues) => {
    const w = witnessOrNone(witness);
    const ok = await run(
      () =>
        call('discrepancy.record', {
          itemId: item.id,
          kind: v.kind,
          note: v.note,
          observedSealNo: v.kind === 'seal' ? v.observedSealNo : undefined,
          cashAmountFound: v.kind === 'shortage' && v.cashAmountFound != null ? v.cashAmountFound : undefined,
          ...(w ? { witness: w } : {}),
        }),
      { success: '已登记差异' },
    );
    if (ok) {
      setWitness(NO_WITNESS);
      onDone();
      onClose();
    }
  };
  return (
    <Modal open={open} width={620} title={`登记差异：${item.code} ${item.name}`} okText="登记" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form<DiscValues> form={form} layout="vertical" onFinish={submit} initialValues={{ kind: preset?.kind ?? 'seal', observedSealNo: preset?.observedSealNo }}>
        <Form.Item name="kind" label="差异类型">
          <Radio.Group optionType="button" options={DISCREPANCY_KINDS.map((k) => ({ value: k, label: DISCREPANCY_KIND_LABELS[k] }))} data-testid="disc-kind" />
        </Form.Item>
        {kind === 'seal' && (
          <Form.Item name="observedSealNo" label={`现场封签号（登记为 ${item.sealNo ?? '无'}；封签破损无号可不填）`}>
            <Input data-testid="disc-seal" />
          </Form.Item>
        )}
        {kind === 'shortage' && cash && (
          <Form.Item name="cashAmountFound" label={`清点金额（登记为 ${fmtMoney(item.cashAmount)}；填写后按清点金额更正，须见证人确认）`}>
            <InputNumber min={0} style={{ width: 240 }} data-testid="disc-amount" />
          </Form.Item>
        )}
        <Form.Item name="note" label="差异说明" rules={[{ required: true, whitespace: true, message: '请填写差异说明' }]}>
          <Input.TextArea rows={2} placeholder="发现经过、现场情况" data-testid="disc-note" />
        </Form.Item>
      </Form>
      {isCashOrValuable(item) && <WitnessInline what="登记差异" value={witness} onChange={setWitness} />}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>现场照片可在物品页「照片」中添加。</Typography.Paragraph>
    </Modal>
  );
}
