/** Pick a case by searching its number or name, or create one. */
import { useEffect, useState } from 'react';
import { Button, Form, Input, Modal, Select, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { CaseDto } from '@shared/api/item.contract';
import { CASE_STAGE_LABELS } from '@shared/domain/enums';
import { call } from '../../api/client';
import { useAction } from '../../components/use-action';

type NewCase = { caseNo: string; name: string; cause?: string; officerName?: string };

export function CasePicker({ value, onChange }: { value: CaseDto | null; onChange(c: CaseDto | null): void }) {
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<CaseDto[]>([]);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<NewCase>();
  const { run, busy } = useAction();

  useEffect(() => {
    const t = setTimeout(() => void run(() => call('case.list', { q: q || undefined, limit: 30 })).then((r) => r && setOptions(r.rows)), 250);
    return () => clearTimeout(t);
  }, [q, run]);

  const create = async (v: NewCase) => {
    const c = await run(() => call('case.create', v), { success: `已新建案件 ${v.caseNo}` });
    if (c) {
      setCreating(false);
      onChange(c);
    }
  };
  const all = value && !options.some((o) => o.id === value.id) ? [value, ...options] : options;

  return (
    <Space.Compact style={{ width: '100%' }}>
      <Select
        data-testid="case-picker"
        showSearch
        filterOption={false}
        onSearch={setQ}
        loading={busy}
        placeholder="输入案件编号或案件名称查找"
        style={{ flex: 1 }}
        value={value?.id}
        onChange={(id: number | undefined) => onChange(all.find((c) => c.id === id) ?? null)}
        allowClear
        options={all.map((c) => ({ value: c.id, label: `${c.caseNo}　${c.name}（${CASE_STAGE_LABELS[c.stage]}，${c.itemCount} 件）` }))}
        notFoundContent="没有找到案件，可点击右侧「新建案件」"
      />
      <Button icon={<PlusOutlined />} onClick={() => { form.resetFields(); setCreating(true); }}>
        新建案件
      </Button>
      <Modal open={creating} title="新建案件" onCancel={() => setCreating(false)} onOk={() => form.submit()} okText="创建" destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={create}>
          <Form.Item label="案件编号" name="caseNo" rules={[{ required: true, message: '请填写案件编号' }]}><Input data-testid="new-case-no" placeholder="如 滨公刑〔2026〕123号" /></Form.Item>
          <Form.Item label="案件名称" name="name" rules={[{ required: true, message: '请填写案件名称' }]}><Input data-testid="new-case-name" /></Form.Item>
          <Form.Item label="案由" name="cause"><Input /></Form.Item>
          <Form.Item label="主办人" name="officerName"><Input /></Form.Item>
        </Form>
      </Modal>
    </Space.Compact>
  );
}
