/** Pages of requests, the inbox and the case page. */
import { FileAddOutlined, FolderOpenOutlined, InboxOutlined, UnorderedListOutlined } from '@ant-design/icons';
import type { AppRoute } from '../../app/route-types';
import { InboxPage } from './InboxPage';
import { NewRequestPage } from './NewRequestPage';
import { RequestListPage } from './RequestListPage';
import { RequestDetailPage } from './RequestDetailPage';
import { CasePage } from './CasePage';
import { CaseListPage } from './CaseListPage';

export const requestRoutes: AppRoute[] = [
  { path: '/inbox', element: <InboxPage />, permission: 'authenticated', badge: 'todo', menu: { label: '待办事项', icon: <InboxOutlined />, group: '工作台', order: 5 } },
  // 申请调用 also has the custodian-desk helper's dedicated page (/loan-request); this form covers every kind.
  { path: '/new-request', element: <NewRequestPage initialKind="transfer" />, permission: 'request.create', menu: { label: '新建申请', icon: <FileAddOutlined />, group: '案件与申请', order: 40 } },
  { path: '/requests', element: <RequestListPage />, permission: 'item.read', badge: 'mine', menu: { label: '申请单', icon: <UnorderedListOutlined />, group: '案件与申请', order: 50 } },
  { path: '/requests/:id', element: <RequestDetailPage />, permission: 'item.read' },
  { path: '/cases', element: <CaseListPage />, permission: 'item.read', menu: { label: '案件', icon: <FolderOpenOutlined />, group: '案件与申请', order: 60 } },
  { path: '/cases/:id', element: <CasePage />, permission: 'item.read' },
];
