/** 跨库调拨: goods leave this store for another (调出) or arrive from one (调入); both sides scan every item. */
import { useCallback, useEffect, useState } from 'react';
import { Card, Tabs, Tag } from 'antd';
import type { StoreTransferSummary } from '@shared/api/store.contract';
import { call } from '../../api/client';
import { useAction } from '../../components/use-action';
import { useSession } from '../../app/session';
import { StoreTransferOut } from './StoreTransferOut';
import { StoreTransferIn } from './StoreTransferIn';

export function StoreTransferPage() {
  const { user } = useSession();
  const { run } = useAction();
  const [tab, setTab] = useState<'out' | 'in'>('out');
  const [incoming, setIncoming] = useState<StoreTransferSummary[]>([]);
  const reloadIncoming = useCallback(() => void run(() => call('storeTransfer.list', { direction: 'incoming' }), { quiet: true }).then((r) => r && setIncoming(r)), [run]);
  useEffect(reloadIncoming, [reloadIncoming]);
  const waiting = incoming.filter((t) => t.status === 'IN_TRANSIT').length;
  return (
    <Card title={<>跨库调拨 <Tag color="blue">本库：{user.storeName ?? '未指定'}</Tag></>} styles={{ body: { paddingTop: 0 } }}>
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as 'out' | 'in')}
        items={[
          { key: 'out', label: '调出（扫描出库）', children: <StoreTransferOut active={tab === 'out'} /> },
          { key: 'in', label: `调入（扫描入库）${waiting ? ` · 在途 ${waiting}` : ''}`, children: <StoreTransferIn active={tab === 'in'} transfers={incoming} onChanged={reloadIncoming} /> },
        ]}
      />
    </Card>
  );
}
