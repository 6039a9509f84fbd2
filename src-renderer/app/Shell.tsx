import { DownOutlined, LockOutlined, LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined, UserOutlined } from '@ant-design/icons';
import { App as AntApp, Avatar, Breadcrumb, Button, Dropdown, Flex, Layout, Spin, Typography } from 'antd';
import { Suspense, useEffect, useMemo, useRef, useState } from 'react';
import type { MenuProps } from 'antd';
import { Link, Route, Routes, useLocation, useNavigate } from 'react-router';
import { ROLE_LABELS, roleAllowed } from '../../src-shared/roles';
import { askDiscard, UnsavedChangesProvider, useAnyUnsaved } from '../ui/use-unsaved-guard';
import { ClockWarning } from './ClockWarning';
import { APP_NAME, crumbsFor, PagesContext, titleFor } from './page-meta';
import { PAGES } from './pages';
import { pageRoutes } from './routes';
import { useSession } from './session';
import { SideMenu } from './SideMenu';

const { Sider, Header, Content } = Layout;

const COLLAPSED_KEY = 'examsite.menu.collapsed';
const HEADER_HEIGHT = 56;

function useCollapsed(): [boolean, (c: boolean) => void] {
  const [collapsed, set] = useState(() => {
    try {
      return localStorage.getItem(COLLAPSED_KEY) === '1';
    } catch {
      return false;
    }
  });
  const change = (c: boolean) => {
    set(c);
    try {
      localStorage.setItem(COLLAPSED_KEY, c ? '1' : '0');
    } catch {
      // Storage refused: the menu just forgets.
    }
  };
  return [collapsed, change];
}

/** The logged-in frame: the menu shows only what this role may open; so does the router. */
export function Shell() {
  return (
    <UnsavedChangesProvider>
      <Frame />
    </UnsavedChangesProvider>
  );
}

/**
 * The frame fills the window and never scrolls as a whole: the menu scrolls in its own column,
 * the page under the header that stays.
 */
function Frame() {
  const session = useSession();
  const { modal } = AntApp.useApp();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const unsaved = useAnyUnsaved();
  const user = session.user!;
  const [collapsed, setCollapsed] = useCollapsed();
  const [detail, setDetail] = useState<string | undefined>();
  const allowed = useMemo(() => PAGES.filter((p) => roleAllowed(p.access, user.role)), [user.role]);
  const routes = useMemo(() => pageRoutes(PAGES, user.role), [user.role]);
  const pagesValue = useMemo(() => ({ pages: allowed, setDetail }), [allowed]);
  const content = useRef<HTMLElement>(null);

  useEffect(() => {
    document.title = titleFor(PAGES, pathname, detail);
  }, [pathname, detail]);
  useEffect(() => () => void (document.title = APP_NAME), []);
  // The page scrolls inside the frame, so a new page starts at its top as a new document would.
  useEffect(() => {
    content.current?.scrollTo({ top: 0 });
  }, [pathname]);

  const logout = () => void session.logout().then(() => navigate('/'));
  const userMenu: MenuProps['items'] = [
    { key: 'settings', icon: <UserOutlined />, label: '个人设置与密码', onClick: () => void navigate('/settings') },
    { key: 'lock', icon: <LockOutlined />, label: '锁定', onClick: () => void session.lock() },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', danger: true, onClick: () => (unsaved ? askDiscard(modal, logout) : logout()) },
  ];
  const crumbs = crumbsFor(PAGES, pathname, detail);

  return (
    <PagesContext.Provider value={pagesValue}>
      <Layout style={{ height: '100vh', overflow: 'hidden' }}>
        <Sider width={208} collapsedWidth={64} collapsed={collapsed} trigger={null} theme="light" style={{ borderRight: '1px solid var(--ant-color-border-secondary)' }}>
          <Flex vertical style={{ height: '100%' }}>
            <Flex align="center" justify={collapsed ? 'center' : 'flex-start'} gap={8} style={{ height: HEADER_HEIGHT, flex: 'none', padding: collapsed ? 0 : '0 20px' }}>
              <img src="./icon.svg" alt={collapsed ? APP_NAME : ''} width={28} height={28} />
              {!collapsed && (
                <Typography.Text strong style={{ fontSize: 16 }}>
                  {APP_NAME}
                </Typography.Text>
              )}
            </Flex>
            <div style={{ flex: 1, minHeight: 0, overflowY: 'auto', overflowX: 'hidden' }} data-testid="side-menu-scroll">
              <SideMenu pages={allowed} collapsed={collapsed} />
            </div>
          </Flex>
        </Sider>
        <Layout style={{ minWidth: 0 }}>
          <Header style={{ flex: 'none', background: 'var(--ant-color-bg-container)', padding: '0 24px 0 12px', borderBottom: '1px solid var(--ant-color-border-secondary)' }}>
            <Flex justify="space-between" align="center" style={{ height: '100%' }}>
              <Flex align="center" gap={8} style={{ minWidth: 0 }}>
                <Button
                  type="text"
                  icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
                  onClick={() => setCollapsed(!collapsed)}
                  aria-label={collapsed ? '展开菜单' : '收起菜单'}
                  aria-expanded={!collapsed}
                />
                <Typography.Text type="secondary" ellipsis>
                  {session.info?.institution?.name}
                </Typography.Text>
              </Flex>
              <Dropdown menu={{ items: userMenu }} trigger={['click']}>
                <Button type="text" aria-label="账号菜单" style={{ paddingInline: 8 }}>
                  <Avatar size="small" icon={<UserOutlined />} />
                  <span>{user.displayName}</span>
                  <Typography.Text type="secondary">{ROLE_LABELS[user.role]}</Typography.Text>
                  <DownOutlined />
                </Button>
              </Dropdown>
            </Flex>
          </Header>
          <Content ref={content} style={{ flex: 1, minHeight: 0, overflow: 'auto', padding: 24 }}>
            {crumbs.length > 0 && (
              <Breadcrumb aria-label="当前位置" style={{ marginBottom: 8 }} items={crumbs.map((c) => ({ title: c.path ? <Link to={c.path}>{c.label}</Link> : c.label }))} />
            )}
            <ClockWarning />
            <Suspense fallback={<Spin style={{ display: 'block', marginTop: 96 }} />}>
              <Routes>
                {routes.map((r) => (
                  <Route key={r.id} path={r.path} element={r.element} />
                ))}
              </Routes>
            </Suspense>
          </Content>
        </Layout>
      </Layout>
    </PagesContext.Provider>
  );
}
