/** Pick a case of one host agency by searching its number or name; a case officer may also create one. */
import { useEffect, useState } from 'react';
import { Button, Form, Input, Modal, Select, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { CaseDto } from '@shared/api/item.contract';
import { CASE_STAGE_LABELS } from '@shared/domain/enums';
import { CASE_TYPE_LABELS, CASE_TYPES, type CaseType } from '@shared/domain/case-life';
import { call } from '../../api/client';
import { useAction } from '../../components/use-action';

type NewCase = { caseNo: string; name: string; cause?: string; officerName?: string; caseType?: CaseType };
type Props = {
  value?: CaseDto | null;
  onChange?(c: CaseDto | null): void;
  /** Only cases hosted by this agency are offered; nothing is offered until it is known. */
  hostAgencyId: number | undefined;
  allowCreate: boolean;
  status?: 'error';
};

export function CasePicker({ value, onChange, hostAgencyId, allowCreate, status }: Props) {
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<CaseDto[]>([]);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<NewCase>();
  const { run, busy } = useAction();

  useEffect(() => {
    if (!hostAgencyId) return void setOptions([]);
    const t = setTimeout(() => void run(() => call('case.list', { q: q || undefined, hostAgencyId, limit: 30 })).then((r) => r && setOptions(r.rows)), 250);
    return () => clearTimeout(t);
  }, [q, hostAgencyId, run]);

  const create = async (v: NewCase) => {
    const c = await run(() => call('case.create', v), { success: `已新建案件 ${v.caseNo}` });
    if (c) {
      setCreating(false);
      onChange?.(c);
    }
  };
  const all = value && !options.some((o) => o.id === value.id) ? [value, ...options] : options;
  const empty = !hostAgencyId ? '请先选择案件单位' : allowCreate ? '没有找到本单位的案件，可点击「新建案件」' : '该单位没有匹配的案件（案件由办案单位新建）';

  return (
    <Space.Compact style={{ width: '100%', display: 'flex' }}>
      <Select
        data-testid="case-picker"
        showSearch={{ filterOption: false, onSearch: setQ }}
        loading={busy}
        disabled={!hostAgencyId}
        status={status}
        placeholder={hostAgencyId ? '输入案件编号或案件名称查找' : '请先选择案件单位'}
        style={{ flex: 1, minWidth: 0 }}
        value={value?.id}
        onChange={(id: number | undefined) => onChange?.(all.find((c) => c.id === id) ?? null)}
        allowClear
        options={all.map((c) => ({ value: c.id, label: `${c.caseNo}　${c.name}（${CASE_STAGE_LABELS[c.stage]}，${c.itemCount} 件）` }))}
        notFoundContent={empty}
      />
      {allowCreate && (
        <Button icon={<PlusOutlined />} style={{ flex: 'none' }} onClick={() => { form.resetFields(); setCreating(true); }}>
          新建案件
        </Button>
      )}
      <Modal open={creating} title="新建案件" onCancel={() => setCreating(false)} onOk={() => form.submit()} okText="创建" destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={create}>
          <Form.Item label="案件编号" name="caseNo" rules={[{ required: true, message: '请填写案件编号' }]}><Input data-testid="new-case-no" placeholder="如 滨公刑〔2026〕123号" /></Form.Item>
          <Form.Item label="案件名称" name="name" rules={[{ required: true, message: '请填写案件名称' }]}><Input data-testid="new-case-name" /></Form.Item>
          <Form.Item label="案由" name="cause"><Input /></Form.Item>
          <Form.Item label="案件类型" name="caseType"><Select allowClear data-testid="new-case-type" options={CASE_TYPES.map((t) => ({ value: t, label: CASE_TYPE_LABELS[t] }))} /></Form.Item>
          <Form.Item label="主办人" name="officerName"><Input /></Form.Item>
        </Form>
      </Modal>
    </Space.Compact>
  );
}
