/** All requests the user may see, with filters by kind, status, own requests and free text. */
import { useEffect, useState } from 'react';
import { Card, Checkbox, Input, Select, Space } from 'antd';
import type { RequestSummaryDto } from '@shared/api/request.contract';
import { REQUEST_KINDS, REQUEST_KIND_LABELS, REQUEST_STATUSES, REQUEST_STATUS_LABELS, type RequestKind, type RequestStatus } from '@shared/domain/requests';
import { call } from '../../api/client';
import { RequestTable } from './RequestTable';
import { useErrorToast } from '../../components/use-action';

export function RequestListPage() {
  const toastError = useErrorToast();
  const [kind, setKind] = useState<RequestKind | undefined>();
  const [status, setStatus] = useState<RequestStatus[]>([]);
  const [mine, setMine] = useState(false);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [size, setSize] = useState(50);
  const [data, setData] = useState<{ total: number; rows: RequestSummaryDto[] }>({ total: 0, rows: [] });
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    const t = setTimeout(() => {
      setLoading(true);
      void call('request.list', { kind, status: status.length ? status : undefined, mine: mine || undefined, q: q || undefined, offset: (page - 1) * size, limit: size })
        .then(setData)
        .catch(toastError)
        .finally(() => setLoading(false));
    }, 200);
    return () => clearTimeout(t);
  }, [kind, status, mine, q, page, size, toastError]);

  return (
    <Card size="small" title="申请单">
      <Space wrap style={{ marginBottom: 8 }}>
        <Input.Search placeholder="申请单号或事由" allowClear style={{ width: 240 }} onChange={(e) => { setPage(1); setQ(e.target.value); }} />
        <Select
          placeholder="类型"
          allowClear
          style={{ width: 120 }}
          value={kind}
          onChange={(v) => { setPage(1); setKind(v); }}
          options={REQUEST_KINDS.map((k) => ({ value: k, label: REQUEST_KIND_LABELS[k] }))}
        />
        <Select
          mode="multiple"
          placeholder="状态"
          allowClear
          style={{ minWidth: 200 }}
          value={status}
          onChange={(v) => { setPage(1); setStatus(v); }}
          options={REQUEST_STATUSES.map((s) => ({ value: s, label: REQUEST_STATUS_LABELS[s] }))}
        />
        <Checkbox checked={mine} onChange={(e) => { setPage(1); setMine(e.target.checked); }}>
          只看我提交的
        </Checkbox>
      </Space>
      <RequestTable rows={data.rows} total={data.total} loading={loading} height={440} page={{ current: page, pageSize: size, onChange: (p, s) => { setPage(p); setSize(s); } }} />
    </Card>
  );
}
