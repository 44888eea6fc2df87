/** Cases the user may see; a row opens the case page. */
import { useCallback, useEffect, useState } from 'react';
import { Card, Input, Space, Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { CaseDto } from '@shared/api/item.contract';
import { CASE_STAGE_LABELS } from '@shared/domain/enums';
import { call } from '../../api/client';
import { fmtTime } from '../../components/labels';
import { useErrorToast } from '../../components/use-action';
import { useCursorPages } from '../../components/CursorPager';
import { ExportButton } from '../../components/ExportButton';

export function CaseListPage() {
  const toastError = useErrorToast();
  const [q, setQ] = useState('');
  const [dq, setDq] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setDq(q.trim()), 200);
    return () => clearTimeout(t);
  }, [q]);
  const load = useCallback((before: number | undefined) => call('case.list', { q: dq || undefined, before, limit: 50 }).catch((e: unknown) => void toastError(e)), [dq, toastError]);
  const { rows, loading, pager } = useCursorPages(load, dq);
  return (
    <Card size="small" title="案件" extra={<ExportButton what="案件" unit=" 件" job={() => ({ kind: 'case.export', filter: { q: dq || undefined } })} />}>
      <Space style={{ marginBottom: 8, width: '100%', justifyContent: 'space-between' }}>
        <Input.Search placeholder="案件编号或名称" allowClear style={{ width: 300 }} onChange={(e) => setQ(e.target.value)} />
        {pager}
      </Space>
      <Table<CaseDto>
        data-testid="case-table"
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={rows}
        scroll={{ y: 460 }}
        pagination={false}
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
