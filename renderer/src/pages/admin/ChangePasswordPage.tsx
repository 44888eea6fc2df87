/** 修改密码: every signed-in user. */
import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { call } from '../../api/client';
import { useAction } from '../../components/use-action';
import { passwordProblem } from '@shared/domain/security';

type Values = { oldPassword: string; newPassword: string; confirm: string };

export function ChangePasswordPage({ onChanged }: { onChanged?: () => void } = {}) {
  const [form] = Form.useForm<Values>();
  const [done, setDone] = useState(false);
  const { run, busy } = useAction();
  const submit = async ({ oldPassword, newPassword }: Values) => {
    const r = await run(() => call('auth.changePassword', { oldPassword, newPassword }));
    if (r) {
      setDone(true);
      form.resetFields();
      onChanged?.();
    }
  };
  return (
    <Card title="修改密码" style={{ maxWidth: 480 }}>
      {done && <Alert type="success" showIcon title="密码已修改，下次登录请使用新密码。" style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} onValuesChange={() => setDone(false)}>
        <Form.Item label="当前密码" name="oldPassword" rules={[{ required: true, message: '请输入当前密码' }]}><Input.Password autoComplete="current-password" /></Form.Item>
        <Form.Item
          label="新密码（至少 8 位）"
          name="newPassword"
          extra="至少 8 位，含大写字母、小写字母、数字、其他符号中的至少三类，不能包含用户名"
          rules={[{ required: true, message: '请输入新密码' }, { validator: (_, v: string | undefined) => { const p = v ? passwordProblem(v, '') : null; return p ? Promise.reject(new Error(p)) : Promise.resolve(); } }]}
        ><Input.Password autoComplete="new-password" /></Form.Item>
        <Form.Item
          label="再次输入新密码"
          name="confirm"
          dependencies={['newPassword']}
          rules={[{ required: true, message: '请再次输入新密码' }, ({ getFieldValue }) => ({ validator: (_, v) => (v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))) })]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>保存</Button>
      </Form>
    </Card>
  );
}
