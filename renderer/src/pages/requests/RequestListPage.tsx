/** All requests the user may see, with filters by kind, status, own requests and free text. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Card, Checkbox, Input, Select, Space } from 'antd';
import { REQUEST_KINDS, REQUEST_KIND_LABELS, REQUEST_STATUSES, REQUEST_STATUS_LABELS, type RequestKind, type RequestStatus } from '@shared/domain/requests';
import { call } from '../../api/client';
import { RequestTable } from './RequestTable';
import { useErrorToast } from '../../components/use-action';
import { useCursorPages } from '../../components/CursorPager';
import { ExportButton } from '../../components/ExportButton';

export function RequestListPage() {
  const toastError = useErrorToast();
  const [kind, setKind] = useState<RequestKind | undefined>();
  const [status, setStatus] = useState<RequestStatus[]>([]);
  const [mine, setMine] = useState(false);
  const [q, setQ] = useState('');
  const [dq, setDq] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setDq(q.trim()), 200);
    return () => clearTimeout(t);
  }, [q]);
  const filter = useMemo(() => ({ kind, status: status.length ? status : undefined, mine: mine || undefined, q: dq || undefined }), [kind, status, mine, dq]);
  const load = useCallback((before: number | undefined) => call('request.list', { ...filter, before, limit: 50 }).catch((e: unknown) => void toastError(e)), [filter, toastError]);
  const { rows, loading, pager } = useCursorPages(load, JSON.stringify(filter));
  return (
    <Card size="small" title="申请单" extra={<ExportButton what="申请单" unit=" 份" job={() => ({ kind: 'request.export', filter })} />}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Input.Search placeholder="申请单号或事由" allowClear style={{ width: 240 }} onChange={(e) => setQ(e.target.value)} />
        <Select
          placeholder="类型"
          allowClear
          style={{ width: 120 }}
          value={kind}
          onChange={setKind}
          options={REQUEST_KINDS.map((k) => ({ value: k, label: REQUEST_KIND_LABELS[k] }))}
        />
        <Select
          mode="multiple"
          placeholder="状态"
          allowClear
          style={{ minWidth: 200 }}
          value={status}
          onChange={setStatus}
          options={REQUEST_STATUSES.map((s) => ({ value: s, label: REQUEST_STATUS_LABELS[s] }))}
        />
        <Checkbox checked={mine} onChange={(e) => setMine(e.target.checked)}>
          只看我提交的
        </Checkbox>
        {pager}
      </Space>
      <RequestTable rows={rows} loading={loading} height={440} />
    </Card>
  );
}
