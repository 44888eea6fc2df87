/** The admin's home page: red when the last backup failed its check, a warning when no verified backup is under 48 h old. */
import { useEffect, useState } from 'react';
import { Alert, Button, Space } from 'antd';
import { useNavigate } from 'react-router';
import type { BackupOverview } from '@shared/api/backup.contract';
import { callQuiet } from '../../api/client';
import { useCan } from '../../app/session';
import { fmtTime } from '../../components/labels';

export function BackupHomeWidget() {
  const can = useCan();
  const nav = useNavigate();
  const allowed = can('admin.manage');
  const [health, setHealth] = useState<BackupOverview['health'] | null>(null);
  useEffect(() => {
    if (allowed) void callQuiet('backup.overview', {}).then((o) => setHealth(o.health)).catch(() => undefined);
  }, [allowed]);
  if (!allowed || !health || (!health.lastFailed && !health.stale)) return null;
  const go = <Button size="small" onClick={() => nav('/admin/backup')}>备份与恢复</Button>;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="backup-warnings">
      {health.lastFailed && <Alert type="error" showIcon data-testid="backup-failed-warning" title={`最近一次备份未通过校验：${health.lastFailure ?? ''}`} action={go} />}
      {health.stale && (
        <Alert
          type="warning"
          showIcon
          data-testid="backup-stale-warning"
          title={health.lastVerifiedAt ? `已超过 48 小时没有校验通过的备份（最近一次：${fmtTime(health.lastVerifiedAt)}）` : '还没有校验通过的备份：请在「备份与恢复」中设置备份文件夹并立即备份'}
          action={go}
        />
      )}
    </Space>
  );
}
