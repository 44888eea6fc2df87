/** 系统管理 → 备份与恢复: last backup, next due, 「立即备份」 with progress, the list with each check, settings, restore. */
import { useCallback, useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Descriptions, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { CloudUploadOutlined, ReloadOutlined, RollbackOutlined } from '@ant-design/icons';
import type { BackupDto, BackupOverview } from '@shared/api/backup.contract';
import { call } from '../../api/client';
import { runJob, type JobProgress } from '../../api/jobs';
import { JobProgressBar } from '../../components/JobProgress';
import { fmtTime } from '../../components/labels';
import { showError, useAction } from '../../components/use-action';

const size = (n: number) => (n >= 1 << 30 ? `${(n / (1 << 30)).toFixed(2)} GB` : n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);
const fileName = (f: string) => f.split(/[\\/]/).pop() ?? f;

function VerifiedTag({ b }: { b: BackupDto }) {
  if (b.ok) return <Tag color="green">已校验通过</Tag>;
  return (
    <Typography.Text type="danger" data-testid="backup-failed">
      <Tag color="red">校验未通过</Tag>
      {b.failure}
    </Typography.Text>
  );
}

export function BackupPage() {
  const { message, modal } = AntApp.useApp();
  const { run, busy } = useAction();
  const [o, setO] = useState<BackupOverview | null>(null);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [form] = Form.useForm<{ folder: string; intervalHours: number; keep: number }>();
  const load = useCallback(async () => {
    const r = await run(() => call('backup.overview', {}));
    if (r) {
      setO(r);
      form.setFieldsValue({ folder: r.settings.folder ?? '', intervalHours: r.settings.intervalHours, keep: r.settings.keep });
    }
  }, [run, form]);
  useEffect(() => void load(), [load]);

  async function backupNow() {
    setProgress({ state: 'queued', done: 0, total: 0 });
    try {
      const r = await runJob({ kind: 'backup.run' }, setProgress);
      if (r.backup?.ok) void message.success(`已备份并校验通过：${fileName(r.backup.file)}（${r.backup.events.toLocaleString('zh-CN')} 条事件）`);
      else void message.error(`备份已写出，但校验未通过：${r.backup?.failure ?? ''}`);
    } catch (e) {
      showError(message, e);
    } finally {
      setProgress(null);
      await load();
    }
  }

  async function save(v: { folder: string; intervalHours: number; keep: number }) {
    if (await run(() => call('backup.saveSettings', v), { success: '备份设置已保存' })) await load();
  }

  async function restore(b: BackupDto) {
    const ok = await modal.confirm({
      title: '从此备份恢复？',
      content: (
        <Space direction="vertical">
          <span>备份：{fileName(b.file)}（{fmtTime(b.startedAt)}，{b.events.toLocaleString('zh-CN')} 条事件）</span>
          <span>系统先把备份恢复到新文件，校验账本和照片哈希；通过后须重启服务（或桌面程序），重启时换入，当前数据库文件改名保留。</span>
          <Typography.Text type="warning">备份之后办理的业务将不在恢复后的数据库中。</Typography.Text>
        </Space>
      ),
      okText: '校验并准备恢复',
      cancelText: '取消',
    });
    if (!ok) return;
    const r = await run(() => call('backup.restore', { backupId: b.id }), { progress: '正在恢复到新文件并校验…' });
    if (r) {
      void modal.success({ title: '备份已校验通过，等待重启', content: `账本 ${r.events.toLocaleString('zh-CN')} 条事件校验通过。请重启服务（或桌面程序）完成恢复；重启前办理的业务不会进入恢复后的数据库。` });
      await load();
    }
  }

  const last = o?.backups[0] ?? null;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {o?.pendingRestore && (
        <Alert type="warning" showIcon data-testid="restore-pending" title={`已准备从备份恢复（${fileName(o.pendingRestore.backup)}，${fmtTime(o.pendingRestore.stagedAt)} 校验通过）：请重启服务或桌面程序，重启时换入，当前数据库文件改名保留。`} />
      )}
      <Card title="备份与恢复" size="small" extra={<Button icon={<ReloadOutlined />} onClick={() => void load()}>刷新</Button>}>
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label="上次备份">
            <span data-testid="backup-last">{last ? <>{fmtTime(last.startedAt)} <VerifiedTag b={last} /></> : '尚无备份'}</span>
          </Descriptions.Item>
          <Descriptions.Item label="下次备份">
            <span data-testid="backup-next">{o?.nextDueAt ? fmtTime(o.nextDueAt) : '未设置备份文件夹，不会自动备份'}</span>
          </Descriptions.Item>
          <Descriptions.Item label="数据库">{o?.engine === 'postgres' ? 'PostgreSQL（pg_dump）' : 'SQLite（在线备份）'}</Descriptions.Item>
          <Descriptions.Item label="最近一次校验通过">{fmtTime(o?.health.lastVerifiedAt)}</Descriptions.Item>
        </Descriptions>
        <Space style={{ marginTop: 12 }} align="center" wrap>
          <Button type="primary" icon={<CloudUploadOutlined />} disabled={!o?.settings.folder || !!progress} onClick={() => void backupNow()} data-testid="backup-now">
            立即备份
          </Button>
          {progress && <JobProgressBar p={progress} label="正在备份并校验" />}
        </Space>
      </Card>
      <Card title="备份设置" size="small">
        <Form form={form} layout="inline" onFinish={(v) => void save(v)}>
          <Form.Item name="folder" label="备份文件夹" rules={[{ required: true, message: '请填写备份文件夹的完整路径' }]} style={{ minWidth: 420 }}>
            <Input placeholder="另一块磁盘或网络共享，如 /mnt/backup 或 D:\备份" data-testid="backup-folder" />
          </Form.Item>
          <Form.Item name="intervalHours" label="间隔（小时）" rules={[{ required: true, message: '请填写间隔' }]}>
            <InputNumber min={1} max={720} />
          </Form.Item>
          <Form.Item name="keep" label="保留份数" rules={[{ required: true, message: '请填写保留份数' }]}>
            <InputNumber min={1} max={365} />
          </Form.Item>
          <Button htmlType="submit" loading={busy} data-testid="backup-save">保存设置</Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          默认每天（24 小时）备份一次；照片按内容哈希保存在备份文件夹的 photos/ 中，同一张照片只存一份。每份备份写出后立即校验：能打开、账本全链校验、照片哈希一致。
        </Typography.Paragraph>
      </Card>
      <Card title="备份记录" size="small">
        <Table<BackupDto>
          rowKey="id"
          size="small"
          dataSource={o?.backups ?? []}
          pagination={false}
          data-testid="backup-table"
          columns={[
            { title: '时间', dataIndex: 'startedAt', width: 150, render: (v: string) => fmtTime(v) },
            { title: '方式', dataIndex: 'trigger', width: 70, render: (v: string) => (v === 'scheduled' ? '定时' : '手动') },
            { title: '文件', dataIndex: 'file', render: (v: string, b) => (b.pruned ? <Typography.Text delete>{fileName(v)}</Typography.Text> : fileName(v)) },
            { title: '大小', dataIndex: 'sizeBytes', width: 90, render: (v: number) => (v ? size(v) : '—') },
            { title: '事件数', dataIndex: 'events', width: 80, render: (v: number) => v.toLocaleString('zh-CN') },
            { title: '照片', dataIndex: 'photos', width: 60 },
            { title: '校验', key: 'ok', render: (_: unknown, b) => <VerifiedTag b={b} /> },
            {
              title: '操作',
              key: 'op',
              width: 90,
              render: (_: unknown, b) =>
                o?.canRestore && b.ok && !b.pruned ? (
                  <Button size="small" icon={<RollbackOutlined />} onClick={() => void restore(b)}>
                    恢复
                  </Button>
                ) : null,
            },
          ]}
        />
        {o && !o.canRestore && <Typography.Text type="secondary">PostgreSQL 数据库请在服务器上用命令行恢复：npm run cli -- restore 备份文件 --database …</Typography.Text>}
      </Card>
    </Space>
  );
}
