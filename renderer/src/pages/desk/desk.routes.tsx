import { AuditOutlined, BankOutlined, BarcodeOutlined, DatabaseOutlined, FileAddOutlined, ImportOutlined, InboxOutlined, NodeIndexOutlined, SearchOutlined, SettingOutlined, SwapOutlined, UploadOutlined } from '@ant-design/icons';
import type { AppRoute } from '../../app/route-types';
import { lazyPage } from '../../app/lazy-page';

const ScannerSettingsPage = lazyPage(() => import('../../scanner/ScannerSettingsPage').then((m) => m.ScannerSettingsPage));
const LocationsPage = lazyPage(() => import('../admin/LocationsPage').then((m) => m.LocationsPage));
const RegisterPage = lazyPage(() => import('./RegisterPage').then((m) => m.RegisterPage));
const IntakePage = lazyPage(() => import('./IntakePage').then((m) => m.IntakePage));
const PutawayPage = lazyPage(() => import('./PutawayPage').then((m) => m.PutawayPage));
const ItemsPage = lazyPage(() => import('./ItemsPage').then((m) => m.ItemsPage));
const ItemPage = lazyPage(() => import('./ItemPage').then((m) => m.ItemPage));
const LoanDeskPage = lazyPage(() => import('./LoanDeskPage').then((m) => m.LoanDeskPage));
const LoanRequestPage = lazyPage(() => import('./LoanRequestPage').then((m) => m.LoanRequestPage));
const StoreTransferPage = lazyPage(() => import('../stores/StoreTransferPage').then((m) => m.StoreTransferPage));
const ExternalPage = lazyPage(() => import('../external/ExternalPage').then((m) => m.ExternalPage));
const ImportPage = lazyPage(() => import('../import/ImportPage').then((m) => m.ImportPage));
const LoanApprovalPage = lazyPage(() => import('./LoanApprovalPage').then((m) => m.LoanApprovalPage));

// The scanner listens on every screen from the moment the app loads.

export const deskRoutes: AppRoute[] = [
  { path: '/items', element: <ItemsPage />, permission: 'item.read', menu: { label: '物品查询', icon: <SearchOutlined />, group: '工作台', order: 10 } },
  { path: '/items/:id', element: <ItemPage />, permission: 'item.read' },
  { path: '/intake', element: <IntakePage />, permission: 'custody.handle', menu: { label: '入库查验', icon: <ImportOutlined />, group: '库房作业', order: 10 } },
  { path: '/putaway', element: <PutawayPage />, permission: 'custody.handle', menu: { label: '上架/移位', icon: <InboxOutlined />, group: '库房作业', order: 20 } },
  { path: '/loans', element: <LoanDeskPage />, permission: 'custody.handle', menu: { label: '调用出入库', icon: <SwapOutlined />, group: '库房作业', order: 30 } },
  { path: '/store-transfers', element: <StoreTransferPage />, permission: 'custody.handle', menu: { label: '跨库调拨', icon: <NodeIndexOutlined />, group: '库房作业', order: 35 } },
  { path: '/locations', element: <LocationsPage editable={false} />, permission: 'custody.handle', menu: { label: '库位与标签', icon: <DatabaseOutlined />, group: '库房作业', order: 40 } },
  { path: '/register', element: <RegisterPage />, permission: 'item.register', menu: { label: '登记财物', icon: <FileAddOutlined />, group: '案件与申请', order: 10 } },
  { path: '/external', element: <ExternalPage />, permission: 'item.read', menu: { label: '外部保管', icon: <BankOutlined />, group: '案件与申请', order: 16 } },
  { path: '/import', element: <ImportPage />, permission: 'item.register', menu: { label: '导入清单', icon: <UploadOutlined />, group: '案件与申请', order: 15 } },
  { path: '/loan-request', element: <LoanRequestPage />, permission: 'request.create', menu: { label: '申请调用', icon: <BarcodeOutlined />, group: '案件与申请', order: 20 } },
  { path: '/loan-approval', element: <LoanApprovalPage />, permission: 'request.decide', menu: { label: '调用审批', icon: <AuditOutlined />, group: '工作台', order: 6 } },
  { path: '/settings/scanner', element: <ScannerSettingsPage />, permission: 'authenticated', menu: { label: '扫描枪设置', icon: <SettingOutlined />, group: '系统管理', order: 80 } },
];
