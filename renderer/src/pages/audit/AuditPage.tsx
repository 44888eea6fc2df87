/** 监督 (inspector): check the custody ledger's hash chain and print audit trails of an item or a case. */
import { Space } from 'antd';
import { LedgerCheckCard } from './LedgerCheckCard';
import { TrailPrintCards } from './TrailPrintCard';

export function AuditPage() {
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <LedgerCheckCard />
      <TrailPrintCards />
    </Space>
  );
}
