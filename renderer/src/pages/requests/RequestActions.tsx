/**
 * Action buttons on a request for the signed-in user (from request.get's `actions`), each with its confirm dialog.
 * Decisions that cannot be undone (批准, 驳回, 接收, 拒收, 撤销) list what will happen; only the dialog's button submits
 * (Enter in a field does not).
 */
import { useState } from 'react';
import { Button, DatePicker, Form, Input, Modal, Space } from 'antd';
import { CheckOutlined, CloseOutlined, StopOutlined, ClockCircleOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { RequestDto } from '@shared/api/request.contract';
import { call } from '../../api/client';
import { useAction } from '../../components/use-action';
import { notifyInboxChanged } from './request-ui';
import { IrreversibleSummary } from '../../components/confirm-irreversible';
import { requestFacts, requestItems } from './request-confirm';

type Dialog =
  | { kind: 'decide'; approve: boolean }
  | { kind: 'accept'; accept: boolean }
  | { kind: 'cancel' }
  | { kind: 'extend' }
  | { kind: 'decideExtension'; approve: boolean };

type Values = { comment?: string; reason?: string; counterpartName?: string; counterpartIdNo?: string; newDueAt?: Dayjs };

const TITLES = (d: Dialog): { title: string; ok: string; danger?: boolean } => {
  switch (d.kind) {
    case 'decide':
      return d.approve ? { title: '批准申请', ok: '确认批准' } : { title: '驳回申请', ok: '确认驳回', danger: true };
    case 'accept':
      return d.accept ? { title: '确认接收移送', ok: '确认接收' } : { title: '拒收移送', ok: '确认拒收', danger: true };
    case 'cancel':
      return { title: '撤销申请', ok: '确认撤销', danger: true };
    case 'extend':
      return { title: '申请延期', ok: '提交延期申请' };
    case 'decideExtension':
      return d.approve ? { title: '批准延期', ok: '确认批准延期' } : { title: '驳回延期', ok: '确认驳回延期', danger: true };
  }
};

/** What the decision does, for the irreversible ones (null: extension requests, which can be decided again). */
function outcome(d: Dialog, r: RequestDto): string | null {
  switch (d.kind) {
    case 'decide':
      return d.approve ? '批准后申请单进入执行环节，审批结论不可更改。' : '驳回后申请单终止，物品解除本申请，不可撤销。';
    case 'accept':
      return d.accept
        ? r.mode === 'physical'
          ? `接收后等待扫描入库，物品的保管责任单位将变更为${r.toAgencyName ?? '本单位'}，不可撤销。`
          : `接收后物品的保管责任单位立即变更为${r.toAgencyName ?? '本单位'}（实物不动），不可撤销。`
        : `拒收后本次移送终止，物品仍由${r.fromAgencyName}保管，不可撤销。`;
    case 'cancel':
      return '撤销后申请单终止，不可恢复；如仍需办理须重新申请。';
    default:
      return null;
  }
}

export function RequestActions({ r, onChanged }: { r: RequestDto; onChanged(next: RequestDto): void }) {
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [form] = Form.useForm<Values>();
  const { run, busy } = useAction();
  const has = (a: RequestDto['actions'][number]) => r.actions.includes(a);
  const open = (d: Dialog) => {
    form.resetFields();
    setDialog(d);
  };

  const submit = async (v: Values) => {
    if (!dialog) return;
    const counterpart = v.counterpartName ? { name: v.counterpartName, idNo: v.counterpartIdNo || undefined } : undefined;
    const fn = () => {
      switch (dialog.kind) {
        case 'decide':
          return call('request.decide', { id: r.id, approve: dialog.approve, comment: v.comment || undefined });
        case 'accept':
          return call('request.accept', { id: r.id, accept: dialog.accept, comment: v.comment || undefined, counterpart });
        case 'cancel':
          return call('request.cancel', { id: r.id, reason: v.reason ?? '' });
        case 'extend':
          return call('loan.extend', { requestId: r.id, newDueAt: v.newDueAt!.toISOString(), reason: v.reason ?? '' });
        case 'decideExtension':
          return call('loan.decideExtension', { requestId: r.id, approve: dialog.approve, comment: v.comment || undefined });
      }
    };
    const next = await run(fn, { success: `${TITLES(dialog).title}：已完成` });
    if (!next) return;
    setDialog(null);
    notifyInboxChanged();
    onChanged(next);
  };

  const t = dialog ? TITLES(dialog) : null;
  const needComment = dialog && ((dialog.kind === 'accept' && !dialog.accept) || (dialog.kind === 'decide' && !dialog.approve));
  return (
    <Space wrap data-testid="request-actions">
      {has('decide') && (
        <>
          <Button type="primary" icon={<CheckOutlined />} onClick={() => open({ kind: 'decide', approve: true })}>
            批准
          </Button>
          <Button danger icon={<CloseOutlined />} onClick={() => open({ kind: 'decide', approve: false })}>
            驳回
          </Button>
        </>
      )}
      {has('accept') && (
        <>
          <Button type="primary" icon={<CheckOutlined />} onClick={() => open({ kind: 'accept', accept: true })}>
            确认接收
          </Button>
          <Button danger icon={<CloseOutlined />} onClick={() => open({ kind: 'accept', accept: false })}>
            拒收
          </Button>
        </>
      )}
      {has('decideExtension') && (
        <>
          <Button type="primary" icon={<CheckOutlined />} onClick={() => open({ kind: 'decideExtension', approve: true })}>
            批准延期
          </Button>
          <Button danger onClick={() => open({ kind: 'decideExtension', approve: false })}>
            驳回延期
          </Button>
        </>
      )}
      {has('extend') && (
        <Button icon={<ClockCircleOutlined />} onClick={() => open({ kind: 'extend' })}>
          申请延期
        </Button>
      )}
      {has('cancel') && (
        <Button icon={<StopOutlined />} onClick={() => open({ kind: 'cancel' })}>
          撤销申请
        </Button>
      )}
      <Modal
        open={!!dialog}
        title={t?.title}
        okText={t?.ok}
        okButtonProps={{ danger: t?.danger, loading: busy, 'data-testid': 'dialog-ok' } as never}
        onOk={() => form.submit()}
        onCancel={() => setDialog(null)}
        width={dialog && outcome(dialog, r) ? 640 : undefined}
        maskClosable={false}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          onKeyDown={(e) => {
            // Only the dialog's button submits: Enter in a name or date field does nothing.
            if (e.key === 'Enter' && e.target instanceof HTMLInputElement) e.preventDefault();
          }}
        >
          {dialog && outcome(dialog, r) ? (
            <div style={{ marginBottom: 12 }}>
              <IrreversibleSummary spec={{ facts: requestFacts(r), items: requestItems(r), warning: outcome(dialog, r) }} />
            </div>
          ) : (
            <div style={{ marginBottom: 8 }}>
              {r.requestNo}　{r.caseNo ?? ''} {r.caseName ?? ''}（{r.itemCount} 件）
            </div>
          )}
          {(dialog?.kind === 'decide' || dialog?.kind === 'accept' || dialog?.kind === 'decideExtension') && (
            <Form.Item
              label={dialog.kind === 'accept' ? '接收意见' : '审批意见'}
              name="comment"
              rules={needComment ? [{ required: true, whitespace: true, message: '请填写理由' }] : []}
            >
              <Input.TextArea data-testid="dialog-comment" rows={3} maxLength={1000} autoFocus placeholder={needComment ? '必须填写理由' : '可不填'} />
            </Form.Item>
          )}
          {dialog?.kind === 'accept' && dialog.accept && (
            <Space>
              <Form.Item label="接收人（可不填）" name="counterpartName">
                <Input style={{ width: 160 }} />
              </Form.Item>
              <Form.Item label="证件/警号" name="counterpartIdNo">
                <Input style={{ width: 180 }} />
              </Form.Item>
            </Space>
          )}
          {dialog?.kind === 'extend' && (
            <Form.Item label="新的归还期限" name="newDueAt" rules={[{ required: true, message: '请选择新的归还期限' }]} initialValue={dayjs(r.dueAt ?? undefined).add(7, 'day')}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
            </Form.Item>
          )}
          {(dialog?.kind === 'cancel' || dialog?.kind === 'extend') && (
            <Form.Item label={dialog.kind === 'cancel' ? '撤销理由' : '延期理由'} name="reason" rules={[{ required: true, whitespace: true, message: '请填写理由' }]}>
              <Input.TextArea data-testid="dialog-reason" rows={3} maxLength={500} autoFocus />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Space>
  );
}
