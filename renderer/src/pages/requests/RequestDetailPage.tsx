/** One request: header, who acts next, the user's actions, scan execution, items, timeline, documents. */
import { useCallback, useEffect, useState } from 'react';
import { Alert, Card, Descriptions, Result, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import type { ItemDto } from '@shared/api/item.contract';
import type { RequestDto } from '@shared/api/request.contract';
import { CLAIMANT_ID_TYPE_LABELS, DISPOSITION_METHOD_LABELS, LOAN_PURPOSE_LABELS, RETURN_CONDITION_LABELS } from '@shared/domain/requests';
import { call } from '../../api/client';
import { errorText } from '../../components/use-action';
import { EventTimeline } from '../../components/EventTimeline';
import { ItemStatusTag } from '../../components/ItemStatusTag';
import { fmtTime } from '../../components/labels';
import { RequestActions } from './RequestActions';
import { RequestPrintButtons } from './RequestPrintButtons';
import { ExecutePanel } from './ExecutePanel';
import { dispositionValueLines } from './disposition-value-lines';
import { RequestKindTag, RequestStatusTag } from './request-ui';

/** Called as a function: antd's Descriptions reads its items from its direct children (fragments are flattened). */
function kindDetails(r: RequestDto) {
  const d = r.details;
  const items: Array<[string, React.ReactNode]> = [];
  if (r.kind === 'loan') {
    items.push(['用途', d.purpose ? LOAN_PURPOSE_LABELS[d.purpose] : '—'], ['借用人', d.borrower ? `${d.borrower.name}${d.borrower.idNo ? `（${d.borrower.idNo}）` : ''}` : '—'], ['归还期限', fmtTime(r.dueAt)]);
    if (d.pendingExtension) items.push(['待批延期', `至 ${fmtTime(d.pendingExtension.newDueAt)}：${d.pendingExtension.reason}`]);
  }
  if (r.kind === 'transfer') items.push(['接收单位', r.toAgencyName], ['接收确认', r.acceptedByName ? `${r.acceptedByName} ${fmtTime(r.acceptedAt)}${d.receiverDecision === 'rejected' ? '（拒收）' : ''}` : '—']);
  if (r.kind === 'return' && d.claimant)
    items.push(['领取人', d.claimant.name], ['证件', d.claimant.idNo ? `${d.claimant.idType ? CLAIMANT_ID_TYPE_LABELS[d.claimant.idType] : ''} ${d.claimant.idNo}` : `授权委托书 ${d.claimant.authorisationDocNo ?? ''}`]);
  if (r.kind === 'disposition') items.push(['处置方式', d.method ? DISPOSITION_METHOD_LABELS[d.method] : '—'], ...dispositionValueLines(r));
  if (r.kind === 'allocation') items.push(['目标库位', d.toLocationPath ?? '—']);
  if (d.executorName) items.push(['执行人', d.executorName]);
  if (d.witnesses?.length) items.push(['见证人', d.witnesses.map((w) => w.name).join('、')]);
  if (d.actualDate) items.push(['实际执行日期', fmtTime(d.actualDate)]);
  if (d.cancelReason) items.push(['撤销', `${d.cancelledByName ?? ''}：${d.cancelReason}`]);
  return (
    <>
      {items.map(([k, v]) => (
        <Descriptions.Item key={k} label={k}>
          {v}
        </Descriptions.Item>
      ))}
    </>
  );
}

export function RequestDetailPage() {
  const { id } = useParams();
  const [r, setR] = useState<RequestDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<string>('items');
  const load = useCallback(async () => {
    try {
      const next = await call('request.get', { id: Number(id) });
      setR(next);
      setError(null);
      return next;
    } catch (e) {
      setError(errorText(e).title);
      return null;
    }
  }, [id]);
  useEffect(() => {
    void load().then((next) => next && setTab(next.actions.includes('execute') || next.actions.includes('receiveIn') ? 'execute' : 'items'));
  }, [load]);

  if (error) return <Result status="warning" title={error} />;
  if (!r) return <Spin />;
  const scanMode = r.actions.includes('execute') ? 'execute' : r.actions.includes('receiveIn') ? 'receiveIn' : null;
  const open = new Set(r.openItemIds);
  const returns = r.details.returns ?? {};
  const refresh = (next?: RequestDto) => {
    if (next) setR(next);
    void load();
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={8}>
      <Card
        size="small"
        title={
          <Space>
            <span data-testid="request-no">{r.requestNo}</span>
            <RequestKindTag kind={r.kind} mode={r.mode} />
            <span data-testid="request-status">
              <RequestStatusTag status={r.status} />
            </span>
          </Space>
        }
        extra={<RequestPrintButtons r={r} onPrinted={() => void load()} />}
      >
        <Descriptions size="small" column={4}>
          <Descriptions.Item label="案件">{r.caseId ? <Link to={`/cases/${r.caseId}`}>{`${r.caseNo} ${r.caseName ?? ''}`}</Link> : '—'}</Descriptions.Item>
          <Descriptions.Item label="申请单位">{r.fromAgencyName}</Descriptions.Item>
          <Descriptions.Item label="申请人">{`${r.createdByName} ${fmtTime(r.createdAt)}`}</Descriptions.Item>
          <Descriptions.Item label="物品">{`${r.itemCount} 件（未完结 ${r.openItemCount} 件）`}</Descriptions.Item>
          <Descriptions.Item label="事由" span={2}>{r.reason ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="法律依据" span={2}>{r.legalBasis ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="审批">
            {r.decidedByName ? `${r.decidedByName} ${fmtTime(r.decidedAt)}${r.decisionComment ? `：${r.decisionComment}` : ''}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="执行">{r.executedByName ? `${r.executedByName} ${fmtTime(r.executedAt)}` : '—'}</Descriptions.Item>
          {kindDetails(r)}
        </Descriptions>
        <Alert
          style={{ marginTop: 8 }}
          type={r.actions.some((a) => a !== 'print') ? 'warning' : 'info'}
          showIcon
          data-testid="waiting-for"
          title={
            <Space wrap>
              <span>下一步：{r.waitingFor}</span>
              <RequestActions r={r} onChanged={refresh} />
            </Space>
          }
        />
      </Card>
      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            ...(scanMode
              ? [{ key: 'execute', label: scanMode === 'receiveIn' ? '扫描入库' : '扫描执行', children: <ExecutePanel key={`${r.id}-${r.status}`} r={r} mode={scanMode} onDone={refresh} /> }]
              : []),
            {
              key: 'items',
              label: `物品清单（${r.items.length}）`,
              children: (
                <Table<ItemDto>
                  data-testid="request-items"
                  size="small"
                  rowKey="id"
                  dataSource={r.items}
                  pagination={false}
                  scroll={{ y: 330 }}
                  columns={[
                    { title: '编码', dataIndex: 'code', width: 170, render: (c: string, it) => <Link to={`/items/${it.id}`}>{c}</Link> },
                    { title: '名称', dataIndex: 'name', ellipsis: true },
                    { title: '数量', width: 80, render: (_, it) => `${it.quantity} ${it.unit}` },
                    { title: '特征', dataIndex: 'features', ellipsis: true },
                    { title: '状态', dataIndex: 'status', width: 100, render: (s: ItemDto['status']) => <ItemStatusTag status={s} /> },
                    { title: '库位', width: 180, ellipsis: true, render: (_, it) => <span data-testid={`loc-${it.code}`}>{it.locationPath ?? it.outWith ?? '—'}</span> },
                    { title: '保管单位', dataIndex: 'holdingAgencyName', width: 150, ellipsis: true },
                    {
                      title: '本单',
                      width: 110,
                      render: (_, it) =>
                        returns[String(it.id)] ? (
                          <Tag>{`归还：${RETURN_CONDITION_LABELS[returns[String(it.id)]!.condition]}`}</Tag>
                        ) : open.has(it.id) ? (
                          <Tag color="blue">未完结</Tag>
                        ) : (
                          <Tag>已完结</Tag>
                        ),
                    },
                  ]}
                />
              ),
            },
            { key: 'events', label: `流转记录（${r.events.length}）`, children: <EventTimeline events={r.events} /> },
          ]}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          扫描申请单条码可直接打开本页；扫描执行时逐件扫描物品条码即可，无需点击。
        </Typography.Text>
      </Card>
    </Space>
  );
}
