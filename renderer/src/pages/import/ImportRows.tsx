/** Every row's result: row number, what it reads as, and each problem as 「字段：说明」. */
import { useState } from 'react';
import { Space, Switch, Table, Tag, Typography } from 'antd';
import type { ImportPreviewDto, ImportRowResult } from '@shared/api/import.contract';

export function ImportRows({ preview }: { preview: ImportPreviewDto }) {
  const errors = preview.rows.length - preview.okCount;
  const [onlyBad, setOnlyBad] = useState(errors > 0);
  const rows = onlyBad ? preview.rows.filter((r) => !r.ok) : preview.rows;
  return (
    <>
      <Space style={{ marginBottom: 6 }}>
        <Typography.Text data-testid="import-counts">
          工作表「{preview.sheetName}」，表头第 {preview.headerRow} 行；共 {preview.total} 行，<Typography.Text type="success">{preview.okCount} 行无误</Typography.Text>
          {errors > 0 && <Typography.Text type="danger">，{errors} 行有错误</Typography.Text>}
        </Typography.Text>
        <Switch size="small" checked={onlyBad} onChange={setOnlyBad} /> 只看有错误的行
      </Space>
      <Table<ImportRowResult>
        size="small"
        rowKey="row"
        data-testid="import-rows"
        dataSource={rows}
        pagination={{ pageSize: 50, showSizeChanger: false, size: 'small' }}
        scroll={{ y: 300 }}
        columns={[
          { title: '行号', dataIndex: 'row', width: 64 },
          { title: '结果', width: 70, render: (_, r) => (r.ok ? <Tag color="success">无误</Tag> : <Tag color="error">错误</Tag>) },
          { title: '物品名称', dataIndex: 'name', ellipsis: true },
          { title: '数量', width: 90, render: (_, r) => `${r.quantity} ${r.unit}` },
          { title: '案件编号', dataIndex: 'caseNo', width: 170, ellipsis: true },
          { title: '扣押时间', dataIndex: 'seizedAt', width: 140 },
          { title: '问题', width: 420, render: (_, r) => r.messages.map((m) => <div key={m}><Typography.Text type="danger">{m}</Typography.Text></div>) },
        ]}
      />
    </>
  );
}
