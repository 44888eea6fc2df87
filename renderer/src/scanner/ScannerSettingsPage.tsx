/** 扫描枪设置 (per terminal): burst interval, minimum length, prefix/suffix, sound; with a live test area. */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, InputNumber, Space, Switch, Typography } from 'antd';
import { DEFAULT_SCANNER_SETTINGS, type ScannerSettings } from './scanner-settings';
import { getScannerSettings, setScannerSettings } from './scanner';
import { useScanHandler } from './useScanHandler';
import { beepError, beepOk } from './beep';

export function ScannerSettingsPage() {
  const [form] = Form.useForm<ScannerSettings>();
  const [saved, setSaved] = useState(false);
  const [scans, setScans] = useState<string[]>([]);
  useEffect(() => form.setFieldsValue(getScannerSettings()), [form]);
  useScanHandler((code) => {
    beepOk();
    setScans((s) => [code, ...s].slice(0, 8));
  });
  const save = (v: ScannerSettings) => {
    setScannerSettings({ ...getScannerSettings(), ...v });
    setSaved(true);
  };
  return (
    <Card title="扫描枪设置（本终端）" style={{ maxWidth: 760 }}>
      <Typography.Paragraph type="secondary">
        扫描枪模拟键盘快速输入编码并以回车或 Tab 结束。两次按键间隔不超过设定值、且长度不少于最短长度的输入视为一次扫描；扫描内容不会输入到当前的文本框中。设置保存在本机浏览器中。
      </Typography.Paragraph>
      <Form form={form} layout="horizontal" labelCol={{ span: 7 }} onFinish={save} onValuesChange={() => setSaved(false)}>
        <Form.Item label="按键间隔上限（毫秒）" name="maxIntervalMs" rules={[{ required: true }]}><InputNumber min={5} max={200} /></Form.Item>
        <Form.Item label="最短编码长度" name="minLength" rules={[{ required: true }]}><InputNumber min={2} max={40} /></Form.Item>
        <Form.Item label="前缀（可选）" name="prefix"><Input style={{ width: 160 }} /></Form.Item>
        <Form.Item label="后缀（可选）" name="suffix"><Input style={{ width: 160 }} /></Form.Item>
        <Form.Item label="未识别时提示音" name="sound" valuePropName="checked"><Switch /></Form.Item>
        <Form.Item label="启用扫描识别" name="enabled" valuePropName="checked"><Switch /></Form.Item>
        <Form.Item wrapperCol={{ offset: 7 }}>
          <Space>
            <Button type="primary" htmlType="submit">保存</Button>
            <Button onClick={() => form.setFieldsValue(DEFAULT_SCANNER_SETTINGS)}>恢复默认</Button>
            <Button onClick={beepError}>试听提示音</Button>
          </Space>
        </Form.Item>
      </Form>
      {saved && <Alert type="success" showIcon title="已保存，立即生效" style={{ marginBottom: 12 }} />}
      <Card size="small" title="扫描测试：在本页直接扫描任意条码">
        {scans.length === 0 ? <Typography.Text type="secondary">尚未扫描</Typography.Text> : scans.map((s, i) => <div key={i}><Typography.Text code>{s}</Typography.Text></div>)}
      </Card>
    </Card>
  );
}
