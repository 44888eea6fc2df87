/** 盘亏审批: an approver of the holding agency agrees that a missing item is lost (LOST_REPORTED) or sends it back. */
import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Empty, Input, Space, Table } from 'antd';
import type { DiscrepancyDto } from '@shared/api/stocktake.contract';
import { call } from '../../api/client';
import { useAction } from '../../components/use-action';

export function LossApprovalPage() {
  const { run, busy } = useAction();
  const [rows, setRows] = useState<DiscrepancyDto[]>([]);
  const [notes, setNotes] = useState<Record<number, string>>({});
  const reload = useCallback(() => void run(() => call('stocktake.pendingLosses', {})).then((r) => r && setRows(r)), [run]);
  useEffect(reload, [reload]);
  const decide = async (d: DiscrepancyDto, approve: boolean) => {
    const note = notes[d.id]?.trim() || (approve ? '同意登记丢失' : '');
    if (!note) return;
    const r = await run(() => call('stocktake.decideLoss', { discrepancyId: d.id, approve, note }), { success: approve ? `已同意，${d.code} 登记为丢失` : `已退回，${d.code} 由保管员继续查找` });
    if (r) reload();
  };
  return (
    <Card title="盘亏审批">
      <Table<DiscrepancyDto>
        rowKey="id"
        size="small"
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: <Empty description="没有待审批的盘亏" /> }}
        columns={[
          { title: '盘点单号', dataIndex: 'countNo', width: 140 },
          { title: '物品', render: (_, d) => `${d.code}（${d.itemName ?? ''}）` },
          { title: '账面库位', dataIndex: 'expectedLocation' },
          { title: '保管员说明', render: (_, d) => `${d.note ?? ''}（${d.proposedByName ?? ''}）` },
          {
            title: '审批',
            width: 360,
            render: (_, d) => (
              <Space.Compact block>
                <Input placeholder="审批意见（退回时必填）" value={notes[d.id] ?? ''} onChange={(e) => setNotes({ ...notes, [d.id]: e.target.value })} />
                <Button type="primary" danger disabled={busy} onClick={() => void decide(d, true)}>同意登记丢失</Button>
                <Button disabled={busy || !notes[d.id]?.trim()} onClick={() => void decide(d, false)}>退回</Button>
              </Space.Compact>
            ),
          },
        ]}
      />
    </Card>
  );
}
