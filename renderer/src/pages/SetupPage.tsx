/** First run in the desktop app: create the centre and its administrator, or become a terminal of a server instead. */
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { callQuiet, ApiCallError, isDesktop } from '../api/client';
import { ConnectionDialog } from './ConnectionDialog';

type Values = { agencyName: string; agencyCode: string; username: string; displayName: string; password: string; confirm: string };

export function SetupPage({ onDone }: { onDone(): void }) {
  const [error, setError] = useState<string | null>(null);
  const [serverOpen, setServerOpen] = useState(false);
  const submit = async ({ confirm: _c, ...v }: Values) => {
    try {
      await callQuiet('setup.createAdmin', v);
      onDone();
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : '初始化失败');
    }
  };
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 460 }}>
        <Typography.Title level={3}>首次使用：初始化系统</Typography.Title>
        {isDesktop() && (
          <Alert
            type="info"
            style={{ marginBottom: 16 }}
            title="本机数据库：数据只保存在这台电脑上。"
            description="如果本单位已有全市共用的服务器，请改为连接服务器，无需在此初始化。"
            action={<Button size="small" onClick={() => setServerOpen(true)}>连接服务器</Button>}
          />
        )}
        <ConnectionDialog open={serverOpen} current={{ mode: 'server', serverUrl: '' }} onClose={() => setServerOpen(false)} />
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form<Values> layout="vertical" onFinish={submit} initialValues={{ agencyName: '涉案财物管理中心', username: 'admin', displayName: '系统管理员' }}>
          <Form.Item label="管理中心名称" name="agencyName" rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item label="单位代码（6–12 位数字或大写字母）" name="agencyCode" rules={[{ required: true, pattern: /^[0-9A-Z]{6,12}$/, message: '单位代码为 6–12 位数字或大写字母' }]}><Input /></Form.Item>
          <Form.Item label="管理员用户名" name="username" rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item label="管理员姓名" name="displayName" rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item label="密码（至少 8 位）" name="password" rules={[{ required: true, min: 8, message: '密码至少 8 位' }]}><Input.Password /></Form.Item>
          <Form.Item
            label="再次输入密码"
            name="confirm"
            dependencies={['password']}
            rules={[{ required: true }, ({ getFieldValue }) => ({ validator: (_, v) => (v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))) })]}
          >
            <Input.Password />
          </Form.Item>
          <Button type="primary" htmlType="submit" block>创建管理员</Button>
        </Form>
      </Card>
    </div>
  );
}
