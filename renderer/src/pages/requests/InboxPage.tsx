/**
 * 待办: what waits for the signed-in user — requests to approve, transfers to accept, executions to do, loans out,
 * own requests. Each tab shows its count; without a chosen tab the page opens on the first one that has work.
 */
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
import type { ProposalDto } from '@shared/api/correction.contract';
import { ProposalTable } from './ProposalTable';
import { SupervisionInboxNotice } from '../reports/SupervisionInboxNotice';

/** Tabs: the request boxes, plus corrections and lost reports to approve (not requests: item_proposals). */
type Tab = InboxBox | 'proposals';

export function InboxPage() {
  const toastError = useErrorToast();
  const can = useCan();
  const boxes = useMemo(() => {
    const b: Tab[] = [];
    if (can('request.decide')) b.push('approve');
    if (can('transfer.accept')) b.push('accept');
    if (can('request.decide')) b.push('proposals');
    if (can('custody.handle')) b.push('execute', 'checkIn');
    if (can('request.create')) b.push('mine');
    return b.length ? b : (['mine'] as Tab[]);
  }, [can]);
  const counts = useInboxCounts();
  const [params, setParams] = useSearchParams();
  const chosen = boxes.includes(params.get('box') as Tab) ? (params.get('box') as Tab) : null;
  const countsLoaded = counts.approve !== undefined;
  // Picked once, when the counts first arrive; later changes (an item just approved) do not move the user.
  const [firstWithWork, setFirstWithWork] = useState<Tab | null>(null);
  useEffect(() => {
    if (countsLoaded && !firstWithWork) setFirstWithWork(boxes.find((b) => (counts[b] ?? 0) > 0) ?? boxes[0]!);
  }, [countsLoaded, counts, boxes, firstWithWork]);
  const box: Tab | null = chosen ?? firstWithWork;
  const [proposals, setProposals] = useState<ProposalDto[]>([]);
  const [rows, setRows] = useState<RequestSummaryDto[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(1);
  const [loading, setLoading] = useState(false);

  const load = useCallback(() => {
    if (!box) return;
    setLoading(true);
    if (box === 'proposals') {
      void call('proposal.list', { toDecide: true, limit: 200 })
        .then((r) => setProposals(r.rows))
        .catch(toastError)
        .finally(() => setLoading(false));
      return;
    }
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
      <SupervisionInboxNotice />
      <Tabs
        activeKey={box ?? undefined}
        onChange={(k) => {
          setPage(1);
          setParams({ box: k });
        }}
        items={boxes.map((b) => ({
          key: b,
          label: (
            <span data-testid={`box-${b}`}>
              {b === 'proposals' ? '更正/遗失审批' : INBOX_BOX_LABELS[b]}{' '}
              <Badge
                data-testid={`box-count-${b}`}
                count={counts[b] ?? 0}
                showZero
                overflowCount={999}
                color={(counts[b] ?? 0) > 0 ? undefined : '#d9d9d9'}
                style={(counts[b] ?? 0) > 0 ? undefined : { color: '#595959', boxShadow: 'none' }}
              />
            </span>
          ),
        }))}
      />
      {box === 'proposals' ? (
        <ProposalTable rows={proposals} loading={loading} onChanged={load} />
      ) : (
        <RequestTable rows={box ? rows : []} total={total} loading={loading || !box} testId="inbox-table" page={{ current: page, pageSize: 50, onChange: (p) => setPage(p) }} />
      )}
    </Card>
  );
}
