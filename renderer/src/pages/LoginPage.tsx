import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { CloudServerOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { describeConnection, getConnection, type Connection } from '../components/connection-bridge';
import { ConnectionDialog } from './ConnectionDialog';
import { callQuiet, ApiCallError } from '../api/client';
import type { SessionUserDto } from '@shared/api/auth.contract';

export function LoginPage({ onSignedIn }: { onSignedIn(user: SessionUserDto, mustChangePassword: boolean): void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [connection, setConnection] = useState<Connection | null | undefined>(undefined);
  const [settingsOpen, setSettingsOpen] = useState(false);
  useEffect(() => {
    void getConnection().then(setConnection, () => setConnection(null));
  }, []);
  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const r = await callQuiet('auth.login', v);
      onSignedIn(r.user, r.mustChangePassword);
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : '登录失败');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: 'linear-gradient(160deg,#16365f,#2d5f9a)' }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          涉案财物管理系统
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          公安 · 检察院 · 法院 共用涉案财物管理中心
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} autoFocus autoComplete="username" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
        {connection !== undefined && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, textAlign: 'center' }} data-testid="connection-mode">
            <CloudServerOutlined /> {describeConnection(connection)}
            {connection && (
              <Button type="link" size="small" onClick={() => setSettingsOpen(true)}>
                连接设置
              </Button>
            )}
          </Typography.Paragraph>
        )}
        {connection && <ConnectionDialog open={settingsOpen} current={connection} onClose={() => setSettingsOpen(false)} />}
      </Card>
    </div>
  );
}
