/** 时限预警 on the home page: intake window, overdue loans, unrelated property, perishable/hazardous, closed cases. */
import { useEffect, useState } from 'react';
import { Badge, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { ALERT_COUNT_CAP, ALERT_KIND_LABELS, ALERT_KINDS, type AlertDto, type AlertKind } from '@shared/api/custody.contract';
import { call } from '../api/client';
import { useCan } from '../app/session';
import { useAction } from './use-action';
import { fmtTime } from './labels';
import { ExportButton } from './ExportButton';

export function AlertsWidget() {
  const can = useCan();
  const nav = useNavigate();
  const [data, setData] = useState<{ alerts: AlertDto[]; counts: Partial<Record<AlertKind, number>> } | null>(null);
  const [kind, setKind] = useState<AlertKind | null>(null);
  const { run, busy } = useAction();
  const allowed = can('item.read');
  useEffect(() => {
    if (allowed) void run(() => call('alert.list', {})).then((d) => d && setData(d));
  }, [allowed, run]);
  if (!allowed) return null;
  const shown = (data?.alerts ?? []).filter((a) => !kind || a.kind === kind);
  return (
    <Card size="small" title="时限预警" loading={busy && !data} data-testid="alerts-widget" extra={<ExportButton what="预警" testId="alerts-export" job={() => ({ kind: 'alert.export' })} />}>
      <Space wrap style={{ marginBottom: 8 }}>
        {ALERT_KINDS.map((k) => (
          <Tag.CheckableTag key={k} checked={kind === k} onChange={(on) => setKind(on ? k : null)}>
            {ALERT_KIND_LABELS[k]}{' '}
            <Badge
              count={data?.counts[k] ?? 0}
              overflowCount={999}
              showZero
              color={(data?.counts[k] ?? 0) ? '#cf1322' : '#bbb'}
              size="small"
              title={(data?.counts[k] ?? 0) >= ALERT_COUNT_CAP ? `${ALERT_COUNT_CAP.toLocaleString('zh-CN')} 条以上` : `${data?.counts[k] ?? 0} 条`}
            />
          </Tag.CheckableTag>
        ))}
      </Space>
      {shown.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无预警" />
      ) : (
        <List
          size="small"
          style={{ maxHeight: 360, overflow: 'auto' }}
          dataSource={shown.slice(0, 200)}
          renderItem={(a) => (
            <List.Item onClick={() => a.itemId && nav(`/items/${a.itemId}`)} style={{ cursor: a.itemId ? 'pointer' : undefined }}>
              <Space>
                <Tag color={a.severity === 'danger' ? 'red' : 'orange'}>{ALERT_KIND_LABELS[a.kind]}</Tag>
                <Typography.Text>{a.message}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>起算 {fmtTime(a.since)}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
