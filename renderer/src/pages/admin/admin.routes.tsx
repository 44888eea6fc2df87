import { ApartmentOutlined, TeamOutlined, DatabaseOutlined, KeyOutlined, CloudServerOutlined } from '@ant-design/icons';
import type { AppRoute } from '../../app/route-types';
import { lazyPage } from '../../app/lazy-page';

const AgenciesPage = lazyPage(() => import('./AgenciesPage').then((m) => m.AgenciesPage));
const UsersPage = lazyPage(() => import('./UsersPage').then((m) => m.UsersPage));
const LocationsPage = lazyPage(() => import('./LocationsPage').then((m) => m.LocationsPage));
const BackupPage = lazyPage(() => import('./BackupPage').then((m) => m.BackupPage));
const ChangePasswordPage = lazyPage(() => import('./ChangePasswordPage').then((m) => m.ChangePasswordPage));

export const adminRoutes: AppRoute[] = [
  { path: '/admin/agencies', element: <AgenciesPage />, permission: 'admin.manage', menu: { label: '单位管理', icon: <ApartmentOutlined />, group: '系统管理', order: 10 } },
  { path: '/admin/users', element: <UsersPage />, permission: 'admin.manage', menu: { label: '用户管理', icon: <TeamOutlined />, group: '系统管理', order: 20 } },
  { path: '/admin/locations', element: <LocationsPage editable />, permission: 'admin.manage', menu: { label: '库位管理', icon: <DatabaseOutlined />, group: '系统管理', order: 30 } },
  { path: '/admin/backup', element: <BackupPage />, permission: 'admin.manage', menu: { label: '备份与恢复', icon: <CloudServerOutlined />, group: '系统管理', order: 40 } },
  { path: '/account/password', element: <ChangePasswordPage />, permission: 'authenticated', menu: { label: '修改密码', icon: <KeyOutlined />, group: '系统管理', order: 90 } },
];
