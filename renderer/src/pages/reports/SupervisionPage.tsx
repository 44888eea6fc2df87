/**
 * 监督意见 / 纠正违法通知. Inspectors record one (against an item, request, case or agency) and close or return the
 * answers; approvers of the addressed agency see its open records here and answer them (整改情况).
 */
import { useCallback, useEffect, useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  SUPERVISION_KINDS, SUPERVISION_KIND_LABELS, SUPERVISION_STATUS_LABELS, SUPERVISION_TARGETS, SUPERVISION_TARGET_LABELS, type SupervisionDto,
} from '@shared/api/supervision.contract';
import { call } from '../../api/client';
import { useCan } from '../../app/session';
import { useAction } from '../../components/use-action';
import { fmtTime } from '../../components/labels';

type Step = { rec: SupervisionDto; mode: 'answer' | 'close' | 'return' };
const STEP_TITLE = { answer: '回复整改情况', close: '办结', return: '退回重新整改' } as const;

export function SupervisionPage() {
  const can = useCan();
  const inspector = can('supervision.issue');
  const { run, busy } = useAction();
  const [rows, setRows] = useState<SupervisionDto[]>([]);
  const [openOnly, setOpenOnly] = useState(!inspector);
  const [step, setStep] = useState<Step | null>(null);
  const [text, setText] = useState('');
  const [form] = Form.useForm<{ kind: SupervisionDto['kind']; targetType: SupervisionDto['targetType']; target: string; finding: string; legalBasis: string; deadline: Dayjs }>();

  const load = useCallback(async () => {
    const r = await run(() => call('supervision.list', { openOnly }));
    if (r) setRows(r);
  }, [run, openOnly]);
  useEffect(() => void load(), [load]);

  const create = async () => {
    const v = await form.validateFields();
    const r = await run(() => call('supervision.create', { ...v, deadline: v.deadline.endOf('day').toISOString() }), { success: '已记录并送达被监督单位' });
    if (r) {
      form.resetFields(['target', 'finding']);
      void load();
    }
  };
  const submitStep = async () => {
    if (!step) return;
    const { rec, mode } = step;
    const r = await run(() => (mode === 'answer' ? call('supervision.answer', { id: rec.id, answer: text }) : call('supervision.review', { id: rec.id, close: mode === 'close', note: text })), {
      success: `${rec.recordNo} ${STEP_TITLE[mode]}`,
    });
    if (r) {
      setStep(null);
      setText('');
      void load();
    }
  };

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {inspector && (
        <Card size="small" title="记录监督意见 / 纠正违法通知">
          <Form form={form} layout="inline" initialValues={{ kind: 'opinion', targetType: 'item', deadline: dayjs().add(15, 'day') }} style={{ rowGap: 8 }}>
            <Form.Item name="kind"><Select style={{ width: 140 }} options={SUPERVISION_KINDS.map((k) => ({ value: k, label: SUPERVISION_KIND_LABELS[k] }))} /></Form.Item>
            <Form.Item name="targetType"><Select style={{ width: 90 }} options={SUPERVISION_TARGETS.map((k) => ({ value: k, label: SUPERVISION_TARGET_LABELS[k] }))} /></Form.Item>
            <Form.Item name="target" rules={[{ required: true, message: '请填写编号' }]}><Input placeholder="物品编码/申请编号/案件编号/单位代码" style={{ width: 260 }} data-testid="sv-target" /></Form.Item>
            <Form.Item name="deadline" label="整改期限" rules={[{ required: true }]}><DatePicker allowClear={false} /></Form.Item>
            <Form.Item name="finding" rules={[{ required: true, message: '请填写发现的问题' }]} style={{ width: '100%' }}><Input.TextArea rows={2} placeholder="发现的问题" data-testid="sv-finding" /></Form.Item>
            <Form.Item name="legalBasis" rules={[{ required: true, message: '请填写法律依据' }]}><Input placeholder="法律依据" style={{ width: 420 }} data-testid="sv-basis" /></Form.Item>
            <Button type="primary" onClick={() => void create()} loading={busy} data-testid="sv-create">记录并送达</Button>
          </Form>
        </Card>
      )}
      <Card size="small" title={inspector ? '监督意见' : '本单位收到的监督意见'} extra={<Space>只看未办结<Switch checked={openOnly} onChange={setOpenOnly} /></Space>}>
        <Table
          size="small"
          rowKey="id"
          dataSource={rows}
          loading={busy}
          pagination={{ pageSize: 10, showSizeChanger: false }}
          data-testid="sv-table"
          expandable={{ expandedRowRender: (r) => <div>法律依据：{r.legalBasis}<br />整改情况：{r.answer ?? '—'}{r.answeredByName ? `（${r.answeredByName}，${fmtTime(r.answeredAt)}）` : ''}<br />审查意见：{r.closeNote ?? '—'}</div> }}
          columns={[
            { title: '编号', dataIndex: 'recordNo', key: 'no', width: 130 },
            { title: '类型', key: 'kind', width: 100, render: (_, r) => SUPERVISION_KIND_LABELS[r.kind] },
            { title: '对象', key: 'target', width: 190, render: (_, r) => `${SUPERVISION_TARGET_LABELS[r.targetType]}：${r.targetLabel}` },
            { title: '被监督单位', dataIndex: 'agencyName', key: 'agency', width: 120 },
            { title: '发现的问题', dataIndex: 'finding', key: 'finding' },
            { title: '整改期限', key: 'deadline', width: 110, render: (_, r) => <span style={r.overdue ? { color: '#cf1322' } : undefined}>{fmtTime(r.deadline).slice(0, 10)}{r.overdue ? '（逾期）' : ''}</span> },
            { title: '状态', key: 'status', width: 100, render: (_, r) => <Tag color={r.status === 'CLOSED' ? 'green' : r.status === 'ANSWERED' ? 'blue' : 'orange'} data-testid="sv-status">{SUPERVISION_STATUS_LABELS[r.status]}</Tag> },
            {
              title: '操作', key: 'act', width: 120,
              render: (_, r) => (
                <Space size={4}>
                  {!inspector && r.status === 'OPEN' && can('supervision.answer') && <Button size="small" type="primary" onClick={() => setStep({ rec: r, mode: 'answer' })} data-testid="sv-answer">回复</Button>}
                  {inspector && r.status === 'ANSWERED' && (
                    <>
                      <Button size="small" type="primary" onClick={() => setStep({ rec: r, mode: 'close' })} data-testid="sv-close">办结</Button>
                      <Button size="small" onClick={() => setStep({ rec: r, mode: 'return' })}>退回</Button>
                    </>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Modal open={!!step} title={step ? `${STEP_TITLE[step.mode]}：${step.rec.recordNo}` : ''} onCancel={() => setStep(null)} onOk={() => void submitStep()} okButtonProps={{ disabled: !text.trim(), loading: busy, ...{ 'data-testid': 'sv-step-ok' } }} okText="提交">
        {step && <p>{step.rec.finding}</p>}
        <Input.TextArea rows={3} value={text} onChange={(e) => setText(e.target.value)} placeholder={step?.mode === 'answer' ? '整改情况' : '审查意见'} data-testid="sv-step-text" />
      </Modal>
    </Space>
  );
}
