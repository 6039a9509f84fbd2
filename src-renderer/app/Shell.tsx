import { DownOutlined, LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Dropdown, Flex, Layout, Menu, Result, Spin, Typography } from 'antd';
import { Suspense } from 'react';
import type { MenuProps } from 'antd';
import { Link, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { ROLE_LABELS } from '../../src-shared/roles';
import { ClockWarning } from './ClockWarning';
import { menuKeyFor, menuPagesFor, pagesFor, PAGES } from './navigation';
import { useSession } from './session';

const { Sider, Header, Content } = Layout;

/** The logged-in frame: the menu shows only what this role may open; so does the router. */
export function Shell() {
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const user = session.user!;
  const pages = pagesFor(user.role);
  const menuPages = menuPagesFor(user.role);

  const groups = [...new Set(menuPages.map((p) => p.group))];
  const items: MenuProps['items'] = groups.map((g) => ({
    type: 'group',
    key: g,
    label: g,
    children: menuPages.filter((p) => p.group === g).map((p) => ({ key: p.path, icon: p.icon, label: <Link to={p.path}>{p.label}</Link> })),
  }));

  const userMenu: MenuProps['items'] = [
    { key: 'settings', icon: <UserOutlined />, label: '个人设置与密码', onClick: () => void navigate('/settings') },
    { key: 'lock', icon: <LockOutlined />, label: '锁定', onClick: () => void session.lock() },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', danger: true, onClick: () => void session.logout().then(() => navigate('/')) },
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider width={208} theme="light" style={{ borderRight: '1px solid var(--ant-color-border-secondary)' }}>
        <Flex align="center" gap={8} style={{ height: 56, padding: '0 20px' }}>
          <img src="./icon.svg" alt="" width={28} height={28} />
          <Typography.Text strong style={{ fontSize: 16 }}>
            考点助手
          </Typography.Text>
        </Flex>
        <Menu mode="inline" selectedKeys={[menuKeyFor(location.pathname)]} items={items} style={{ borderInlineEnd: 'none' }} aria-label="主导航" />
      </Sider>
      <Layout>
        <Header style={{ background: 'var(--ant-color-bg-container)', padding: '0 24px', borderBottom: '1px solid var(--ant-color-border-secondary)' }}>
          <Flex justify="space-between" align="center" style={{ height: '100%' }}>
            <Typography.Text type="secondary">{session.info?.institution?.name}</Typography.Text>
            <Dropdown menu={{ items: userMenu }} trigger={['click']}>
              <a role="button" aria-label="账号菜单" onClick={(e) => e.preventDefault()}>
                <Flex align="center" gap={8}>
                  <Avatar size="small" icon={<UserOutlined />} />
                  <span>{user.displayName}</span>
                  <Typography.Text type="secondary">{ROLE_LABELS[user.role]}</Typography.Text>
                  <DownOutlined />
                </Flex>
              </a>
            </Dropdown>
          </Flex>
        </Header>
        <Content style={{ padding: 24 }}>
          <ClockWarning />
          <Suspense fallback={<Spin style={{ display: 'block', marginTop: 96 }} />}>
            <Routes>
              {pages.map((p) => (
                <Route key={p.path} path={p.path} element={p.element} />
              ))}
              {PAGES.filter((p) => !pages.includes(p)).map((p) => (
                <Route key={p.path} path={p.path} element={<Result status="403" title="无权访问" subTitle="您的角色不能打开这个页面。" />} />
              ))}
              <Route path="*" element={<Navigate to="/" replace />} />
            </Routes>
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
