/** 统计报表、异常清单、监督意见 (issue 12). */
import { AlertOutlined, BarChartOutlined, FileSearchOutlined, FormOutlined } from '@ant-design/icons';
import type { AppRoute } from '../../app/route-types';
import { lazyPage } from '../../app/lazy-page';

const ReportPage = lazyPage(() => import('./ReportPage').then((m) => m.ReportPage));
const ExceptionsPage = lazyPage(() => import('./ExceptionsPage').then((m) => m.ExceptionsPage));
const SupervisionPage = lazyPage(() => import('./SupervisionPage').then((m) => m.SupervisionPage));

export const reportRoutes: AppRoute[] = [
  { path: '/reports', element: <ReportPage />, permission: 'report.read', menu: { label: '统计报表', icon: <BarChartOutlined />, group: '监督', order: 20 } },
  { path: '/exceptions', element: <ExceptionsPage />, permission: 'report.read', menu: { label: '异常清单', icon: <AlertOutlined />, group: '监督', order: 30 } },
  { path: '/supervision', element: <SupervisionPage />, permission: 'supervision.issue', menu: { label: '监督意见', icon: <FormOutlined />, group: '监督', order: 40 } },
  { path: '/supervision-inbox', element: <SupervisionPage />, permission: 'supervision.answer', menu: { label: '监督意见（整改）', icon: <FileSearchOutlined />, group: '工作台', order: 8 } },
];
