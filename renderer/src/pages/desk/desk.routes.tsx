import { AuditOutlined, BarcodeOutlined, DatabaseOutlined, FileAddOutlined, ImportOutlined, InboxOutlined, SearchOutlined, SettingOutlined, SwapOutlined } from '@ant-design/icons';
import type { AppRoute } from '../../app/route-types';
import { ScannerSettingsPage } from '../../scanner/ScannerSettingsPage';
import { LocationsPage } from '../admin/LocationsPage';
import { RegisterPage } from './RegisterPage';
import { IntakePage } from './IntakePage';
import { PutawayPage } from './PutawayPage';
import { ItemsPage } from './ItemsPage';
import { ItemPage } from './ItemPage';
import { LoanDeskPage } from './LoanDeskPage';
import { LoanRequestPage } from './LoanRequestPage';
import { LoanApprovalPage } from './LoanApprovalPage';

// The scanner listens on every screen from the moment the app loads.

export const deskRoutes: AppRoute[] = [
  { path: '/items', element: <ItemsPage />, permission: 'item.read', menu: { label: '物品查询', icon: <SearchOutlined />, group: '工作台', order: 10 } },
  { path: '/items/:id', element: <ItemPage />, permission: 'item.read' },
  { path: '/intake', element: <IntakePage />, permission: 'custody.handle', menu: { label: '入库查验', icon: <ImportOutlined />, group: '库房作业', order: 10 } },
  { path: '/putaway', element: <PutawayPage />, permission: 'custody.handle', menu: { label: '上架/移位', icon: <InboxOutlined />, group: '库房作业', order: 20 } },
  { path: '/loans', element: <LoanDeskPage />, permission: 'custody.handle', menu: { label: '调用出入库', icon: <SwapOutlined />, group: '库房作业', order: 30 } },
  { path: '/locations', element: <LocationsPage editable={false} />, permission: 'custody.handle', menu: { label: '库位与标签', icon: <DatabaseOutlined />, group: '库房作业', order: 40 } },
  { path: '/register', element: <RegisterPage />, permission: 'item.register', menu: { label: '登记财物', icon: <FileAddOutlined />, group: '案件与申请', order: 10 } },
  { path: '/loan-request', element: <LoanRequestPage />, permission: 'request.create', menu: { label: '申请调用', icon: <BarcodeOutlined />, group: '案件与申请', order: 20 } },
  { path: '/loan-approval', element: <LoanApprovalPage />, permission: 'request.decide', menu: { label: '调用审批', icon: <AuditOutlined />, group: '工作台', order: 6 } },
  { path: '/settings/scanner', element: <ScannerSettingsPage />, permission: 'authenticated', menu: { label: '扫描枪设置', icon: <SettingOutlined />, group: '系统管理', order: 80 } },
];
