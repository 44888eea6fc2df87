/** 统计报表: period, agency, store, category, case type and status filters; figures with value totals; 处置到位率; Excel export and PDF print. */
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Card, DatePicker, Select, Space, Statistic, Table, Typography } from 'antd';
import { FileExcelOutlined, PrinterOutlined, SearchOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { AgencyDto, LocationDto } from '@shared/api/admin.contract';
import { HEADLINE_CASE_TYPE, type RateRow, type ReportDto, type ReportFilter } from '@shared/api/report.contract';
import { CASE_TYPES, CASE_TYPE_LABELS, type CaseType } from '@shared/domain/case-life';
import { ITEM_CATEGORIES, ITEM_CATEGORY_LABELS, ITEM_STATUSES, ITEM_STATUS_LABELS, type ItemCategory, type ItemStatus } from '@shared/domain/enums';
import { call } from '../../api/client';
import { useAction } from '../../components/use-action';
import { deliverFile } from '../../components/deliver-file';
import { PrintDialog } from '../../components/PrintDialog';
import { jobFile } from '../../api/jobs';

const money = (v: number) => v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const rateCols = (first: string) => [
  { title: first, dataIndex: 'label', key: 'label' },
  { title: '物品数', dataIndex: 'total', key: 'total', width: 90, align: 'right' as const },
  { title: '已处置或发还', dataIndex: 'done', key: 'done', width: 120, align: 'right' as const },
  { title: '处置到位率', key: 'rate', width: 110, align: 'right' as const, render: (_: unknown, r: RateRow) => (r.rate === null ? '—' : `${r.rate.toFixed(2)}%`) },
];

export function ReportPage() {
  const { run, busy, message } = useAction();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().startOf('month'), dayjs().endOf('month')]);
  const [agencyId, setAgencyId] = useState<number>();
  const [storeId, setStoreId] = useState<number>();
  const [category, setCategory] = useState<ItemCategory>();
  const [status, setStatus] = useState<ItemStatus>();
  const [params] = useSearchParams();
  const [caseType, setCaseType] = useState<CaseType | undefined>(() => (CASE_TYPES as readonly string[]).includes(params.get('caseType') ?? '') ? (params.get('caseType') as CaseType) : undefined);
  const [agencies, setAgencies] = useState<AgencyDto[]>([]);
  const [stores, setStores] = useState<LocationDto[]>([]);
  const [report, setReport] = useState<ReportDto | null>(null);
  const [printing, setPrinting] = useState(false);

  useEffect(() => {
    void run(() => call('agency.list', {})).then((a) => a && setAgencies(a));
    void run(() => call('location.list', {})).then((l) => l && setStores(l.filter((x) => x.kind === 'store')));
  }, [run]);
  const filter: ReportFilter = { from: range[0].startOf('day').toISOString(), to: range[1].endOf('day').add(1, 'ms').toISOString(), agencyId, storeId, category, status, caseType };
  const query = async () => {
    const r = await run(() => call('report.stats', filter), { progress: '正在统计…' });
    if (r) setReport(r);
  };
  const exportXlsx = async () => {
    const f = await run(() => call('report.export', filter), { progress: '正在导出…' });
    if (f) void message.success(await deliverFile(f, 'save'));
  };

  const headline = report?.rateByCaseType.find((r) => r.key === HEADLINE_CASE_TYPE);

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small" title="统计报表">
        <Space wrap>
          <DatePicker.RangePicker allowClear={false} value={range} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} data-testid="report-range" />
          <Select allowClear placeholder="持有单位" style={{ width: 170 }} value={agencyId} onChange={setAgencyId} options={agencies.map((a) => ({ value: a.id, label: a.name }))} />
          <Select allowClear placeholder="保管场所" style={{ width: 150 }} value={storeId} onChange={setStoreId} options={stores.map((s) => ({ value: s.id, label: s.name }))} />
          <Select allowClear placeholder="类别" style={{ width: 120 }} value={category} onChange={setCategory} options={ITEM_CATEGORIES.map((c) => ({ value: c, label: ITEM_CATEGORY_LABELS[c] }))} />
          <Select allowClear placeholder="案件类型" style={{ width: 140 }} value={caseType} onChange={setCaseType} options={CASE_TYPES.map((c) => ({ value: c, label: CASE_TYPE_LABELS[c] }))} data-testid="report-case-type" />
          <Select allowClear placeholder="当前状态" style={{ width: 130 }} value={status} onChange={setStatus} options={ITEM_STATUSES.map((s) => ({ value: s, label: ITEM_STATUS_LABELS[s] }))} />
          <Button type="primary" icon={<SearchOutlined />} onClick={() => void query()} loading={busy} data-testid="report-run">统计</Button>
          <Button icon={<FileExcelOutlined />} disabled={!report} onClick={() => void exportXlsx()} data-testid="report-export">导出 Excel</Button>
          <Button icon={<PrinterOutlined />} disabled={!report} onClick={() => setPrinting(true)} data-testid="report-print">打印报表</Button>
        </Space>
        {report && <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{report.filterText}。期内各项按账本事件计数（按事件发生后的持有单位）；期末在库按各物品期末前最后一次出入库；处置到位率只计执行或结案阶段的案件；其他筛选按物品当前信息。</Typography.Paragraph>}
      </Card>
      {report && (
        <>
          <Card size="small" title="统计">
            <Table size="small" pagination={false} rowKey="key" dataSource={report.figures} data-testid="report-figures"
              columns={[
                { title: '项目', dataIndex: 'label', key: 'label' },
                { title: '件数', dataIndex: 'count', key: 'count', width: 100, align: 'right' },
                { title: '金额/估值（元）', key: 'value', width: 160, align: 'right', render: (_, r) => money(r.value) },
              ]} />
          </Card>
          {headline && (
            <Card size="small" data-testid="report-headline">
              <Statistic title={`${headline.label}财产处置到位率（执行或结案阶段的案件，已处置或发还 ${headline.done} / ${headline.total} 件）`} value={headline.rate === null ? '—' : `${headline.rate.toFixed(2)}%`} />
            </Card>
          )}
          <Card size="small" title="处置到位率（按案件类型）">
            <Table size="small" pagination={false} rowKey="label" dataSource={report.rateByCaseType} columns={rateCols('案件类型')} data-testid="report-rate-type" />
          </Card>
          <Card size="small" title="处置到位率（按单位）">
            <Table size="small" pagination={false} rowKey="id" dataSource={report.rateByAgency} columns={rateCols('单位')} data-testid="report-rate-agency" />
          </Card>
          <Card size="small" title="处置到位率（按案件）">
            <Table size="small" pagination={{ pageSize: 10, showSizeChanger: false }} rowKey="id" dataSource={report.rateByCase} columns={rateCols('案件')} />
          </Card>
        </>
      )}
      <PrintDialog open={printing} withStock={false} title="打印统计报表" summary={report?.filterText ?? ''} onClose={() => setPrinting(false)} render={(_, onProgress) => jobFile({ kind: 'report.print', ...filter }, onProgress)} />
    </Space>
  );
}
