/** Pages of requests, the inbox and the case page. */
import { FileAddOutlined, FolderOpenOutlined, InboxOutlined, UnorderedListOutlined } from '@ant-design/icons';
import type { AppRoute } from '../../app/route-types';
import { lazyPage } from '../../app/lazy-page';

const InboxPage = lazyPage(() => import('./InboxPage').then((m) => m.InboxPage));
const NewRequestPage = lazyPage(() => import('./NewRequestPage').then((m) => m.NewRequestPage));
const RequestListPage = lazyPage(() => import('./RequestListPage').then((m) => m.RequestListPage));
const RequestDetailPage = lazyPage(() => import('./RequestDetailPage').then((m) => m.RequestDetailPage));
const CasePage = lazyPage(() => import('./CasePage').then((m) => m.CasePage));
const CaseListPage = lazyPage(() => import('./CaseListPage').then((m) => m.CaseListPage));

export const requestRoutes: AppRoute[] = [
  // Only roles that can have work waiting see 待办事项 in the menu (admins and inspectors have none).
  { path: '/inbox', element: <InboxPage />, permission: 'authenticated', menuIfAny: ['request.decide', 'transfer.accept', 'custody.handle', 'request.create'], badge: 'todo', menu: { label: '待办事项', icon: <InboxOutlined />, group: '工作台', order: 5 } },
  // 申请调用 (/loan-request) is the scan-first loan form; this one covers every kind and links back to it for loans.
  { path: '/new-request', element: <NewRequestPage initialKind="transfer" />, permission: 'request.create', menu: { label: '移送/发还/处置', icon: <FileAddOutlined />, group: '案件与申请', order: 25 } },
  { path: '/requests', element: <RequestListPage />, permission: 'item.read', badge: 'mine', menu: { label: '申请单', icon: <UnorderedListOutlined />, group: '案件与申请', order: 50 } },
  { path: '/requests/:id', element: <RequestDetailPage />, permission: 'item.read' },
  { path: '/cases', element: <CaseListPage />, permission: 'item.read', menu: { label: '案件', icon: <FolderOpenOutlined />, group: '案件与申请', order: 60 } },
  { path: '/cases/:id', element: <CasePage />, permission: 'item.read' },
];
