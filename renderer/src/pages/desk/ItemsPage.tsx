/** 物品查询: instant search (code, name, case no., owner; Chinese substrings), filters, virtual list, labels, Excel export. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Card, DatePicker, Input, Select, Space, Typography } from 'antd';
import { FileExcelOutlined, PrinterOutlined, SearchOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router';
import type { Dayjs } from 'dayjs';
import type { AgencyDto, LocationDto } from '@shared/api/admin.contract';
import type { ListTotal } from '@shared/api/item.contract';
import { ITEM_CATEGORIES, ITEM_CATEGORY_LABELS, ITEM_STATUSES, ITEM_STATUS_LABELS, type ItemCategory, type ItemStatus } from '@shared/domain/enums';
import { call } from '../../api/client';
import { jobFile } from '../../api/jobs';
import { showJobToast } from '../../components/JobProgress';
import { useCan } from '../../app/session';
import { useAction } from '../../components/use-action';
import { VirtualItemTable } from '../../components/VirtualItemTable';
import { PrintDialog } from '../../components/PrintDialog';
import { deliverFile } from '../../components/deliver-file';
import { fmtTotal } from '../../components/list-total';

export function ItemsPage() {
  const [params, setParams] = useSearchParams();
  const nav = useNavigate();
  const can = useCan();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [dq, setDq] = useState(q);
  // Dashboard charts open this list pre-filtered (?status=…&category=…&holdingAgencyId=…).
  const [status, setStatus] = useState<ItemStatus[]>(() => params.getAll('status') as ItemStatus[]);
  const [category, setCategory] = useState<ItemCategory[]>(() => params.getAll('category') as ItemCategory[]);
  const [agencyId, setAgencyId] = useState<number | undefined>(() => (params.get('holdingAgencyId') ? Number(params.get('holdingAgencyId')) : undefined));
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const locationId = params.get('locationId') ? Number(params.get('locationId')) : undefined;
  const [locations, setLocations] = useState<LocationDto[]>([]);
  const [agencies, setAgencies] = useState<AgencyDto[]>([]);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [total, setTotal] = useState<ListTotal | null>(null);
  const [printing, setPrinting] = useState(false);
  const { run, busy, message } = useAction();

  useEffect(() => {
    void run(() => call('location.list', {})).then((l) => l && setLocations(l));
    void run(() => call('agency.list', {})).then((a) => a && setAgencies(a));
  }, [run]);
  useEffect(() => {
    const t = setTimeout(() => setDq(q.trim()), 300);
    return () => clearTimeout(t);
  }, [q]);

  const filter = useMemo(
    () => ({
      q: dq || undefined,
      status: status.length ? status : undefined,
      category: category.length ? category : undefined,
      locationId,
      holdingAgencyId: agencyId,
      seizedFrom: range?.[0]?.startOf('day').toISOString(),
      seizedTo: range?.[1]?.endOf('day').toISOString(),
    }),
    [dq, status, category, locationId, agencyId, range],
  );
  const key = JSON.stringify(filter);
  const load = useCallback((before: number | undefined, limit: number) => run(() => call('item.list', { ...filter, before, limit })), [filter, run]);
  useEffect(() => setTotal(null), [key]);

  const setLocation = (id: number | undefined) => {
    const next = new URLSearchParams(params);
    if (id) next.set('locationId', String(id));
    else next.delete('locationId');
    setParams(next, { replace: true });
  };
  const exportXlsx = async () => {
    const key = 'export-job';
    const f = await run(() => jobFile({ kind: 'item.export', filter }, showJobToast(message, key, '正在导出物品清单到 Excel', ' 件')), { progress: `正在导出${total ? `（${fmtTotal(total)}）` : ''}物品到 Excel，请稍候…` });
    message.destroy(key);
    if (f) message.success(await deliverFile(f, 'save'));
  };

  return (
    <Card styles={{ body: { padding: 12 } }}>
      <Space wrap size={8} style={{ marginBottom: 8 }}>
        <Input
          autoFocus
          allowClear
          data-testid="item-search"
          prefix={<SearchOutlined />}
          placeholder="物品编码、名称、案件编号、持有人"
          style={{ width: 240 }}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <Select mode="multiple" allowClear maxTagCount="responsive" placeholder="状态" style={{ width: 130 }} value={status} onChange={setStatus} options={ITEM_STATUSES.map((s) => ({ value: s, label: ITEM_STATUS_LABELS[s] }))} />
        <Select mode="multiple" allowClear maxTagCount="responsive" placeholder="类别" style={{ width: 120 }} value={category} onChange={setCategory} options={ITEM_CATEGORIES.map((c) => ({ value: c, label: ITEM_CATEGORY_LABELS[c] }))} />
        <Select allowClear showSearch optionFilterProp="label" placeholder="库位" style={{ width: 150 }} value={locationId} onChange={setLocation} options={locations.map((l) => ({ value: l.id, label: l.path }))} />
        <Select allowClear showSearch optionFilterProp="label" placeholder="保管单位" style={{ width: 140 }} value={agencyId} onChange={setAgencyId} options={agencies.map((a) => ({ value: a.id, label: a.name }))} />
        <DatePicker.RangePicker style={{ width: 230 }} placeholder={['扣押日期起', '止']} value={range} onChange={(v) => setRange(v as [Dayjs | null, Dayjs | null] | null)} />
      </Space>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 8 }}>
        <Typography.Text type="secondary" data-testid="item-total">
          {total === null ? '正在查询…' : fmtTotal(total)}
          {selected.size > 0 && (
            <>
              ，已选 {selected.size} 件 <Typography.Link onClick={() => setSelected(new Set())}>清除选择</Typography.Link>
            </>
          )}
          {locationId && `（库位：${locations.find((l) => l.id === locationId)?.path ?? locationId}，含下级库位）`}
        </Typography.Text>
        <Space>
          {can('custody.handle') && (
            <Button icon={<PrinterOutlined />} disabled={!selected.size} onClick={() => setPrinting(true)} data-testid="print-labels">
              打印标签
            </Button>
          )}
          <Button icon={<FileExcelOutlined />} loading={busy && total !== null} disabled={!total?.n} onClick={() => void exportXlsx()}>
            导出 Excel
          </Button>
        </Space>
      </div>
      <VirtualItemTable queryKey={key} load={load} selected={selected} onSelect={setSelected} onOpen={(i) => nav(`/items/${i.id}`)} onTotal={setTotal} height={window.innerHeight - 292} />
      <PrintDialog open={printing} title="打印物品标签" summary={`共 ${selected.size} 件物品（已打印过的记为补打）`} onClose={() => setPrinting(false)} render={(stock, onProgress) => jobFile({ kind: 'label.items', itemIds: [...selected], stock }, onProgress)} />
    </Card>
  );
}
