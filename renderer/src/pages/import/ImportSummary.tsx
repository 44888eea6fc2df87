/** After the import: how many items, their code range, per case; the batch's labels print in one go. */
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Space, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { ImportResultDto } from '@shared/api/import.contract';
import { LABELS_PER_JOB } from '@shared/api/document.contract';
import { jobFile } from '../../api/jobs';
import { useCan } from '../../app/session';
import { PrintDialog } from '../../components/PrintDialog';

export function ImportSummary({ result, onAgain }: { result: ImportResultDto; onAgain(): void }) {
  const can = useCan();
  const [printing, setPrinting] = useState(false);
  const ids = result.itemIds.slice(0, LABELS_PER_JOB);
  return (
    <Card title={`导入完成：共 ${result.count} 件`} size="small" extra={<Button onClick={onAgain}>继续导入</Button>} data-testid="import-summary">
      <Alert type="success" showIcon style={{ marginBottom: 12 }} title="物品已登记（每件一条登记事件），请在 24 小时内移交保管中心入库。" />
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label="扣押清单编号">{result.seizureDocNo}</Descriptions.Item>
        <Descriptions.Item label="物品编码">{result.firstCode} 至 {result.lastCode}</Descriptions.Item>
        {result.cases.map((c) => (
          <Descriptions.Item key={c.caseNo} label={`案件 ${c.caseNo}`}>{c.count} 件</Descriptions.Item>
        ))}
      </Descriptions>
      <Space style={{ marginTop: 12 }}>
        {can('custody.handle') ? (
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => setPrinting(true)} data-testid="import-print-labels">
            打印本批标签{result.count > ids.length ? `（前 ${ids.length} 件）` : ''}
          </Button>
        ) : (
          <Typography.Text type="secondary">标签由保管员在入库时打印。</Typography.Text>
        )}
        <Link to="/items">到物品查询查看</Link>
      </Space>
      <PrintDialog open={printing} title="打印本批物品标签" summary={`共 ${ids.length} 件物品`} onClose={() => setPrinting(false)} render={(stock, onProgress) => jobFile({ kind: 'label.items', itemIds: ids, stock }, onProgress)} />
    </Card>
  );
}
