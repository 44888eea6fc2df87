/** 待办: what waits for the signed-in user — requests to approve, transfers to accept, executions to do, loans out, own requests. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Badge, Card, Tabs } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { RequestSummaryDto } from '@shared/api/request.contract';
import { INBOX_BOX_LABELS, type InboxBox } from '@shared/domain/requests';
import { call } from '../../api/client';
import { useCan } from '../../app/session';
import { RequestTable } from './RequestTable';
import { useInboxCounts } from './use-inbox-counts';
import { onInboxChanged } from './request-ui';
import { useErrorToast } from '../../components/use-action';

export function InboxPage() {
  const toastError = useErrorToast();
  const can = useCan();
  const boxes = useMemo(() => {
    const b: InboxBox[] = [];
    if (can('request.decide')) b.push('approve');
    if (can('transfer.accept')) b.push('accept');
    if (can('custody.handle')) b.push('execute', 'checkIn');
    if (can('request.create')) b.push('mine');
    return b.length ? b : (['mine'] as InboxBox[]);
  }, [can]);
  const counts = useInboxCounts();
  const [params, setParams] = useSearchParams();
  const box = (boxes.includes(params.get('box') as InboxBox) ? params.get('box') : boxes[0]) as InboxBox;
  const [rows, setRows] = useState<RequestSummaryDto[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(1);
  const [loading, setLoading] = useState(false);

  const load = useCallback(() => {
    setLoading(true);
    void call('inbox.list', { box, offset: (page - 1) * 50, limit: 50 })
      .then((r) => {
        setRows(r.rows);
        setTotal(r.total);
      })
      .catch(toastError)
      .finally(() => setLoading(false));
  }, [box, page, toastError]);
  useEffect(load, [load]);
  useEffect(() => onInboxChanged(load), [load]);

  return (
    <Card size="small" title="待办事项" extra={box === 'approve' && <Link to="/loan-approval">调用申请可在「调用审批」中逐条快速审批 →</Link>}>
      <Tabs
        activeKey={box}
        onChange={(k) => {
          setPage(1);
          setParams({ box: k });
        }}
        items={boxes.map((b) => ({
          key: b,
          label: (
            <span data-testid={`box-${b}`}>
              {INBOX_BOX_LABELS[b]} <Badge count={counts[b] ?? 0} showZero={false} overflowCount={999} />
            </span>
          ),
        }))}
      />
      <RequestTable rows={rows} total={total} loading={loading} testId="inbox-table" page={{ current: page, pageSize: 50, onChange: (p) => setPage(p) }} />
    </Card>
  );
}
