/** Home page: stores with no full count in 12 months, or whose custodian changed without a count since. */
import { useEffect, useState } from 'react';
import { Alert, Button, Space } from 'antd';
import { useNavigate } from 'react-router';
import type { StoreWarning } from '@shared/api/stocktake.contract';
import { call } from '../../api/client';
import { useCan } from '../../app/session';
import { useAction } from '../../components/use-action';

export function StocktakeWarningsWidget() {
  const can = useCan();
  const nav = useNavigate();
  const { run } = useAction();
  const [rows, setRows] = useState<StoreWarning[]>([]);
  useEffect(() => void run(() => call('stocktake.warnings', {}), { quiet: true }).then((r) => r && setRows(r)), [run]);
  if (rows.length === 0) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="stocktake-warnings">
      {rows.map((w) => (
        <Alert
          key={`${w.storeId}-${w.kind}`}
          type="warning"
          showIcon
          title={w.message}
          action={can('custody.handle') ? <Button size="small" onClick={() => nav('/stocktake')}>去盘点</Button> : undefined}
        />
      ))}
    </Space>
  );
}
