/** Pages of the 监督 group (inspectors). */
import { FileProtectOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { AppRoute } from '../../app/route-types';
import { lazyPage } from '../../app/lazy-page';

const AuditPage = lazyPage(() => import('./AuditPage').then((m) => m.AuditPage));
const SecurityLogPage = lazyPage(() => import('./SecurityLogPage').then((m) => m.SecurityLogPage));

export const auditRoutes: AppRoute[] = [
  { path: '/audit', element: <AuditPage />, permission: 'audit.read', menu: { label: '账本校验与审计', icon: <SafetyCertificateOutlined />, group: '监督', order: 10 } },
  { path: '/security-log', element: <SecurityLogPage />, permission: 'audit.read', menu: { label: '安全日志', icon: <FileProtectOutlined />, group: '监督', order: 20 } },
];
