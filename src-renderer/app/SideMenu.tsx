import { BankOutlined, CloudSyncOutlined, FileProtectOutlined, IdcardOutlined, ScheduleOutlined, SettingOutlined, TrophyOutlined } from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import { useEffect, useState, type ComponentType } from 'react';
import { Link, useLocation } from 'react-router';
import { menuKeyFor, pageAt } from './page-meta';
import { HOME_GROUP, PAGE_GROUPS, type PageGroup, type PageMeta } from './page-types';

const GROUP_ICONS: Record<Exclude<PageGroup, typeof HOME_GROUP>, ComponentType<{ 'aria-hidden'?: boolean }>> = {
  证书申报: FileProtectOutlined,
  考务管理: ScheduleOutlined,
  考生管理: IdcardOutlined,
  成绩与发证: TrophyOutlined,
  数据交换: CloudSyncOutlined,
  机构管理: BankOutlined,
  系统: SettingOutlined,
};

/** The groups someone closed, kept on this PC: a new group (a new workflow) shows open. */
const CLOSED_KEY = 'examsite.menu.closedGroups';

function readClosed(): string[] {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(CLOSED_KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function writeClosed(closed: string[]): void {
  try {
    localStorage.setItem(CLOSED_KEY, JSON.stringify(closed));
  } catch {
    // A full or refused storage only forgets the menu's state.
  }
}

/**
 * The side menu by the manual's areas: 工作台 on top, then a group per area that has a page this
 * role may open (an area without one shows nothing). Inline, the groups open and close and
 * that is remembered; collapsed, they open as pop-ups.
 */
export function SideMenu({ pages, collapsed }: { pages: readonly PageMeta[]; collapsed: boolean }) {
  const { pathname } = useLocation();
  const menu = pages.filter((p) => !p.parent);
  const groups = PAGE_GROUPS.filter((g) => g !== HOME_GROUP && menu.some((p) => p.group === g));
  const [closed, setClosed] = useState(readClosed);
  const [popup, setPopup] = useState<string[]>([]);

  // Arriving at a page in a closed group (a link, a shortcut) opens the group, so the page is
  // lit; closing the group of the page one is on stays closed.
  const here = pageAt(pages, pathname)?.group;
  useEffect(() => {
    const stored = readClosed();
    if (!here || !stored.includes(here)) return;
    const next = stored.filter((g) => g !== here);
    writeClosed(next);
    setClosed(next);
  }, [here, pathname]);

  const item = (p: PageMeta) => ({ key: p.path, icon: <p.icon aria-hidden />, label: <Link to={p.path}>{p.label}</Link> });
  const items: MenuProps['items'] = [
    ...menu.filter((p) => p.group === HOME_GROUP).map(item),
    ...groups.map((g) => {
      const Icon = GROUP_ICONS[g as Exclude<PageGroup, typeof HOME_GROUP>];
      return { key: g, icon: <Icon aria-hidden />, label: g, children: menu.filter((p) => p.group === g).map(item) };
    }),
  ];
  const open = groups.filter((g) => !closed.includes(g));
  const onOpenChange = (keys: string[]) => {
    if (collapsed) return setPopup(keys);
    // Groups this role does not see keep their state for whoever sees them.
    const next = [...closed.filter((g) => !groups.includes(g as PageGroup)), ...groups.filter((g) => !keys.includes(g))];
    setClosed(next);
    writeClosed(next);
  };

  return (
    <Menu
      mode="inline"
      selectedKeys={[menuKeyFor(pages, pathname)]}
      openKeys={collapsed ? popup : open}
      onOpenChange={onOpenChange}
      items={items}
      style={{ borderInlineEnd: 'none' }}
      aria-label="主导航"
    />
  );
}
