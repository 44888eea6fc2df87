/** Value totals of a case on its page: as seized, sold (成交价款), confiscated (没收上缴), deposited (存入专户), cash held. */
import { useEffect, useState } from 'react';
import { Descriptions, Table, Typography } from 'antd';
import { Link } from 'react-router';
import type { MethodOutput } from '@shared/api/contract';
import type { ValueRecordDto } from '@shared/api/value.contract';
import { VALUE_RECORD_KIND_LABELS } from '@shared/domain/disposition-value';
import { call } from '../../api/client';
import { fmtMoney, fmtTime } from '../../components/labels';

type Values = MethodOutput<'case.values'>;
const total = (t: { count: number; amount: number }) => (t.count ? `${fmtMoney(t.amount)}（${t.count} 笔）` : '—');

export function CaseValuePanel({ caseId, version }: { caseId: number; version?: number }) {
  const [v, setV] = useState<Values | null>(null);
  useEffect(() => {
    let live = true;
    void call('case.values', { caseId })
      .then((x) => live && setV(x))
      .catch(() => live && setV(null));
    return () => {
      live = false;
    };
  }, [caseId, version]);
  if (!v) return null;
  return (
    <div data-testid="case-values">
      <Descriptions size="small" column={5} title={<Typography.Text strong>价值合计</Typography.Text>}>
        <Descriptions.Item label="登记现金">{fmtMoney(v.seized.cash)}</Descriptions.Item>
        <Descriptions.Item label="登记估值">{fmtMoney(v.seized.estimated)}</Descriptions.Item>
        <Descriptions.Item label="变卖/拍卖成交">
          <span data-testid="value-sale">{total(v.sale)}</span>
        </Descriptions.Item>
        <Descriptions.Item label="没收上缴">
          <span data-testid="value-confiscation">{total(v.confiscation)}</span>
        </Descriptions.Item>
        <Descriptions.Item label="存入专户">
          <span data-testid="value-deposit">{total(v.deposit)}</span>
        </Descriptions.Item>
      </Descriptions>
      {v.records.length > 0 && (
        <Table<ValueRecordDto>
          size="small"
          rowKey={(r) => `${r.kind}-${r.itemId}-${r.voucherNo}`}
          dataSource={v.records}
          pagination={false}
          scroll={{ y: 160 }}
          data-testid="value-records"
          columns={[
            { title: '去向', width: 130, render: (_, r) => VALUE_RECORD_KIND_LABELS[r.kind] },
            { title: '物品', width: 220, ellipsis: true, render: (_, r) => <Link to={`/items/${r.itemId}`}>{`${r.itemCode} ${r.itemName}`}</Link> },
            { title: '金额', width: 120, render: (_, r) => fmtMoney(r.amount) },
            { title: '买受人/接收单位/专户', dataIndex: 'party', ellipsis: true },
            { title: '凭证编号', dataIndex: 'voucherNo', width: 180, ellipsis: true },
            { title: '价款物品', width: 170, render: (_, r) => (r.proceedsItemId ? <Link to={`/items/${r.proceedsItemId}`}>{r.proceedsCode}</Link> : '—') },
            { title: '时间', width: 130, render: (_, r) => fmtTime(r.recordedAt) },
          ]}
        />
      )}
    </div>
  );
}
