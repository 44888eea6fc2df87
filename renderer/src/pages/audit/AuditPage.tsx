/** 监督 (inspector): check the ledger, check paper against it, sign checkpoints, print trails of any scope. */
import { Col, Row, Space } from 'antd';
import { LedgerCheckCard } from './LedgerCheckCard';
import { TrailPrintCards } from './TrailPrintCard';
import { DocumentCheckCard } from './DocumentCheckCard';
import { AnchorCard } from './AnchorCard';
import { ScopeTrailCard } from './ScopeTrailCard';

export function AuditPage() {
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <LedgerCheckCard />
      <Row gutter={12}>
        <Col span={14}><DocumentCheckCard /></Col>
        <Col span={10}><AnchorCard /></Col>
      </Row>
      <TrailPrintCards />
      <ScopeTrailCard />
    </Space>
  );
}
