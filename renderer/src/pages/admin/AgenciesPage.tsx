/** 单位管理: list, add and edit agencies. */
import { useEffect, useState } from 'react';
import { Button, Card, Form, Input, Modal, Select, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { AgencyDto } from '@shared/api/admin.contract';
import { AGENCY_KINDS, AGENCY_KIND_LABELS, type AgencyKind } from '@shared/domain/enums';
import { call } from '../../api/client';
import { useAction } from '../../components/use-action';

type Values = { code: string; name: string; kind: AgencyKind; parentId?: number | null };

export function AgenciesPage() {
  const [rows, setRows] = useState<AgencyDto[]>([]);
  const [editing, setEditing] = useState<Partial<AgencyDto> | null>(null);
  const [form] = Form.useForm<Values>();
  const { run, busy } = useAction();
  const load = async () => setRows((await run(() => call('agency.list', {}))) ?? []);
  useEffect(() => void load(), []); // eslint-disable-line react-hooks/exhaustive-deps

  const save = async (v: Values) => {
    const r = await run(() => call('agency.save', { ...v, id: editing?.id, parentId: v.parentId ?? null }), { success: '单位已保存' });
    if (r) {
      setEditing(null);
      await load();
    }
  };
  const name = (id: number | null) => rows.find((r) => r.id === id)?.name ?? '—';

  return (
    <Card title="单位管理" extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => { form.resetFields(); setEditing({}); }}>新增单位</Button>}>
      <Table<AgencyDto>
        rowKey="id"
        size="small"
        loading={busy}
        dataSource={rows}
        pagination={false}
        scroll={{ y: 520 }}
        columns={[
          { title: '单位代码', dataIndex: 'code', width: 140 },
          { title: '名称', dataIndex: 'name' },
          { title: '类型', dataIndex: 'kind', width: 100, render: (k: AgencyKind) => AGENCY_KIND_LABELS[k] },
          { title: '上级单位', dataIndex: 'parentId', render: name },
          { title: '', width: 80, render: (_, r) => <Button size="small" onClick={() => { form.setFieldsValue(r); setEditing(r); }}>修改</Button> },
        ]}
      />
      <Modal open={!!editing} title={editing?.id ? '修改单位' : '新增单位'} onCancel={() => setEditing(null)} onOk={() => form.submit()} okText="保存" destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={save} initialValues={{ kind: 'police' }}>
          <Form.Item label="单位代码（6–12 位数字或大写字母）" name="code" rules={[{ required: true, pattern: /^[0-9A-Z]{6,12}$/, message: '单位代码为 6–12 位数字或大写字母' }]}>
            <Input />
          </Form.Item>
          <Form.Item label="名称" name="name" rules={[{ required: true, message: '请填写名称' }]}>
            <Input />
          </Form.Item>
          <Form.Item label="类型" name="kind" rules={[{ required: true }]}>
            <Select options={AGENCY_KINDS.map((k) => ({ value: k, label: AGENCY_KIND_LABELS[k] }))} />
          </Form.Item>
          <Form.Item label="上级单位" name="parentId">
            <Select allowClear options={rows.filter((r) => r.id !== editing?.id).map((r) => ({ value: r.id, label: r.name }))} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
