/** 用户管理: create (shows the one-time initial password), edit roles, reset password, unlock. */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Drawer, Form, Input, Modal, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { AgencyDto, UserDto } from '@shared/api/admin.contract';
import type { StoreDto } from '@shared/api/store.contract';
import { ROLES, ROLE_LABELS, type Role } from '@shared/domain/enums';
import { call } from '../../api/client';
import { useAction } from '../../components/use-action';
import { SecurityEventTable } from '../../components/SecurityEventTable';
import type { SecurityEventDto } from '@shared/api/security.contract';

type Values = { username: string; displayName: string; badgeNo?: string; agencyId: number; roles: Role[]; storeId?: number | null; active: boolean };

export function UsersPage() {
  const [rows, setRows] = useState<UserDto[]>([]);
  const [agencies, setAgencies] = useState<AgencyDto[]>([]);
  const [stores, setStores] = useState<StoreDto[]>([]);
  const [editing, setEditing] = useState<Partial<UserDto> | null>(null);
  const [secret, setSecret] = useState<{ who: string; password: string; reset?: boolean } | null>(null);
  const [record, setRecord] = useState<{ user: UserDto; rows: SecurityEventDto[] } | null>(null);
  const [form] = Form.useForm<Values>();
  const { run, busy } = useAction();
  const roles = Form.useWatch('roles', form);
  const load = async () => setRows((await run(() => call('user.list', {}))) ?? []);
  useEffect(() => {
    void load();
    void run(() => call('agency.list', {})).then((a) => setAgencies(a ?? []));
    void run(() => call('store.list', {})).then((s) => setStores(s ?? []));
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const save = async (v: Values) => {
    const r = await run(() => call('user.save', { ...v, storeId: v.roles.includes('custodian') ? (v.storeId ?? null) : null, id: editing?.id }), { success: '用户已保存' });
    if (!r) return;
    setEditing(null);
    if (r.initialPassword) setSecret({ who: `${r.user.displayName}（${r.user.username}）`, password: r.initialPassword });
    await load();
  };
  const reset = async (u: UserDto) => {
    const r = await run(() => call('user.resetPassword', { id: u.id }));
    if (r) setSecret({ who: `${u.displayName}（${u.username}）`, password: r.password, reset: true });
  };
  const openRecord = async (u: UserDto) => {
    const rows = await run(() => call('user.securityLog', { id: u.id }));
    if (rows) setRecord({ user: u, rows });
  };
  const unlock = async (u: UserDto) => {
    if (await run(() => call('user.unlock', { id: u.id }), { success: `已解除 ${u.displayName} 的锁定` })) await load();
  };

  return (
    <Card title="用户管理" extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => { form.resetFields(); setEditing({}); }}>新增用户</Button>}>
      <Table<UserDto>
        rowKey="id"
        size="small"
        loading={busy}
        dataSource={rows}
        pagination={false}
        scroll={{ y: 500 }}
        columns={[
          { title: '用户名', dataIndex: 'username', width: 110 },
          { title: '姓名', dataIndex: 'displayName', width: 90 },
          { title: '警号/工号', dataIndex: 'badgeNo', width: 100 },
          { title: '单位', dataIndex: 'agencyName', ellipsis: true },
          { title: '角色', dataIndex: 'roles', width: 170, render: (rs: Role[]) => rs.map((r) => <Tag key={r}>{ROLE_LABELS[r]}</Tag>) },
          { title: '所在库', dataIndex: 'storeName', width: 100, render: (s: string | null) => s ?? '—' },
          {
            title: '状态',
            width: 110,
            render: (_, u) => (
              <>
                {!u.active && <Tag>停用</Tag>}
                {u.locked ? <Tag color="red">已锁定</Tag> : u.active && <Tag color="green">正常</Tag>}
              </>
            ),
          },
          {
            title: '操作',
            width: 290,
            render: (_, u) => (
              <Space size={4}>
                <Button size="small" onClick={() => void openRecord(u)}>安全记录</Button>
                <Button size="small" onClick={() => { form.setFieldsValue({ ...u, badgeNo: u.badgeNo ?? undefined }); setEditing(u); }}>修改</Button>
                <Popconfirm title={`重置 ${u.displayName} 的密码？`} okText="重置" cancelText="取消" onConfirm={() => void reset(u)}>
                  <Button size="small">重置密码</Button>
                </Popconfirm>
                {u.locked && <Button size="small" onClick={() => void unlock(u)}>解锁</Button>}
              </Space>
            ),
          },
        ]}
      />
      <Drawer open={!!record} width={1000} title={record ? `安全记录：${record.user.displayName}（${record.user.username}）` : ''} onClose={() => setRecord(null)} destroyOnHidden>
        {record && <SecurityEventTable rows={record.rows} height={560} />}
      </Drawer>
      <Modal open={!!editing} title={editing?.id ? '修改用户' : '新增用户'} onCancel={() => setEditing(null)} onOk={() => form.submit()} okText="保存" destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={save} initialValues={{ active: true, roles: [] }}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]{3,30}$/, message: '用户名为 3–30 位字母、数字或 _ . -' }]}>
            <Input disabled={!!editing?.id} />
          </Form.Item>
          <Form.Item label="姓名" name="displayName" rules={[{ required: true, message: '请填写姓名' }]}><Input /></Form.Item>
          <Form.Item label="警号/工号" name="badgeNo"><Input /></Form.Item>
          <Form.Item label="单位" name="agencyId" rules={[{ required: true, message: '请选择单位' }]}>
            <Select showSearch optionFilterProp="label" options={agencies.map((a) => ({ value: a.id, label: a.name }))} />
          </Form.Item>
          <Form.Item label="角色" name="roles" rules={[{ required: true, message: '至少选择一个角色' }]}>
            <Select mode="multiple" options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
          </Form.Item>
          {roles?.includes('custodian') && (
            <Form.Item label="所在保管中心/分库" name="storeId" rules={[{ required: true, message: '保管员必须指定所在的保管中心或分库' }]}>
              <Select options={stores.filter((x) => x.active).map((x) => ({ value: x.id, label: x.name }))} />
            </Form.Item>
          )}
          <Form.Item label="启用" name="active" valuePropName="checked"><Switch /></Form.Item>
        </Form>
      </Modal>
      <Modal open={!!secret} title={secret?.reset ? '临时密码（只显示这一次）' : '初始密码（只显示这一次）'} onOk={() => setSecret(null)} onCancel={() => setSecret(null)} cancelButtonProps={{ style: { display: 'none' } }} okText="我已记下">
        <Alert type="warning" showIcon title={`请将密码当面交给 ${secret?.who}，本人登录后须先修改，修改前不能办理任何业务。此操作已记入安全日志。关闭后无法再次查看。`} />
        <Typography.Paragraph copyable style={{ fontSize: 22, fontFamily: 'monospace', marginTop: 16 }} data-testid="initial-password">
          {secret?.password}
        </Typography.Paragraph>
      </Modal>
    </Card>
  );
}
