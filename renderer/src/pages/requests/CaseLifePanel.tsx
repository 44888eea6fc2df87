/** The case's type and each agency's number, and (for the hosting agency) the stage change on a document. */
import { useState } from 'react';
import { Button, Descriptions, Form, Input, Modal, Radio, Select, Space } from 'antd';
import type { CaseDto } from '@shared/api/item.contract';
import { AGENCY_CASE_NO_LABELS, CASE_STAGE_MOVES, CASE_TYPE_LABELS, type StageDocKind } from '@shared/domain/case-life';
import { CASE_STAGE_LABELS, type AgencyKind, type CaseStage } from '@shared/domain/enums';
import { call } from '../../api/client';
import { useAction } from '../../components/use-action';
import { useCan, useSession } from '../../app/session';

type StageValues = { to: CaseStage; docKind: StageDocKind; docNo: string; docDate: string; note?: string };
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

function StageDialog({ c, onClose }: { c: CaseDto; onClose(changed: boolean): void }) {
  const { run, busy } = useAction();
  const [form] = Form.useForm<StageValues>();
  const moves = CASE_STAGE_MOVES[c.stage];
  const to = Form.useWatch('to', form) ?? moves[0]?.to;
  const move = moves.find((m) => m.to === to) ?? moves[0]!;
  const submit = async (v: StageValues) => {
    const done = await run(() => call('case.changeStage', { caseId: c.id, ...v }), { success: `已${move.label}：${CASE_STAGE_LABELS[c.stage]} → ${CASE_STAGE_LABELS[v.to]}` });
    if (done) onClose(true);
  };
  return (
    <Modal open title={`变更诉讼阶段：${c.caseNo}`} okText="确认变更" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={() => onClose(false)} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ to: moves[0]!.to, docKind: moves[0]!.docs[0], docDate: today() }} data-testid="stage-form">
        <Form.Item name="to" label={`当前「${CASE_STAGE_LABELS[c.stage]}」，办理`}>
          <Radio.Group
            onChange={(e) => form.setFieldValue('docKind', moves.find((m) => m.to === e.target.value)!.docs[0])}
            options={moves.map((m) => ({ value: m.to, label: `${m.label}（→ ${CASE_STAGE_LABELS[m.to]}）` }))}
          />
        </Form.Item>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item name="docKind" label="文书种类" style={{ width: 200 }}>
            <Select data-testid="stage-doc-kind" options={move.docs.map((d) => ({ value: d, label: `《${d}》` }))} />
          </Form.Item>
          <Form.Item name="docNo" label="文书编号" rules={[{ required: true, message: '请填写文书编号' }]} style={{ flex: 1 }}>
            <Input data-testid="stage-doc-no" autoFocus />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="docDate" label="文书日期" rules={[{ required: true, message: '请填写文书日期' }]}>
          <Input type="date" data-testid="stage-doc-date" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function CaseLifePanel({ c, onChanged }: { c: CaseDto; onChanged(): void }) {
  const can = useCan();
  const { user } = useSession();
  const { run } = useAction();
  const [changing, setChanging] = useState(false);
  const [no, setNo] = useState('');
  const host = can('case.stage') && user.agencyId === c.hostAgencyId;
  const myNoLabel = AGENCY_CASE_NO_LABELS[user.agencyKind as AgencyKind];
  const saveNo = async () => {
    if (await run(() => call('case.setAgencyNo', { caseId: c.id, no }), { success: `已登记${myNoLabel}` })) {
      setNo('');
      onChanged();
    }
  };
  return (
    <>
      <Descriptions size="small" column={4} style={{ marginTop: 4 }}>
        <Descriptions.Item label="案件类型"><span data-testid="case-type">{c.caseType ? CASE_TYPE_LABELS[c.caseType] : '—'}</span></Descriptions.Item>
        <Descriptions.Item label="公安案件编号">{c.policeNo ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="检察受案号">{c.procuratorateNo ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="法院案号"><span data-testid="case-court-no">{c.courtNo ?? '—'}</span></Descriptions.Item>
      </Descriptions>
      <Space wrap>
        {host && CASE_STAGE_MOVES[c.stage].length > 0 && (
          <Button type="primary" ghost data-testid="btn-change-stage" onClick={() => setChanging(true)}>变更诉讼阶段</Button>
        )}
        {can('case.stage') && myNoLabel && (
          <Space.Compact>
            <Input data-testid="agency-no" placeholder={`登记本单位${myNoLabel}`} value={no} onChange={(e) => setNo(e.target.value)} style={{ width: 240 }} onPressEnter={() => no.trim() && void saveNo()} />
            <Button data-testid="btn-agency-no" disabled={!no.trim()} onClick={() => void saveNo()}>登记</Button>
          </Space.Compact>
        )}
      </Space>
      {changing && <StageDialog c={c} onClose={(changed) => { setChanging(false); if (changed) onChanged(); }} />}
    </>
  );
}
