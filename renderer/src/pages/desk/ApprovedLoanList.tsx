/** The approved loans waiting to go out, as a list: request no., borrower, items, due date, and a button to check it out. */
import { Button, Empty, Table, Typography } from 'antd';
import { ExportOutlined } from '@ant-design/icons';
import type { RequestDto } from '@shared/api/request.contract';
import { fmtTime } from '../../components/labels';

type Props = { rows: RequestDto[]; loading: boolean; onOpen(id: number): void };

export function ApprovedLoanList({ rows, loading, onOpen }: Props) {
  return (
    <Table<RequestDto>
      data-testid="approved-loans"
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={rows}
      pagination={false}
      scroll={{ y: 'calc(100vh - 330px)' }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="目前没有已批准、待出库的调用申请" /> }}
      onRow={(r) => ({ onDoubleClick: () => onOpen(r.id) })}
      columns={[
        { title: '调用单号', dataIndex: 'requestNo', width: 150 },
        { title: '借用人', width: 130, render: (_, r) => r.details.borrower?.name ?? r.createdByName },
        { title: '申请单位', dataIndex: 'fromAgencyName', width: 150 },
        {
          title: '物品',
          render: (_, r) => (
            <Typography.Text ellipsis={{ tooltip: r.items.map((i) => `${i.code} ${i.name}`).join('\n') }}>
              {r.items.length} 件：{r.items.map((i) => i.name).join('、')}
            </Typography.Text>
          ),
        },
        { title: '归还期限', dataIndex: 'dueAt', width: 140, render: fmtTime },
        {
          title: '',
          width: 96,
          render: (_, r) => (
            <Button size="small" type="primary" icon={<ExportOutlined />} onClick={() => onOpen(r.id)} data-testid={`checkout-${r.requestNo}`}>
              出库
            </Button>
          ),
        },
      ]}
    />
  );
}
