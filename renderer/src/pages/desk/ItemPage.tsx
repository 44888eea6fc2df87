/** 物品详情 (details first, the timeline as soon as it arrives): key facts on top; the timeline, every field and the photos in tabs (the timeline first); print buttons. */
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Descriptions, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { AlertOutlined, BankOutlined, FlagOutlined, ScissorOutlined, EditOutlined, LockOutlined, PrinterOutlined, ReloadOutlined, SearchOutlined, WarningOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { resolveScanDefault } from '../../scanner';
import type { EventDto, ItemDto } from '@shared/api/item.contract';
import { ITEM_CATEGORY_LABELS, ITEM_FLAG_LABELS, ITEM_SOURCE_LABELS } from '@shared/domain/enums';
import { call } from '../../api/client';
import { peekItemPage, takeItemPage } from '../../api/item-prefetch';
import { jobFile } from '../../api/jobs';
import { useCan, useSession } from '../../app/session';
import { useAction } from '../../components/use-action';
import { ItemStatusTag } from '../../components/ItemStatusTag';
import { EventTimeline } from '../../components/EventTimeline';
import { PhotoPanel } from '../../components/PhotoPanel';
import { PrintDialog } from '../../components/PrintDialog';
import { fmtMoney, fmtQty, fmtTime } from '../../components/labels';
import { SealDialog } from './SealDialog';
import { SplitDialog } from './SplitDialog';
import { DepositDialog } from './DepositDialog';
import { AwayOutcomeDialog } from './AwayOutcomeDialog';
import { CorrectionDialog } from './CorrectionDialog';
import { DiscrepancyDialog, FoundDialog, LostDialog } from './ItemIssueDialogs';
import { ProposalTable } from '../requests/ProposalTable';
import type { ProposalDto } from '@shared/api/correction.contract';
import type { DiscrepancyKind } from '@shared/domain/corrections';

type Dialog = 'trail' | 'label' | 'seal' | 'correct' | 'lost' | 'found' | 'discrepancy' | 'split' | 'away' | 'deposit';
const LIVE_HELD = ['IN_STORE', 'PENDING_DISPOSITION', 'EXTERNAL_CUSTODY', 'DEPOSITED'];
const TERMINAL = ['RETURNED', 'SOLD', 'DESTROYED', 'CONFISCATED', 'HANDED_OVER'];

/** item.timeline's default page size (the page item.page opens with). */
const TIMELINE_PAGE = 200;

export function ItemPage() {
  const { id } = useParams();
  const itemId = Number(id);
  const can = useCan();
  const { user } = useSession();
  const [item, setItem] = useState<ItemDto | null>(null);
  const [events, setEvents] = useState<EventDto[]>([]);
  const [printing, setPrinting] = useState<Dialog | null>(null);
  const [proposals, setProposals] = useState<ProposalDto[]>([]);
  const [discPreset, setDiscPreset] = useState<{ kind: DiscrepancyKind; observedSealNo?: string } | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const { run, busy } = useAction();

  const current = useRef(itemId);
  current.current = itemId;
  const [eventsLoading, setEventsLoading] = useState(true);
  /** The item whose tabs (timeline table first) are mounted: a new item's details commit first, its tabs right after. */
  const [tabsFor, setTabsFor] = useState<number | null>(null);

  // A new item whose page a scan brought back: its details go into this very render (no render of the previous item
  // first, no wait for the effect); the effect below then takes the page and fills the tabs.
  const [detailsFor, setDetailsFor] = useState<number | null>(null);
  if (detailsFor !== itemId) {
    setDetailsFor(itemId);
    setProposals([]); // the previous item's 「待审批」 notice must not show over this one
    const handed = peekItemPage(itemId);
    if (handed) {
      setItem(handed.item);
      setFailed(false);
    }
  }

  // One answer (item.page, or the page a scan brought back) holds the details, the timeline and the proposals. The
  // details commit first; the timeline table renders in a transition right after. An answer for an item no longer
  // shown (the next scan came first) is dropped.
  const load = useCallback(async () => {
    setEventsLoading(true);
    const handed = takeItemPage(itemId);
    const p = handed ?? (await run(() => call('item.page', { id: itemId })));
    if (current.current !== itemId) return;
    setFailed(!p);
    if (!p) return;
    setItem(p.item);
    startTransition(() => {
      setEvents(p.timeline);
      setProposals(p.proposals);
      setEventsLoading(false);
      setTabsFor(itemId);
    });
  }, [itemId, run]);
  /** Older events, a page (200) at a time, below the oldest shown. */
  const loadOlder = async () => {
    const oldest = events[events.length - 1];
    const ev = oldest && (await run(() => call('item.timeline', { id: itemId, beforeSeq: oldest.seq })));
    if (ev) setEvents((old) => [...old, ...ev]);
  };
  const maybeMore = events.length > 0 && events.length % TIMELINE_PAGE === 0;
  useEffect(() => {
    setEvents([]);
    void load();
  }, [load]);

  if (failed) return <Alert type="error" showIcon title={`物品（编号 ${id}）未找到或无权查看`} />;
  if (!item) return <Spin tip="正在读取…" style={{ display: 'block', marginTop: 80 }}><div /></Spin>;
  const v = (s: string | null | undefined) => s || '—';

  const pending = proposals.some((p) => p.status === 'pending');
  const canPropose = can('item.register') && !pending;
  const openDiscrepancy = (preset?: { kind: DiscrepancyKind; observedSealNo?: string }) => {
    setDiscPreset(preset);
    setPrinting('discrepancy');
  };
  const location = item.locationPath ? `${item.locationPath}（${item.locationCode}）` : item.outWith ? `在外：${item.outWith}` : '未上架';

  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }}>
      {pending && (
        <Alert type="warning" showIcon data-testid="pending-proposal" title="本物品有待审批的更正或遗失报告，见下方「更正与遗失报告」；审批前登记信息不变。" />
      )}
      <Card
        size="small"
        title={
          <Space wrap>
            <Typography.Text code style={{ fontSize: 16 }} data-testid="item-code">{item.code}</Typography.Text>
            <span data-testid="item-name">{item.name}</span>
            <ItemStatusTag status={item.status} />
            {item.flags.map((f) => <Tag key={f} color="volcano">{ITEM_FLAG_LABELS[f]}</Tag>)}
          </Space>
        }
        extra={
          <Space>
            <Button size="small" icon={<ReloadOutlined />} onClick={() => void load()} loading={busy}>刷新</Button>
            {canPropose && <Button size="small" icon={<EditOutlined />} onClick={() => setPrinting('correct')} data-testid="btn-correct">申请更正</Button>}
            {canPropose && LIVE_HELD.includes(item.status) && !item.openRequestNo && (
              <Button size="small" icon={<WarningOutlined />} onClick={() => setPrinting('lost')} data-testid="btn-lost">报告遗失</Button>
            )}
            {can('custody.handle') && item.status === 'LOST' && <Button size="small" icon={<SearchOutlined />} onClick={() => setPrinting('found')} data-testid="btn-found">找回</Button>}
            {can('custody.handle') && item.status !== 'LOST' && !TERMINAL.includes(item.status) && (
              <Button size="small" icon={<AlertOutlined />} onClick={() => openDiscrepancy()} data-testid="btn-discrepancy">登记差异</Button>
            )}
            {can('request.create') && item.status === 'TRANSFERRED_OUT' && item.holdingAgencyId === user.agencyId && !item.openRequestNo && (
              <Button size="small" icon={<FlagOutlined />} onClick={() => setPrinting('away')} data-testid="btn-away">登记去向</Button>
            )}
            {can('item.register') && item.status === 'IN_STORE' && !item.openRequestNo && (
              <Button size="small" icon={<ScissorOutlined />} onClick={() => setPrinting('split')} data-testid="btn-split">拆分</Button>
            )}
            {can('custody.handle') && item.status === 'IN_STORE' && (item.category === 'cash' || item.flags.includes('cash')) && !item.openRequestNo && (
              <Button size="small" icon={<BankOutlined />} onClick={() => setPrinting('deposit')} data-testid="btn-deposit">存入专户</Button>
            )}
            {can('custody.handle') && <Button size="small" icon={<LockOutlined />} onClick={() => setPrinting('seal')}>封存/启封</Button>}
            {can('custody.handle') && <Button size="small" icon={<PrinterOutlined />} onClick={() => setPrinting('label')}>打印标签</Button>}
            <Button size="small" icon={<PrinterOutlined />} onClick={() => setPrinting('trail')}>打印流转记录</Button>
          </Space>
        }
      >
        {/* The key facts stay above the tabs; every other field is one tab away, so the timeline needs no scrolling. */}
        <Descriptions size="small" column={3} bordered styles={{ label: { width: 100, whiteSpace: 'nowrap' } }}>
          <Descriptions.Item label="案件">{item.caseNo} {item.caseName}</Descriptions.Item>
          <Descriptions.Item label="数量 / 金额"><span data-testid="item-qty">{fmtQty(item)}</span></Descriptions.Item>
          <Descriptions.Item label="类别">{ITEM_CATEGORY_LABELS[item.category]}</Descriptions.Item>
          <Descriptions.Item label="实物位置"><span data-testid="item-location">{location}</span></Descriptions.Item>
          <Descriptions.Item label="保管单位"><span data-testid="item-agency">{item.holdingAgencyName}</span></Descriptions.Item>
          <Descriptions.Item label="未完结申请">
            {item.openRequestNo ? <Typography.Link data-testid="item-open-request" onClick={() => void resolveScanDefault(item.openRequestNo!)}>{item.openRequestNo}</Typography.Link> : '无'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {tabsFor !== itemId ? <Card size="small" loading data-testid="item-tabs-loading" /> : <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          size="small"
          items={[
            {
              key: 'trail',
              label: `流转记录（${maybeMore ? `最近 ${events.length}` : events.length} 条，最新在前）`,
              children: (
                <>
                  <EventTimeline events={events} loading={eventsLoading} height="calc(100vh - 400px)" />
                  {maybeMore && (
                    <Button size="small" type="link" onClick={() => void loadOlder()} data-testid="timeline-older">
                      加载更早的记录
                    </Button>
                  )}
                </>
              ),
            },
            {
              key: 'fields',
              label: '全部信息',
              children: (
                <Descriptions size="small" column={3} bordered styles={{ label: { width: 100, whiteSpace: 'nowrap' } }} data-testid="item-fields">
                  <Descriptions.Item label="来源">{ITEM_SOURCE_LABELS[item.source]}</Descriptions.Item>
                  <Descriptions.Item label="规格型号">{v(item.spec)}</Descriptions.Item>
                  <Descriptions.Item label="数量">{item.quantity} {item.unit}</Descriptions.Item>
                  <Descriptions.Item label="估值">{fmtMoney(item.estimatedValue)}</Descriptions.Item>
                  <Descriptions.Item label="现金金额">{fmtMoney(item.cashAmount)}</Descriptions.Item>
                  <Descriptions.Item label="封签号">{v(item.sealNo)}</Descriptions.Item>
                  <Descriptions.Item label="持有人">{v(item.ownerName)}</Descriptions.Item>
                  <Descriptions.Item label="证件号码">{v(item.ownerIdNo)}</Descriptions.Item>
                  <Descriptions.Item label="扣押文书"><span style={{ whiteSpace: 'nowrap' }}>{v(item.seizureDocNo)}</span></Descriptions.Item>
                  <Descriptions.Item label="扣押时间">{fmtTime(item.seizedAt)}</Descriptions.Item>
                  <Descriptions.Item label="扣押人">{v(item.seizedBy)}</Descriptions.Item>
                  <Descriptions.Item label="登记时间">{fmtTime(item.createdAt)}</Descriptions.Item>
                  <Descriptions.Item label="特征" span={3}>{v(item.features)}</Descriptions.Item>
                </Descriptions>
              ),
            },
            {
              key: 'proposals',
              label: `更正与遗失报告（${proposals.length}）`,
              children: <ProposalTable rows={proposals} showItem={false} onChanged={() => void load()} />,
            },
            { key: 'photos', label: '照片', children: <PhotoPanel itemId={item.id} canAdd={can('item.register')} /> },
          ]}
        />
      </Card>}
      <PrintDialog open={printing === 'label'} title="打印物品标签" summary={`${item.code} ${item.name}`} onClose={() => setPrinting(null)} render={(stock, onProgress) => jobFile({ kind: 'label.items', itemIds: [item.id], stock }, onProgress)} onDone={() => void load()} />
      <SealDialog item={item} open={printing === 'seal'} onClose={() => setPrinting(null)} onDone={() => void load()} onDiscrepancy={(sealNo) => openDiscrepancy({ kind: 'seal', observedSealNo: sealNo })} />
      <AwayOutcomeDialog item={item} open={printing === 'away'} onClose={() => setPrinting(null)} onDone={() => void load()} />
      <DepositDialog item={item} open={printing === 'deposit'} onClose={() => setPrinting(null)} onDone={() => void load()} />
      <SplitDialog item={item} open={printing === 'split'} onClose={() => setPrinting(null)} onDone={() => void load()} />
      <CorrectionDialog item={item} open={printing === 'correct'} onClose={() => setPrinting(null)} onDone={() => void load()} />
      <LostDialog item={item} open={printing === 'lost'} onClose={() => setPrinting(null)} onDone={() => void load()} />
      <FoundDialog item={item} open={printing === 'found'} onClose={() => setPrinting(null)} onDone={() => void load()} />
      <DiscrepancyDialog item={item} preset={discPreset} open={printing === 'discrepancy'} onClose={() => setPrinting(null)} onDone={() => void load()} />
      <PrintDialog open={printing === 'trail'} withStock={false} title="打印流转记录" summary={`${item.code} ${item.name}：共 ${events.length} 条记录`} onClose={() => setPrinting(null)} render={(_, onProgress) => jobFile({ kind: 'item.trail', itemId: item.id }, onProgress)} onDone={() => void load()} />
    </Space>
  );
}
