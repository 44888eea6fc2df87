/** 申请调用 (case officer): scan or type the items, purpose, due date, reason, borrower; submit for approval. */
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Card, Col, DatePicker, Form, Input, Row, Select, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ItemDto } from '@shared/api/item.contract';
import type { RequestDto } from '@shared/api/request.contract';
import { ITEM_STATUS_LABELS } from '@shared/domain/enums';
import { LOAN_PURPOSES, LOAN_PURPOSE_LABELS, type LoanPurpose } from '@shared/domain/requests';
import { call, callQuiet } from '../../api/client';
import { useSession } from '../../app/session';
import { useAction, errorText } from '../../components/use-action';
import { ScanBox } from '../../components/ScanBox';
import { useScanClaims } from '../../components/use-scan-claims';
import { fmtTime } from '../../components/labels';
import { beepOk, scanError } from '../../scanner';

type Values = { purpose: LoanPurpose; dueAt: Dayjs; reason: string; borrowerName: string; borrowerIdNo?: string };

export function LoanRequestPage() {
  const { user } = useSession();
  const [items, setItems] = useState<ItemDto[]>([]);
  const claimed = useScanClaims<string>();
  const [created, setCreated] = useState<RequestDto | null>(null);
  const [form] = Form.useForm<Values>();
  const { run, busy, message } = useAction();

  const onCode = async (code: string) => {
    if (!claimed.claim(code)) return scanError(`物品 ${code} 已在清单中`);
    try {
      const item = await callQuiet('item.byCode', { code });
      const refuse = (text: string) => {
        claimed.release(code);
        scanError(text);
      };
      if (item.status !== 'IN_STORE') return refuse(`物品 ${code}（${item.name}）当前状态为「${ITEM_STATUS_LABELS[item.status]}」，只有在库物品可以调用`);
      if (item.holdingAgencyId !== user.agencyId) return refuse(`物品 ${code} 的保管责任单位为${item.holdingAgencyName}，${user.agencyName}不能申请调用`);
      if (item.openRequestNo) return refuse(`物品 ${code} 已在未完结的申请单 ${item.openRequestNo} 中`);
      beepOk();
      setCreated(null);
      setItems((is) => [...is, item]);
    } catch (e) {
      claimed.release(code);
      scanError(errorText(e).title);
    }
  };

  const submit = async (v: Values) => {
    if (!items.length) return void message.error('请先扫描或输入要调用的物品编码');
    const r = await run(() =>
      call('request.create', {
        kind: 'loan',
        itemIds: items.map((i) => i.id),
        purpose: v.purpose,
        dueAt: v.dueAt.toISOString(),
        reason: v.reason.trim(),
        borrower: { name: v.borrowerName.trim(), idNo: v.borrowerIdNo?.trim() || undefined },
      }),
    );
    if (r) {
      setCreated(r);
      setItems([]);
      claimed.clear();
      form.resetFields(['reason']);
    }
  };

  return (
    <Card title="申请调用" styles={{ body: { paddingTop: 12 } }} extra={<Link to="/new-request">移送、发还、处置等其他申请 →</Link>}>
      {created && <Alert type="success" showIcon style={{ marginBottom: 8 }} data-testid="loan-created" title={`已提交调用申请 ${created.requestNo}（${created.items.length} 件，归还期限 ${fmtTime(created.dueAt)}），${created.waitingFor}`} />}
      <ScanBox onCode={onCode} placeholder="扫描或输入要调用的物品编码后回车" testId="loan-item-scan" />
      <Table<ItemDto>
        style={{ margin: '8px 0' }}
        size="small"
        rowKey="id"
        dataSource={items}
        pagination={false}
        scroll={{ y: 200 }}
        locale={{ emptyText: '尚未添加物品' }}
        columns={[
          { title: '物品编码', dataIndex: 'code', width: 200 },
          { title: '名称', dataIndex: 'name' },
          { title: '案件', dataIndex: 'caseNo', width: 200 },
          { title: '库位', dataIndex: 'locationPath', width: 200 },
          { title: '', width: 60, render: (_, i) => <Button size="small" type="link" onClick={() => { claimed.release(i.code); setItems((is) => is.filter((x) => x.id !== i.id)); }}>移除</Button> },
        ]}
      />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ purpose: 'appraisal', dueAt: dayjs().add(3, 'day').hour(17).minute(0), borrowerName: user.displayName, borrowerIdNo: user.badgeNo ?? undefined }}>
        <Row gutter={12}>
          <Col span={4}><Form.Item label="用途" name="purpose" rules={[{ required: true }]}><Select options={LOAN_PURPOSES.map((p) => ({ value: p, label: LOAN_PURPOSE_LABELS[p] }))} /></Form.Item></Col>
          <Col span={5}>
            <Form.Item label="归还期限" name="dueAt" rules={[{ required: true, message: '请选择归还期限' }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} data-testid="loan-due" />
            </Form.Item>
          </Col>
          <Col span={4}><Form.Item label="借用人" name="borrowerName" rules={[{ required: true, message: '请填写借用人' }]}><Input /></Form.Item></Col>
          <Col span={4}><Form.Item label="证件/警号" name="borrowerIdNo"><Input /></Form.Item></Col>
          <Col span={7}><Form.Item label="调用事由" name="reason" rules={[{ required: true, message: '请填写调用事由' }]}><Input data-testid="loan-reason" /></Form.Item></Col>
        </Row>
        <Typography.Text type="secondary" style={{ marginRight: 12 }}>共 {items.length} 件，提交后由本单位审批人审批。</Typography.Text>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="loan-submit">提交申请</Button>
      </Form>
    </Card>
  );
}
