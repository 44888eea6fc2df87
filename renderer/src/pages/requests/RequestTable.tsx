/** A table of request summaries; a row (or Enter on it) opens the request. */
import { Table, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { RequestSummaryDto } from '@shared/api/request.contract';
import { fmtTime } from '../../components/labels';
import { RequestKindTag, RequestStatusTag } from './request-ui';

type Props = {
  rows: RequestSummaryDto[];
  total?: number;
  loading?: boolean;
  page?: { current: number; pageSize: number; onChange(p: number, size: number): void };
  testId?: string;
  height?: number;
};

export function RequestTable({ rows, total, loading, page, testId = 'request-table', height = 430 }: Props) {
  const nav = useNavigate();
  return (
    <Table<RequestSummaryDto>
      data-testid={testId}
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={rows}
      scroll={{ y: height }}
      onRow={(r) => ({ onDoubleClick: () => nav(`/requests/${r.id}`) })}
      pagination={page ? { current: page.current, pageSize: page.pageSize, total, onChange: page.onChange, showTotal: (t) => `共 ${t} 条`, size: 'small' } : false}
      locale={{ emptyText: '没有申请单' }}
      columns={[
        { title: '申请单号', dataIndex: 'requestNo', width: 140, render: (no: string, r) => <Link to={`/requests/${r.id}`}>{no}</Link> },
        { title: '类型', width: 100, render: (_, r) => <RequestKindTag kind={r.kind} mode={r.mode} short /> },
        { title: '状态', dataIndex: 'status', width: 80, render: (s: RequestSummaryDto['status']) => <RequestStatusTag status={s} /> },
        { title: '案件', ellipsis: { showTitle: true }, render: (_, r) => (r.caseId ? <Link to={`/cases/${r.caseId}`} title={`${r.caseNo} ${r.caseName ?? ''}`}>{`${r.caseNo} ${r.caseName ?? ''}`}</Link> : '—') },
        { title: '件数', dataIndex: 'itemCount', width: 56 },
        { title: '单位', width: 150, ellipsis: true, render: (_, r) => (r.toAgencyName ? `${r.fromAgencyName} → ${r.toAgencyName}` : r.fromAgencyName) },
        { title: '申请人', dataIndex: 'createdByName', width: 76 },
        { title: '申请时间', dataIndex: 'createdAt', width: 124, render: fmtTime },
        { title: '下一步', dataIndex: 'waitingFor', width: 150, ellipsis: true, render: (w: string) => <Typography.Text type="secondary" title={w}>{w}</Typography.Text> },
      ]}
    />
  );
}
