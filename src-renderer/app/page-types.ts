import type { ComponentType } from 'react';
import type { Access } from '../../src-shared/roles';

/** The menu's areas, in the manual's order; 工作台 stands alone on top. */
export const PAGE_GROUPS = ['工作台', '证书申报', '考务管理', '考生管理', '成绩与发证', '数据交换', '机构管理', '系统'] as const;
export type PageGroup = (typeof PAGE_GROUPS)[number];
export const HOME_GROUP = '工作台' satisfies PageGroup;

/** What the menu, the breadcrumbs and the shortcuts know of a page: plain data, no route element. */
export interface PageMeta {
  path: string;
  label: string;
  /** Drawn aria-hidden: the label names the page (an icon's own label is English: "file-protect"). */
  icon: ComponentType<{ 'aria-hidden'?: boolean }>;
  access: Access;
  group: PageGroup;
  /** A page reached from another (a detail view): routed, not in the menu; `parent` is lit in the menu instead. */
  parent?: string;
}

/** A workflow's page: its metadata and its component, loaded when the page is first opened (its own chunk). */
export interface PageEntry extends PageMeta {
  load: () => Promise<ComponentType>;
}

/**
 * The workflows' page lists as one: a path twice (two workflows claiming one address) or a
 * detail page whose parent is missing is refused when the shell starts, not found by a user.
 */
export function mergePages(byWorkflow: Record<string, readonly PageEntry[]>): PageEntry[] {
  const owner = new Map<string, string>();
  const all: PageEntry[] = [];
  for (const [workflow, pages] of Object.entries(byWorkflow))
    for (const page of pages) {
      const first = owner.get(page.path);
      if (first !== undefined) throw new Error(`页面路径重复：${page.path}（${first} 与 ${workflow}）`);
      owner.set(page.path, workflow);
      all.push(page);
    }
  for (const page of all) if (page.parent !== undefined && !owner.has(page.parent)) throw new Error(`页面 ${page.path} 的上级页面 ${page.parent} 不存在`);
  return all;
}
