/** 连接设置 (desktop): this computer's database, or the city's server with an optional private CA. */
import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, Modal, Radio, Space } from 'antd';
import { pickCaFile, setConnection, type Connection } from '../components/connection-bridge';

type Values = { mode: 'local' | 'server'; serverUrl?: string; caFile?: string };

export function ConnectionDialog({ open, current, onClose }: { open: boolean; current: Connection; onClose(): void }) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const mode = Form.useWatch('mode', form);
  useEffect(() => {
    if (open) form.setFieldsValue(current.mode === 'server' ? { mode: 'server', serverUrl: current.serverUrl, caFile: current.caFile } : { mode: 'local' });
  }, [open, current, form]);

  const save = async (v: Values) => {
    setSaving(true);
    setError(null);
    try {
      await setConnection(v.mode === 'local' ? { mode: 'local' } : { mode: 'server', serverUrl: v.serverUrl ?? '', ...(v.caFile ? { caFile: v.caFile } : {}) });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setSaving(false);
    }
  };
  return (
    <Modal open={open} title="连接设置" onCancel={onClose} okText="保存并重新启动" cancelText="取消" confirmLoading={saving} onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={save}>
        <Form.Item name="mode" label="数据保存在">
          <Radio.Group>
            <Radio value="local">本机数据库（单机使用）</Radio>
            <Radio value="server">连接服务器（全市共用，本机不保存保管数据）</Radio>
          </Radio.Group>
        </Form.Item>
        {mode === 'server' && (
          <>
            <Form.Item name="serverUrl" label="服务器地址" rules={[{ required: true, message: '请填写服务器地址，如 https://库房服务器:5780' }]}>
              <Input placeholder="https://库房服务器:5780" />
            </Form.Item>
            <Form.Item label="CA 证书（服务器使用单位自建证书时填写）">
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item name="caFile" noStyle>
                  <Input placeholder="例如 D:\证书\ca.pem" />
                </Form.Item>
                <Button onClick={() => void pickCaFile().then((r) => r.path && form.setFieldValue('caFile', r.path))}>选择…</Button>
              </Space.Compact>
            </Form.Item>
          </>
        )}
        {error && <Alert type="error" showIcon role="alert" title={error} />}
      </Form>
    </Modal>
  );
}
