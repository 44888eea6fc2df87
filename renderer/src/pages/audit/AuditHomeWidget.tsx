/** Home card for inspectors: the ledger's current head and the way to the 监督 page. */
import { useEffect, useState } from 'react';
import { Button, Card, Space, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { callQuiet } from '../../api/client';
import { useCan } from '../../app/session';

export function AuditHomeWidget() {
  const can = useCan();
  const nav = useNavigate();
  const allowed = can('audit.read');
  const [head, setHead] = useState<{ seq: number; hash: string } | null>(null);
  useEffect(() => {
    if (allowed) void callQuiet('ledger.head', {}).then(setHead).catch(() => undefined);
  }, [allowed]);
  if (!allowed) return null;
  return (
    <Card size="small" title="监督" data-testid="audit-widget">
      <Space wrap>
        <Typography.Text>
          流转账本当前共 {head ? head.seq.toLocaleString('zh-CN') : '…'} 条记录
          {head?.hash && <>，链头哈希 <Typography.Text code>{head.hash.slice(0, 16)}…</Typography.Text></>}
        </Typography.Text>
        <Button type="primary" icon={<SafetyCertificateOutlined />} onClick={() => nav('/audit')}>
          校验账本、打印流转记录
        </Button>
      </Space>
    </Card>
  );
}
