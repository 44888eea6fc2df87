/**
 * 账本校验凭证: sign the present chain head (Ed25519, key outside the database), print it with its QR and export it as
 * a small file for the other agencies; later, load such files to confirm the ledger still extends every one.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, List, Space, Typography, Upload } from 'antd';
import { FileProtectOutlined, UploadOutlined } from '@ant-design/icons';
import type { AnchorCheck } from '@shared/api/anchor.schemas';
import { call } from '../../api/client';
import { deliverFile, downloadFile } from '../../components/deliver-file';
import { isDesktop } from '../../api/client';
import { useAction } from '../../components/use-action';
import { fmtTime } from '../../components/labels';

type Anchor = { id: number; seq: number; signedAt: string; keyId: string; reason: string; signedByName: string };

export function AnchorCard() {
  const [anchors, setAnchors] = useState<Anchor[]>([]);
  const [signed, setSigned] = useState<string | null>(null);
  const [checks, setChecks] = useState<Array<AnchorCheck & { name: string }> | null>(null);
  const { run, busy } = useAction();
  const reload = () => void call('ledger.anchor.list', {}).then(setAnchors);
  useEffect(reload, []);

  const sign = async () => {
    const r = await run(() => call('ledger.anchor.sign', {}), { progress: '正在签发账本校验凭证…' });
    if (!r) return;
    // The small file to hand over, then the printed 凭证 (with its QR).
    if (!isDesktop()) downloadFile(r.file);
    else await deliverFile(r.file, 'save');
    await deliverFile(r.pdf, 'open');
    setSigned(`已签发：第 ${r.checkpoint.seq} 号事件，链头 ${r.checkpoint.hash.slice(0, 16)}…（文书编号 ${r.pdf.serialNo ?? ''}）`);
    reload();
  };

  const check = async (files: File[]) => {
    const parsed = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
    const bad = parsed.filter((p) => !tryJson(p.text));
    if (bad.length) {
      setChecks([]);
      return;
    }
    const out = await run(() => call('ledger.anchor.check', { checkpoints: parsed.map((p) => JSON.parse(p.text) as never) }));
    if (out) setChecks(out.map((c, i) => ({ ...c, name: parsed[i]!.name })));
  };

  return (
    <Card size="small" title={<><FileProtectOutlined /> 账本校验凭证</>} data-testid="anchor-card">
      <Space wrap>
        <Button type="primary" loading={busy} onClick={() => void sign()} data-testid="anchor-sign">
          签发校验凭证
        </Button>
        <Upload
          accept=".json,application/json"
          multiple
          showUploadList={false}
          beforeUpload={(_, list) => {
            if (list[list.length - 1] === _) void check(list as unknown as File[]);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} data-testid="anchor-check">核对凭证文件</Button>
        </Upload>
      </Space>
      {signed && <Alert style={{ marginTop: 8 }} type="success" showIcon title={signed} data-testid="anchor-signed" />}
      {checks && (
        <List
          size="small"
          style={{ marginTop: 8 }}
          dataSource={checks}
          locale={{ emptyText: '文件不是账本校验凭证' }}
          renderItem={(c) => (
            <List.Item data-testid="anchor-check-result">
              <Typography.Text type={c.extends && c.signatureOk ? 'success' : 'danger'}>
                {c.name}：{c.extends && c.signatureOk ? '通过' : '未通过'}，{c.message}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        每日自动签发一次；最近签发：
        {anchors.length ? anchors.slice(0, 3).map((a) => `${fmtTime(a.signedAt)} 第 ${a.seq} 号（${a.reason === 'daily' ? '定时' : a.signedByName}）`).join('；') : '无'}
      </Typography.Paragraph>
    </Card>
  );
}

function tryJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
