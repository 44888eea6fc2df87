/** 流转记录 of an agency, a store or location (with everything under it), or a period: a background job with progress. */
import { useEffect, useState } from 'react';
import { Button, Card, DatePicker, Radio, Select, Space, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { AgencyDto } from '@shared/api/admin.contract';
import { SCOPE_TRAIL_JOB_MAX, SCOPE_VOLUME_EVENTS, type ScopeTrailSize } from '@shared/api/scope-trail.contract';
import { call } from '../../api/client';
import { jobFile, type JobStartInput } from '../../api/jobs';
import { PrintDialog } from '../../components/PrintDialog';

type Scope = 'agency' | 'location' | 'period';
type Loc = { id: number; code: string; name: string; path: string };

const num = (n: number) => n.toLocaleString('zh-CN');

/** 「约 N 条事件，将分 k 册」: what the trail will hold, before it is printed. */
function sizeText(s: ScopeTrailSize): string {
  if (s.tooLarge) return `约 ${num(s.events)} 条事件，超过一次打印的上限 ${num(SCOPE_TRAIL_JOB_MAX)} 条，请缩短期间后分次打印`;
  if (s.volumes > 1) return `约 ${num(s.events)} 条事件，将分 ${s.volumes} 册（每册至多 ${num(s.perVolume)} 条），下载为一个 .zip（各册 PDF 与目录）`;
  return `约 ${num(s.events)} 条事件`;
}

export function ScopeTrailCard() {
  const [scope, setScope] = useState<Scope>('agency');
  const [agencies, setAgencies] = useState<AgencyDto[]>([]);
  const [locations, setLocations] = useState<Loc[]>([]);
  const [agencyId, setAgencyId] = useState<number | undefined>();
  const [locationId, setLocationId] = useState<number | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [printing, setPrinting] = useState(false);
  const [size, setSize] = useState<ScopeTrailSize | null>(null);

  useEffect(() => {
    void call('agency.list', {}).then(setAgencies);
    void call('location.list', {}).then((rows) => setLocations(rows.filter((l) => l.active)));
  }, []);

  const from = range?.[0]?.startOf('day').toISOString();
  const to = range?.[1]?.add(1, 'day').startOf('day').toISOString();
  const ready = scope === 'agency' ? !!agencyId : scope === 'location' ? !!locationId : !!(from || to);
  const input: JobStartInput = { kind: 'scope.trail', scope, agencyId, locationId, from, to };

  // The size of the chosen scope, asked again whenever the choice changes (a late answer for an old choice is dropped).
  useEffect(() => {
    setSize(null);
    if (!ready) return;
    let live = true;
    void call('trail.scopeSize', { scope, agencyId, locationId, from, to })
      .then((s) => {
        if (live) setSize(s);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [ready, scope, agencyId, locationId, from, to]);
  const what =
    scope === 'agency'
      ? (agencies.find((a) => a.id === agencyId)?.name ?? '')
      : scope === 'location'
        ? (locations.find((l) => l.id === locationId)?.path ?? '')
        : '期间内全部事件';
  const period = range ? `${range[0]?.format('YYYY-MM-DD') ?? '最早'} 至 ${range[1]?.format('YYYY-MM-DD') ?? '现在'}` : '全部期间';

  return (
    <Card size="small" title="单位 / 库位 / 期间流转记录" data-testid="scope-trail">
      <Space wrap align="center">
        <Radio.Group
          value={scope}
          onChange={(e) => setScope(e.target.value as Scope)}
          optionType="button"
          options={[
            { value: 'agency', label: '单位' },
            { value: 'location', label: '库房 / 库位' },
            { value: 'period', label: '期间' },
          ]}
          data-testid="scope-kind"
        />
        {scope === 'agency' && (
          <Select
            showSearch
            optionFilterProp="label"
            style={{ width: 260 }}
            placeholder="选择单位"
            value={agencyId}
            onChange={setAgencyId}
            options={agencies.map((a) => ({ value: a.id, label: a.name }))}
            data-testid="scope-agency"
          />
        )}
        {scope === 'location' && (
          <Select
            showSearch
            optionFilterProp="label"
            style={{ width: 320 }}
            placeholder="选择库房或库位（含下级）"
            value={locationId}
            onChange={setLocationId}
            options={locations.map((l) => ({ value: l.id, label: `${l.path}（${l.code}）` }))}
            data-testid="scope-location"
          />
        )}
        <DatePicker.RangePicker allowEmpty={[true, true]} value={range} onChange={(v) => setRange(v)} placeholder={['起始日期', '截止日期']} data-testid="scope-range" />
        <Button type="primary" icon={<PrinterOutlined />} disabled={!ready || !!size?.tooLarge} onClick={() => setPrinting(true)} data-testid="print-scope-trail">
          打印流转记录
        </Button>
      </Space>
      {size && (
        <Typography.Paragraph type={size.tooLarge ? 'danger' : undefined} strong style={{ margin: '8px 0 0' }} data-testid="scope-size">
          {sizeText(size)}
        </Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        在后台生成，不影响其他终端办理业务；每册至多 {num(SCOPE_VOLUME_EVENTS)} 条事件（约 1 万页），更多时分册打印，每册有自己的文书编号与核对二维码。
      </Typography.Paragraph>
      <PrintDialog
        open={printing}
        withStock={false}
        fileKind={size && size.volumes > 1 ? 'zip' : 'pdf'}
        title="打印流转记录"
        summary={`${what}，${period}的流转记录（A4）${size ? `：${sizeText(size)}` : ''}`}
        onClose={() => setPrinting(false)}
        render={(_, onProgress) => jobFile(input, onProgress)}
      />
    </Card>
  );
}
