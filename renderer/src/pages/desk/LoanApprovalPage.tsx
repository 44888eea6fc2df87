/** 调用审批 (approver): pending loans of the own agency; approve or reject with a comment. */
import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { RequestSummaryDto, RequestDto } from '@shared/api/request.contract';
import { LOAN_PURPOSE_LABELS } from '@shared/domain/requests';
import { call } from '../../api/client';
import { useAction } from '../../components/use-action';
import { fmtTime } from '../../components/labels';
import { useSession } from '../../app/session';
import { notifyInboxChanged } from '../requests/request-ui';

function Items({ id, reason }: { id: number; reason: string | null }) {
  const [r, setR] = useState<RequestDto | null>(null);
  const { run } = useAction();
  useEffect(() => void run(() => call('request.get', { id })).then((x) => x && setR(x)), [id, run]);
  return (
    <div style={{ paddingLeft: 8 }}>
      <Typography.Text type="secondary">事由：</Typography.Text>
      {reason ?? '—'}
      <br />
      <Typography.Text type="secondary">物品：</Typography.Text>
      {r?.items.map((i) => <Tag key={i.id}>{i.code} {i.name}</Tag>) ?? '…'}
    </div>
  );
}

export function LoanApprovalPage() {
  const { user } = useSession();
  const [rows, setRows] = useState<RequestSummaryDto[]>([]);
  const [comments, setComments] = useState<Record<number, string>>({});
  const { run, busy } = useAction();
  const load = useCallback(() => void run(() => call('request.list', { kind: 'loan', status: ['pending'], limit: 200 })).then((r) => r && setRows(r.rows.filter((x) => x.fromAgencyId === user.agencyId))), [run, user.agencyId]);
  useEffect(load, [load]);

  const decide = async (r: RequestSummaryDto, approve: boolean) => {
    const ok = await run(() => call('request.decide', { id: r.id, approve, comment: comments[r.id]?.trim() || undefined }), { success: `${r.requestNo} 已${approve ? '批准' : '驳回'}` });
    if (ok) {
      notifyInboxChanged();
      load();
    }
  };

  return (
    <Card title="调用审批（待审批）" extra={<Link to="/inbox?box=approve">移送、发还、处置等其他申请在「待办事项」中审批 →</Link>}>
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        本单位待审批的调用申请。可填写审批意见后批准或驳回；本人提交的申请须由其他审批人审批。
      </Typography.Paragraph>
      <Table<RequestSummaryDto>
        size="small"
        rowKey="id"
        loading={busy}
        dataSource={rows}
        pagination={false}
        scroll={{ y: 520 }}
        expandable={{ expandedRowRender: (r) => <Items id={r.id} reason={r.reason} />, expandedRowKeys: rows.map((r) => r.id), showExpandColumn: false }}
        locale={{ emptyText: '没有待审批的调用申请' }}
        columns={[
          { title: '调用单号', dataIndex: 'requestNo', width: 150, render: (no: string, r) => <Link to={`/requests/${r.id}`}>{no}</Link> },
          { title: '案件', width: 170, ellipsis: true, render: (_, r) => r.caseNo },
          { title: '申请人', dataIndex: 'createdByName', width: 76 },
          { title: '用途', width: 64, render: (_, r) => (r.details.purpose ? LOAN_PURPOSE_LABELS[r.details.purpose] : '') },
          { title: '事由', dataIndex: 'reason', ellipsis: true },
          { title: '件数', dataIndex: 'itemCount', width: 56 },
          { title: '归还期限', dataIndex: 'dueAt', width: 130, render: fmtTime },
          {
            title: '审批',
            width: 240,
            render: (_, r) => (
              <Space.Compact>
                <Input size="small" placeholder="审批意见" style={{ width: 130 }} value={comments[r.id] ?? ''} onChange={(e) => setComments({ ...comments, [r.id]: e.target.value })} />
                <Button size="small" type="primary" onClick={() => void decide(r, true)} data-testid={`approve-${r.requestNo}`}>批准</Button>
                <Button size="small" danger onClick={() => void decide(r, false)}>驳回</Button>
              </Space.Compact>
            ),
          },
        ]}
      />
    </Card>
  );
}
