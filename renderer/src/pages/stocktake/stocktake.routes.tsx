import { AuditOutlined, CheckSquareOutlined } from '@ant-design/icons';
import type { AppRoute } from '../../app/route-types';
import { lazyPage } from '../../app/lazy-page';

const StocktakeListPage = lazyPage(() => import('./StocktakeListPage').then((m) => m.StocktakeListPage));
const StocktakePage = lazyPage(() => import('./StocktakePage').then((m) => m.StocktakePage));
const LossApprovalPage = lazyPage(() => import('./LossApprovalPage').then((m) => m.LossApprovalPage));

export const stocktakeRoutes: AppRoute[] = [
  { path: '/stocktake', element: <StocktakeListPage />, permission: 'custody.handle', menu: { label: '盘点', icon: <CheckSquareOutlined />, group: '库房作业', order: 38 } },
  { path: '/stocktake/:id', element: <StocktakePage />, permission: 'custody.handle' },
  { path: '/stocktake-losses', element: <LossApprovalPage />, permission: 'request.decide', menu: { label: '盘亏审批', icon: <AuditOutlined />, group: '工作台', order: 7 } },
];
