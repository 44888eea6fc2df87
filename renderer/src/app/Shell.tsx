/** The signed-in frame: side menu by role, the user and agency always visible, the page. */
import { useEffect, useMemo } from 'react';
import { installScanner } from '../scanner';
import { Layout, Menu, Space, Tag, Typography, Button, Alert, Badge } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { ROLE_LABELS } from '@shared/domain/enums';
import { useCan, useSession } from './session';
import { routes } from './routes';
import { useInboxCounts } from '../pages/requests/use-inbox-counts';
import { ScanStatus } from '../components/ScanStatus';
import { ConnectionTag } from '../components/ConnectionTag';

const GROUP_ORDER = ['工作台', '库房作业', '案件与申请', '监督', '系统管理'] as const;

export function Shell({ mustChangePassword }: { mustChangePassword: boolean }) {
  const { user, signOut } = useSession();
  const can = useCan();
  const nav = useNavigate();
  const location = useLocation();
  // The keyboard-wedge scanner listens on every signed-in screen.
  useEffect(() => installScanner(), []);
  const allowed = useMemo(() => routes.filter((r) => can(r.permission)), [can]);
  const counts = useInboxCounts();
  const items = useMemo(() => {
    const badged = (label: string, key?: string) => {
      const n = key ? (counts[key] ?? 0) : 0;
      if (n <= 0) return label;
      return (
        <span data-testid={`menu-badge-${key}`}>
          {label} <Badge count={n} size="small" overflowCount={99} style={{ boxShadow: 'none' }} />
        </span>
      );
    };
    return (
      GROUP_ORDER.map((g) => ({
        type: 'group' as const,
        key: g,
        label: g,
        children: allowed
          .filter((r) => r.menu?.group === g && (!r.menuIfAny || r.menuIfAny.some(can)))
          .sort((a, b) => (a.menu?.order ?? 50) - (b.menu?.order ?? 50))
          .map((r) => ({ key: r.path, icon: r.menu!.icon, label: badged(r.menu!.label, r.badge) })),
      })).filter((g) => g.children.length > 0)
    );
  }, [allowed, counts, can]);
  const selected = allowed.filter((r) => r.menu && (r.path === location.pathname || (r.path !== '/' && location.pathname.startsWith(r.path)))).map((r) => r.path);

  return (
    // Fixed frame: the sider and the header never scroll away; only the page content scrolls (its sticky bars stick to it).
    <Layout style={{ height: '100vh', overflow: 'hidden' }}>
      <Layout.Sider width={200} theme="dark" style={{ height: '100vh', overflow: 'auto' }}>
        <div style={{ color: '#fff', fontWeight: 600, fontSize: 16, padding: '16px 16px 8px' }}>涉案财物管理系统</div>
        <Menu theme="dark" mode="inline" selectedKeys={selected} items={items} onClick={(e) => nav(e.key)} />
      </Layout.Sider>
      <Layout style={{ height: '100vh', minWidth: 0 }}>
        <Layout.Header style={{ flex: 'none', background: '#fff', padding: '0 16px', display: 'flex', justifyContent: 'space-between', gap: 16, alignItems: 'center', height: 48, lineHeight: '48px', borderBottom: '1px solid #eee' }}>
          <div style={{ flex: 1, minWidth: 0, overflow: 'hidden' }}>
            <ScanStatus />
          </div>
          <Space size="middle" data-testid="current-user">
            <Typography.Text strong>{user.displayName}</Typography.Text>
            <Typography.Text type="secondary">{user.agencyName}{user.storeName ? ` · ${user.storeName}` : ''}</Typography.Text>
            <ConnectionTag />
            {user.roles.map((r) => (
              <Tag key={r} color="blue">{ROLE_LABELS[r]}</Tag>
            ))}
            <Button size="small" icon={<LogoutOutlined />} onClick={() => void signOut()}>
              退出
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content data-testid="app-content" style={{ flex: 1, minHeight: 0, overflow: 'auto', padding: 16, minWidth: 0 }}>
          {mustChangePassword && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="您正在使用初始密码，请尽快在「修改密码」中设置新密码。" />}
          <Routes>
            {allowed.map((r) => (
              <Route key={r.path} path={r.path} element={r.element} />
            ))}
            <Route path="*" element={<Alert type="error" showIcon title="页面不存在或您无权访问" />} />
          </Routes>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
