/** 安全日志 for inspectors: logins, failures, locks, password changes and resets, user changes, denials, ledger checks. */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Input, Select, Space, message } from 'antd';
import { DownloadOutlined, SafetyOutlined } from '@ant-design/icons';
import type { SecurityEventDto } from '@shared/api/security.contract';
import { SECURITY_EVENT_KINDS, SECURITY_EVENT_LABELS, type SecurityEventKind } from '@shared/domain/security';
import { call } from '../../api/client';
import { useAction } from '../../components/use-action';
import { deliverFile } from '../../components/deliver-file';
import { SecurityEventTable } from '../../components/SecurityEventTable';

export function SecurityLogPage() {
  const [kind, setKind] = useState<SecurityEventKind | undefined>();
  const [username, setUsername] = useState('');
  const [rows, setRows] = useState<SecurityEventDto[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [check, setCheck] = useState<{ ok: boolean; checked: number; brokenSeq: number | null } | null>(null);
  const { run, busy } = useAction();
  const filter = { ...(kind ? { kind } : {}), ...(username.trim() ? { username: username.trim() } : {}) };

  const load = async (more = false) => {
    const r = await run(() => call('security.list', { ...filter, limit: 100, ...(more && next ? { beforeSeq: next } : {}) }));
    if (!r) return;
    setRows((old) => (more ? [...old, ...r.rows] : r.rows));
    setNext(r.nextBeforeSeq);
  };
  useEffect(() => {
    void load();
  }, [kind]); // eslint-disable-line react-hooks/exhaustive-deps

  const exportXlsx = async () => {
    const f = await run(() => call('security.export', filter), { progress: '正在导出安全日志…' });
    if (f) message.success(await deliverFile(f, 'save'));
  };
  const verify = async () => setCheck((await run(() => call('security.verify', {}))) ?? null);

  return (
    <Card
      title="安全日志"
      extra={
        <Space>
          <Button icon={<SafetyOutlined />} onClick={() => void verify()}>校验日志链</Button>
          <Button icon={<DownloadOutlined />} onClick={() => void exportXlsx()}>导出 Excel</Button>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<SecurityEventKind>
          allowClear
          placeholder="全部类别"
          style={{ width: 160 }}
          value={kind}
          onChange={setKind}
          options={SECURITY_EVENT_KINDS.map((k) => ({ value: k, label: SECURITY_EVENT_LABELS[k] }))}
          aria-label="类别"
        />
        <Input.Search placeholder="账号（用户名）" allowClear style={{ width: 220 }} value={username} onChange={(e) => setUsername(e.target.value)} onSearch={() => void load()} aria-label="账号" />
        <span style={{ color: '#888' }}>日志只追加、哈希链接，系统内不能修改或删除，至少保存 6 个月。</span>
      </Space>
      {check && (
        <Alert
          style={{ marginBottom: 12 }}
          type={check.ok ? 'success' : 'error'}
          showIcon
          title={check.ok ? `安全日志链校验通过，共 ${check.checked} 条` : `安全日志链校验未通过：第 ${check.brokenSeq} 条起被改动`}
        />
      )}
      <SecurityEventTable rows={rows} loading={busy} height={420} />
      {next && (
        <Button style={{ marginTop: 8 }} onClick={() => void load(true)}>
          加载更早的记录
        </Button>
      )}
    </Card>
  );
}
