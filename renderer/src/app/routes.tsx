/** Every page of the app. Each area keeps its own list; this file only joins them. Pages load on first visit. */
import { HomeOutlined } from '@ant-design/icons';
import type { AppRoute } from './route-types';
import { lazyPage, preloadWhenIdle } from './lazy-page';
import { deskRoutes } from '../pages/desk/desk.routes';
import { requestRoutes } from '../pages/requests/request.routes';
import { adminRoutes } from '../pages/admin/admin.routes';
import { auditRoutes } from '../pages/audit/audit.routes';
import { stocktakeRoutes } from '../pages/stocktake/stocktake.routes';
import { reportRoutes } from '../pages/reports/reports.routes';

const HomePage = lazyPage(() => import('../pages/HomePage').then((m) => m.HomePage));
// Everyone lands on the home page after login: fetch it while the login form is shown.
preloadWhenIdle([HomePage]);

export const routes: AppRoute[] = [
  { path: '/', element: <HomePage />, permission: 'authenticated', menu: { label: '首页', icon: <HomeOutlined />, group: '工作台', order: 0 } },
  ...deskRoutes,
  ...stocktakeRoutes,
  ...requestRoutes,
  ...auditRoutes,
  ...reportRoutes,
  ...adminRoutes,
];
