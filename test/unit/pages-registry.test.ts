// @vitest-environment happy-dom
import { HomeOutlined } from '@ant-design/icons';
import { isValidElement } from 'react';
import { matchRoutes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../src-shared/roles';
import { crumbsFor, menuKeyFor, titleFor } from '../../src-renderer/app/page-meta';
import { mergePages, PAGE_GROUPS, type PageEntry } from '../../src-renderer/app/page-types';
import { PAGES } from '../../src-renderer/app/pages';
import { pageRoutes } from '../../src-renderer/app/routes';

const page = (path: string, extra: Partial<PageEntry> = {}): PageEntry => ({
  path,
  label: path,
  icon: HomeOutlined,
  access: 'user',
  group: '系统',
  load: async () => () => null,
  ...extra,
});

/** A real address for a route pattern: /plans/:code → /plans/x. */
const concrete = (path: string) => path.replace(/:[^/]+/g, 'x');

describe('the page registry', () => {
  it('refuses a path two workflows claim, naming both', () => {
    expect(() => mergePages({ admin: [page('/users')], other: [page('/a'), page('/users')] })).toThrow('页面路径重复：/users（admin 与 other）');
  });

  it('refuses a detail page whose parent is not a page', () => {
    expect(() => mergePages({ catalog: [page('/plans/:code', { parent: '/plans' })] })).toThrow('上级页面 /plans 不存在');
  });

  it('holds every page once, each in a known group, detail pages under a menu page of their group', () => {
    expect(new Set(PAGES.map((p) => p.path)).size).toBe(PAGES.length);
    for (const p of PAGES) {
      expect(PAGE_GROUPS, p.path).toContain(p.group);
      if (!p.parent) continue;
      const parent = PAGES.find((q) => q.path === p.parent);
      expect(parent?.group, p.path).toBe(p.group);
      expect(parent?.parent, p.path).toBeUndefined();
    }
  });

  it('puts today’s pages in the manual’s areas', () => {
    const groupOf = (label: string) => PAGES.find((p) => p.label === label && !p.parent)?.group;
    expect(['申报计划', '专业目录'].map(groupOf)).toEqual(['证书申报', '证书申报']);
    expect(['考试计划', '考试科目', '证书目录'].map(groupOf)).toEqual(['考务管理', '考务管理', '考务管理']);
    expect(['导入数据包', '生成数据包', '交换记录'].map(groupOf)).toEqual(['数据交换', '数据交换', '数据交换']);
    expect(['院校信息', '账号管理', '审计日志'].map(groupOf)).toEqual(['机构管理', '机构管理', '机构管理']);
    expect(['设置', '关于'].map(groupOf)).toEqual(['系统', '系统']);
    expect(PAGES.filter((p) => p.path.startsWith('/candidates')).every((p) => p.group === '考生管理')).toBe(true);
    expect(PAGES.filter((p) => p.group === '工作台').map((p) => p.path)).toEqual(['/']);
  });

  it('routes every page for every role: its page where allowed, 无权访问 where not', () => {
    for (const role of ROLES) {
      const routes = pageRoutes(PAGES, role);
      for (const p of PAGES) {
        const match = matchRoutes(routes, concrete(p.path));
        expect(
          match?.map((m) => m.route.id),
          `${role} ${p.path}`,
        ).toEqual([p.path]);
        const element = match![0]!.route.element;
        expect(isValidElement(element)).toBe(true);
      }
      expect(matchRoutes(routes, '/no-such-page')?.[0]?.route.id).toBe('*');
    }
    const invigilator = pageRoutes(PAGES, 'invigilator');
    const users = invigilator.find((r) => r.id === '/users')!.element as { props: { status?: string } };
    expect(users.props.status).toBe('403');
  });

  it('loads a component for every page', async () => {
    for (const p of PAGES) expect(typeof (await p.load()), p.path).toBe('function');
  }, 120_000);

  it('names the group, the parent and the detail in the breadcrumbs and the title', () => {
    expect(crumbsFor(PAGES, '/plans/K2020')).toEqual([{ label: '考务管理' }, { label: '考试计划', path: '/plans' }, { label: '查看考试计划' }]);
    expect(crumbsFor(PAGES, '/plans/K2020', '物流管理第2次考核').at(-1)).toEqual({ label: '物流管理第2次考核' });
    expect(crumbsFor(PAGES, '/users')).toEqual([{ label: '机构管理' }, { label: '账号管理' }]);
    expect(crumbsFor(PAGES, '/')).toEqual([]);
    expect(titleFor(PAGES, '/candidates')).toBe('考生名单 - 考点助手');
    expect(titleFor(PAGES, '/plans/K2020', '物流管理第2次考核')).toBe('物流管理第2次考核 - 考点助手');
    expect(menuKeyFor(PAGES, '/plans/K2020')).toBe('/plans');
  });
});
