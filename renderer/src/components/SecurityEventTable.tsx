/** Rows of the security log (安全日志): used by the inspectors' page and the admin's user record. */
import { Table, Tag } from 'antd';
import type { SecurityEventDto } from '@shared/api/security.contract';
import { SECURITY_EVENT_LABELS, type SecurityEventKind } from '@shared/domain/security';
import { fmtTime } from './labels';

const RED: ReadonlySet<SecurityEventKind> = new Set(['login_failed', 'lockout', 'login_locked', 'witness_failed', 'permission_denied']);

export function SecurityEventTable({ rows, loading, height = 460 }: { rows: SecurityEventDto[]; loading?: boolean; height?: number }) {
  return (
    <Table<SecurityEventDto>
      rowKey="seq"
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={false}
      scroll={{ y: height }}
      data-testid="security-table"
      columns={[
        { title: '序号', dataIndex: 'seq', width: 70 },
        { title: '时间', dataIndex: 'occurredAt', width: 140, render: (v: string) => fmtTime(v) },
        { title: '类别', dataIndex: 'kind', width: 120, render: (k: SecurityEventKind) => <Tag color={RED.has(k) ? 'red' : 'blue'}>{SECURITY_EVENT_LABELS[k]}</Tag> },
        { title: '涉及账号', dataIndex: 'subjectName', width: 110, render: (v: string | null) => v ?? '—' },
        { title: '操作人', dataIndex: 'actorName', width: 100, render: (v: string | null) => v ?? '—' },
        { title: '终端地址', dataIndex: 'client', width: 120, render: (v: string | null) => v ?? '—' },
        { title: '说明', dataIndex: 'note', ellipsis: true },
      ]}
    />
  );
}
