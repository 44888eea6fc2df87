/** Registers one off-site item (冻结 / 查封 / 异地保管) for a case of the officer's agency, straight into 外部保管. */
import { useState } from 'react';
import { Col, Form, Input, InputNumber, Modal, Radio, Row } from 'antd';
import type { CaseDto } from '@shared/api/item.contract';
import { EXTERNAL_INSTITUTION_LABELS, EXTERNAL_KIND_LABELS, EXTERNAL_KINDS, EXTERNAL_TERM_MONTHS, addMonths, type ExternalKind } from '@shared/domain/external';
import { call } from '../../api/client';
import { useAction } from '../../components/use-action';
import { useSession } from '../../app/session';
import { CasePicker } from '../desk/CasePicker';

type Values = {
  kase: CaseDto | null;
  kind: ExternalKind;
  name: string;
  institution: string;
  accountNo?: string;
  amount?: number;
  certificateNo?: string;
  address?: string;
  estimatedValue?: number;
  ownerName?: string;
  noticeNo: string;
  seizureDocNo: string;
  startDate: string;
  endDate?: string;
};

export function ExternalRegisterDialog({ onClose }: { onClose(changed: boolean): void }) {
  const { user } = useSession();
  const { run, busy } = useAction();
  const [form] = Form.useForm<Values>();
  const [kind, setKind] = useState<ExternalKind>('deposit');
  const start = Form.useWatch('startDate', form);
  const defaultEnd = start && /^\d{4}-\d{2}-\d{2}$/.test(start) ? addMonths(start, EXTERNAL_TERM_MONTHS[kind]) : '';

  const submit = async (v: Values) => {
    const done = await run(
      () =>
        call('external.register', {
          caseId: v.kase!.id,
          seizureDocNo: v.seizureDocNo,
          seizedAt: new Date(`${v.startDate}T00:00:00+08:00`).toISOString(),
          seizedBy: user.displayName,
          items: [
            {
              kind: v.kind,
              name: v.name,
              institution: v.institution,
              accountNo: v.accountNo,
              amount: v.amount,
              certificateNo: v.certificateNo,
              address: v.address,
              estimatedValue: v.estimatedValue,
              ownerName: v.ownerName,
              noticeNo: v.noticeNo,
              startDate: v.startDate,
              endDate: v.endDate || undefined,
              unit: v.kind === 'movable' ? '辆/件' : '项',
            },
          ],
        }),
      { success: `已登记${EXTERNAL_KIND_LABELS[v.kind]}「${v.name}」，直接进入外部保管` },
    );
    if (done) onClose(true);
  };

  return (
    <Modal open title="登记外部保管财物" width={760} okText="登记" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={() => onClose(false)} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: 'deposit', kase: null }} onFinish={submit} data-testid="external-form">
        <Form.Item name="kase" label="案件" rules={[{ required: true, message: '请选择案件' }]}>
          <CasePicker hostAgencyId={user.agencyId} allowCreate={false} />
        </Form.Item>
        <Form.Item name="kind" label="类别">
          <Radio.Group onChange={(e) => setKind(e.target.value as ExternalKind)} options={EXTERNAL_KINDS.map((k) => ({ value: k, label: EXTERNAL_KIND_LABELS[k] }))} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写名称' }]}>
              <Input data-testid="ext-name" placeholder={kind === 'deposit' ? '如：张三工商银行账户存款' : kind === 'real_estate' ? '如：滨城区住宅一套' : '如：奥迪A6轿车'} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="institution" label={EXTERNAL_INSTITUTION_LABELS[kind]} rules={[{ required: true, message: `请填写${EXTERNAL_INSTITUTION_LABELS[kind]}` }]}>
              <Input data-testid="ext-institution" />
            </Form.Item>
          </Col>
        </Row>
        {kind === 'deposit' && (
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="accountNo" label="账号" rules={[{ required: true, message: '请填写账号' }]}>
                <Input data-testid="ext-account" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="amount" label="冻结金额（元）" rules={[{ required: true, message: '请填写冻结金额' }]}>
                <InputNumber data-testid="ext-amount" min={0} precision={2} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        )}
        {kind === 'real_estate' && (
          <Form.Item name="certificateNo" label="不动产权证号" rules={[{ required: true, message: '请填写不动产权证号' }]}>
            <Input data-testid="ext-certificate" />
          </Form.Item>
        )}
        {kind !== 'deposit' && (
          <Row gutter={12}>
            <Col span={16}>
              <Form.Item name="address" label={kind === 'real_estate' ? '坐落地址' : '保管地址'} rules={[{ required: true, message: '请填写地址' }]}>
                <Input data-testid="ext-address" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="estimatedValue" label="估价（元）">
                <InputNumber data-testid="ext-value" min={0} precision={2} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="seizureDocNo" label="冻结/查封/扣押决定书文号" rules={[{ required: true, message: '请填写决定书文号' }]}>
              <Input data-testid="ext-doc" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="noticeNo" label="协助冻结/查封通知书编号" rules={[{ required: true, message: '请填写通知书编号' }]}>
              <Input data-testid="ext-notice" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="startDate" label="起始日期" rules={[{ required: true, message: '请填写起始日期' }]}>
              <Input type="date" data-testid="ext-start" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="endDate" label="届满日期" extra={defaultEnd ? `不填则按规定期限：${defaultEnd}` : `默认期限 ${EXTERNAL_TERM_MONTHS[kind]} 个月`}>
              <Input type="date" data-testid="ext-end" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="ownerName" label="权利人">
              <Input data-testid="ext-owner" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
