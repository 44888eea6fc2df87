/** 调用审批 (approver): pending loans of the own agency; approve or reject with a comment. */
import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Input, Space, Table, Tag } from 'antd';
import type { RequestSummaryDto, RequestDto } from '@shared/api/request.contract';
import { LOAN_PURPOSE_LABELS } from '@shared/domain/requests';
import { call } from '../../api/client';
import { useAction } from '../../components/use-action';
import { fmtTime } from '../../components/labels';

function Items({ id }: { id: number }) {
  const [r, setR] = useState<RequestDto | null>(null);
  const { run } = useAction();
  useEffect(() => void run(() => call('request.get', { id })).then((x) => x && setR(x)), [id, run]);
  return <>{r?.items.map((i) => <Tag key={i.id}>{i.code} {i.name}</Tag>) ?? '…'}</>;
}

export function LoanApprovalPage() {
  const [rows, setRows] = useState<RequestSummaryDto[]>([]);
  const [comments, setComments] = useState<Record<number, string>>({});
  const { run, busy } = useAction();
  const load = useCallback(() => void run(() => call('request.list', { kind: 'loan', status: ['pending'], limit: 200 })).then((r) => r && setRows(r.rows)), [run]);
  useEffect(load, [load]);

  const decide = async (r: RequestSummaryDto, approve: boolean) => {
    const ok = await run(() => call('request.decide', { id: r.id, approve, comment: comments[r.id]?.trim() || undefined }), { success: `${r.requestNo} 已${approve ? '批准' : '驳回'}` });
    if (ok) load();
  };

  return (
    <Card title="调用审批（待审批）">
      <Table<RequestSummaryDto>
        size="small"
        rowKey="id"
        loading={busy}
        dataSource={rows}
        pagination={false}
        scroll={{ y: 520 }}
        expandable={{ expandedRowRender: (r) => <Items id={r.id} />, defaultExpandAllRows: true }}
        locale={{ emptyText: '没有待审批的调用申请' }}
        columns={[
          { title: '调用单号', dataIndex: 'requestNo', width: 140 },
          { title: '案件', width: 170, render: (_, r) => r.caseNo },
          { title: '申请人', dataIndex: 'createdByName', width: 80 },
          { title: '用途', width: 80, render: (_, r) => (r.details.purpose ? LOAN_PURPOSE_LABELS[r.details.purpose] : '') },
          { title: '事由', dataIndex: 'reason', ellipsis: true },
          { title: '件数', dataIndex: 'itemCount', width: 56 },
          { title: '归还期限', dataIndex: 'dueAt', width: 130, render: fmtTime },
          {
            title: '审批',
            width: 300,
            render: (_, r) => (
              <Space.Compact>
                <Input size="small" placeholder="审批意见" style={{ width: 140 }} value={comments[r.id] ?? ''} onChange={(e) => setComments({ ...comments, [r.id]: e.target.value })} />
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
