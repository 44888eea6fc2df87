/** Pages of the 监督 group (inspectors). */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { AppRoute } from '../../app/route-types';
import { AuditPage } from './AuditPage';

export const auditRoutes: AppRoute[] = [
  { path: '/audit', element: <AuditPage />, permission: 'audit.read', menu: { label: '账本校验与审计', icon: <SafetyCertificateOutlined />, group: '监督', order: 10 } },
];
