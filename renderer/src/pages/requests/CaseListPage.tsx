/** Cases the user may see; a row opens the case page. */
import { useEffect, useState } from 'react';
import { Card, Input, Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { CaseDto } from '@shared/api/item.contract';
import { CASE_STAGE_LABELS } from '@shared/domain/enums';
import { call } from '../../api/client';
import { fmtTime } from '../../components/labels';
import { useErrorToast } from '../../components/use-action';

export function CaseListPage() {
  const toastError = useErrorToast();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ total: number; rows: CaseDto[] }>({ total: 0, rows: [] });
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    const t = setTimeout(() => {
      setLoading(true);
      void call('case.list', { q: q || undefined, offset: (page - 1) * 50, limit: 50 })
        .then(setData)
        .catch(toastError)
        .finally(() => setLoading(false));
    }, 200);
    return () => clearTimeout(t);
  }, [q, page, toastError]);
  return (
    <Card size="small" title="案件">
      <Input.Search placeholder="案件编号或名称" allowClear style={{ width: 300, marginBottom: 8 }} onChange={(e) => { setPage(1); setQ(e.target.value); }} />
      <Table<CaseDto>
        data-testid="case-table"
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data.rows}
        scroll={{ y: 460 }}
        pagination={{ current: page, pageSize: 50, total: data.total, onChange: setPage, showSizeChanger: false, size: 'small' }}
        columns={[
          { title: '案件编号', dataIndex: 'caseNo', width: 220, render: (n: string, c) => <Link to={`/cases/${c.id}`}>{n}</Link> },
          { title: '案件名称', dataIndex: 'name', ellipsis: true },
          { title: '诉讼阶段', dataIndex: 'stage', width: 100, render: (s: CaseDto['stage']) => <Tag>{CASE_STAGE_LABELS[s]}</Tag> },
          { title: '主办单位', dataIndex: 'hostAgencyName', width: 180 },
          { title: '物品', dataIndex: 'itemCount', width: 70 },
          { title: '立案', dataIndex: 'createdAt', width: 130, render: fmtTime },
        ]}
      />
    </Card>
  );
}
