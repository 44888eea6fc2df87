/** 首页图表 for inspectors: stock by status, category and holding agency, weekly in/out, overdue loans, alerts, cash and valuables. Clicking a chart opens the matching list. */
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Card, Col, Row, Skeleton, Statistic, Tooltip } from 'antd';
import { useNavigate } from 'react-router';
import type { DashboardDto } from '@shared/api/report.contract';
import { callQuiet } from '../../api/client';
import { useCan } from '../../app/session';

const EChart = lazy(() => import('./EChart'));
const money = (v: number) => `¥${v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

export function DashboardWidget() {
  const can = useCan();
  const allowed = can('report.read');
  const nav = useNavigate();
  const [d, setD] = useState<DashboardDto | null>(null);
  useEffect(() => {
    if (allowed) void callQuiet('report.dashboard', {}).then(setD).catch(() => undefined);
  }, [allowed]);
  const pie = (rows: DashboardDto['byStatus']) => ({
    tooltip: { trigger: 'item', formatter: '{b}：{c} 件（{d}%）' },
    series: [{ type: 'pie', radius: ['35%', '65%'], data: rows.map((r) => ({ name: r.label, value: r.count })), label: { formatter: '{b} {c}' } }],
  });
  const options = useMemo(
    () =>
      d && {
        status: pie(d.byStatus),
        category: pie(d.byCategory),
        agency: {
          tooltip: { trigger: 'axis' },
          grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
          xAxis: { type: 'value', minInterval: 1 },
          yAxis: { type: 'category', data: d.byAgency.map((a) => a.label) },
          series: [{ type: 'bar', data: d.byAgency.map((a) => a.count), name: '在管物品' }],
        },
        weekly: {
          tooltip: { trigger: 'axis' },
          legend: { data: ['入库', '出库'] },
          grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
          xAxis: { type: 'category', data: d.weekly.map((w) => w.week.slice(5)) },
          yAxis: { type: 'value', minInterval: 1 },
          series: [
            { type: 'bar', name: '入库', data: d.weekly.map((w) => w.in) },
            { type: 'bar', name: '出库', data: d.weekly.map((w) => w.out) },
          ],
        },
      },
    [d],
  );
  if (!allowed) return null;
  if (!d || !options) return <Card size="small" title="统计概览"><Skeleton active /></Card>;
  const chart = (title: string, option: Record<string, unknown>, testId: string, onPick?: (i: number) => void) => (
    <Col span={12}>
      <Card size="small" title={title} styles={{ body: { padding: 8 } }}>
        <Suspense fallback={<Skeleton active />}>
          <EChart option={option} testId={testId} onPick={onPick} height={220} />
        </Suspense>
      </Card>
    </Col>
  );
  return (
    <Card size="small" title="统计概览" data-testid="dashboard">
      <Row gutter={[12, 12]}>
        <Col span={4}><Statistic title="逾期未还调用" value={d.overdueLoans} suffix="件" valueStyle={d.overdueLoans ? { color: '#cf1322' } : undefined} /></Col>
        <Col span={4}><Statistic title="待处理提醒" value={d.openAlerts} suffix={d.openAlertsCapped ? '条以上' : '条'} data-testid="dash-alerts" /></Col>
        <Col span={5}><Statistic title="在管现金" value={money(d.cashValue)} data-testid="dash-cash" /></Col>
        <Col span={5}><Statistic title="在管贵重物品估值" value={money(d.valuablesValue)} /></Col>
        <Col span={6}>
          <Tooltip title={`执行或结案阶段的${d.headlineRate.label}：已处置或发还 ${d.headlineRate.done} / ${d.headlineRate.total} 件；点击查看统计报表`}>
            <div role="link" tabIndex={0} style={{ cursor: 'pointer' }} onClick={() => nav('/reports?caseType=organized_crime')} onKeyDown={(e) => e.key === 'Enter' && nav('/reports?caseType=organized_crime')} data-testid="dash-headline">
              <Statistic
                title={`${d.headlineRate.label}财产处置到位率`}
                value={d.headlineRate.rate === null ? '—' : `${d.headlineRate.rate.toFixed(2)}%`}
                suffix={<span style={{ fontSize: 12, color: '#8c8c8c' }}>{`${d.headlineRate.done}/${d.headlineRate.total} 件`}</span>}
              />
            </div>
          </Tooltip>
        </Col>
        {chart('在管物品（按状态）', options.status, 'chart-status', (i) => nav(`/items?status=${d.byStatus[i]!.key}`))}
        {chart('在管物品（按类别）', options.category, 'chart-category', (i) => nav(`/items?category=${d.byCategory[i]!.key}`))}
        {chart('在管物品（按持有单位）', options.agency, 'chart-agency', (i) => nav(`/items?holdingAgencyId=${d.byAgency[i]!.key}`))}
        {chart('每周入库/出库（近 12 周）', options.weekly, 'chart-weekly', () => nav('/reports'))}
      </Row>
    </Card>
  );
}
