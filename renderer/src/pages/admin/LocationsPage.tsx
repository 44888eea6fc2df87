/** 库位管理: the warehouse → zone → shelf → bin tree, add/edit (admin), print location labels (custodian). */
import { useEffect, useMemo, useState } from 'react';
import { Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import type { LocationDto } from '@shared/api/admin.contract';
import { LOCATION_KINDS, LOCATION_KIND_LABELS, LOCATION_PARENT, type LocationKind } from '@shared/domain/enums';
import { call } from '../../api/client';
import { jobFile } from '../../api/jobs';
import { useAction } from '../../components/use-action';
import { PrintDialog } from '../../components/PrintDialog';
import { useCan } from '../../app/session';

type Node = LocationDto & { children?: Node[] };
type Values = { code: string; name: string; kind: LocationKind; parentId: number | null; active: boolean };

function tree(rows: LocationDto[]): Node[] {
  const by = new Map<number, Node>(rows.map((r) => [r.id, { ...r }]));
  const roots: Node[] = [];
  for (const n of by.values()) {
    const p = n.parentId ? by.get(n.parentId) : undefined;
    if (p) (p.children ??= []).push(n);
    else roots.push(n);
  }
  const sort = (ns: Node[]) => {
    ns.sort((a, b) => a.code.localeCompare(b.code));
    ns.forEach((n) => n.children && sort(n.children));
  };
  sort(roots);
  return roots;
}

export function LocationsPage({ editable }: { editable: boolean }) {
  const can = useCan();
  const [rows, setRows] = useState<LocationDto[]>([]);
  const [selected, setSelected] = useState<number[]>([]);
  const [editing, setEditing] = useState<Partial<LocationDto> | null>(null);
  const [printing, setPrinting] = useState(false);
  const [form] = Form.useForm<Values>();
  const { run, busy } = useAction();
  const load = async () => setRows((await run(() => call('location.list', {}))) ?? []);
  useEffect(() => void load(), []); // eslint-disable-line react-hooks/exhaustive-deps
  const data = useMemo(() => tree(rows), [rows]);

  const openNew = (parent?: LocationDto) => {
    const kind = parent ? LOCATION_KINDS[LOCATION_KINDS.indexOf(parent.kind) + 1] ?? 'bin' : 'store';
    form.resetFields();
    form.setFieldsValue({ parentId: parent?.id ?? null, kind, active: true, code: parent ? `${parent.code}-` : '' });
    setEditing({ parentId: parent?.id ?? null });
  };
  const save = async (v: Values) => {
    const r = await run(() => call('location.save', { ...v, id: editing?.id }), { success: '库位已保存' });
    if (r) {
      setEditing(null);
      await load();
    }
  };
  const kind = Form.useWatch('kind', form);
  const parentKind = kind ? LOCATION_PARENT[kind as LocationKind] : null;

  return (
    <Card
      title={editable ? '库位管理' : '库位'}
      extra={
        <Space>
          {can('custody.handle') && (
            <Button icon={<PrinterOutlined />} disabled={!selected.length} onClick={() => setPrinting(true)}>
              打印库位标签（{selected.length}）
            </Button>
          )}
          {editable && <Button type="primary" icon={<PlusOutlined />} onClick={() => openNew()}>新增保管中心/分库</Button>}
        </Space>
      }
    >
      <Table<Node>
        key={rows.length ? 'loaded' : 'empty'}
        rowKey="id"
        size="small"
        loading={busy}
        dataSource={data}
        pagination={false}
        scroll={{ y: 500 }}
        expandable={{ defaultExpandAllRows: true }}
        rowSelection={can('custody.handle') ? { selectedRowKeys: selected, onChange: (k) => setSelected(k as number[]), checkStrictly: true } : undefined}
        columns={[
          { title: '编码', dataIndex: 'code', width: 260 },
          { title: '名称', dataIndex: 'name' },
          { title: '层级', dataIndex: 'kind', width: 70, render: (k: LocationKind) => LOCATION_KIND_LABELS[k] },
          { title: '在库件数', dataIndex: 'itemCount', width: 90 },
          { title: '状态', dataIndex: 'active', width: 70, render: (a: boolean) => (a ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
          ...(editable
            ? [{
                title: '操作',
                width: 170,
                render: (_: unknown, r: Node) => (
                  <Space size={4}>
                    <Button size="small" onClick={() => { form.setFieldsValue(r); setEditing(r); }}>修改</Button>
                    {r.kind !== 'bin' && <Button size="small" onClick={() => openNew(r)}>添加下级</Button>}
                  </Space>
                ),
              }]
            : []),
        ]}
      />
      <Modal open={!!editing} title={editing?.id ? '修改库位' : '新增库位'} onCancel={() => setEditing(null)} onOk={() => form.submit()} okText="保存" destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item label="层级" name="kind" rules={[{ required: true }]}>
            <Select options={LOCATION_KINDS.map((k) => ({ value: k, label: LOCATION_KIND_LABELS[k] }))} />
          </Form.Item>
          <Form.Item label="上级库位" name="parentId">
            <Select allowClear disabled={!parentKind} options={rows.filter((r) => r.kind === parentKind).map((r) => ({ value: r.id, label: `${r.path}（${r.code}）` }))} />
          </Form.Item>
          <Form.Item label="编码（条码内容）" name="code" rules={[{ required: true, pattern: /^[A-Z0-9-]{2,40}$/, message: '库位编码为 2–40 位大写字母、数字或 -' }]}>
            <Input />
          </Form.Item>
          <Form.Item label="名称" name="name" rules={[{ required: true, message: '请填写名称' }]}><Input /></Form.Item>
          <Form.Item label="启用" name="active" valuePropName="checked"><Switch /></Form.Item>
        </Form>
      </Modal>
      <PrintDialog
        open={printing}
        title="打印库位标签"
        summary={`共 ${selected.length} 个库位`}
        onClose={() => setPrinting(false)}
        render={(stock, onProgress) => jobFile({ kind: 'label.locations', locationIds: selected, stock }, onProgress)}
      />
    </Card>
  );
}
