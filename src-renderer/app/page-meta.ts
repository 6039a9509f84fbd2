import { createContext, useContext, useEffect } from 'react';
import { matchPath } from 'react-router';
import { HOME_GROUP, type PageMeta } from './page-types';

// The pages as data for the menu, the breadcrumbs and the shortcuts. The shell puts them in
// context; a page reads them here without importing the registry, whose `load`s lead to every
// page's code (the home page among them: a cycle).

interface PagesValue {
  /** The pages this person's role may open. */
  pages: readonly PageMeta[];
  setDetail: (text: string | undefined) => void;
}

export const PagesContext = createContext<PagesValue>({ pages: [], setDetail: () => {} });

export function usePages(): readonly PageMeta[] {
  return useContext(PagesContext).pages;
}

/** The pages this role sees in the menu and as shortcuts: detail views are left out. */
export function useMenuPages(): PageMeta[] {
  return menuPages(usePages());
}

/** Names what a page shows (a plan's name) as the last breadcrumb and in the window title, while it is open. */
export function usePageDetail(text: string | undefined): void {
  const { setDetail } = useContext(PagesContext);
  useEffect(() => {
    setDetail(text);
    return () => setDetail(undefined);
  }, [setDetail, text]);
}

export function menuPages(pages: readonly PageMeta[]): PageMeta[] {
  return pages.filter((p) => !p.parent);
}

export function pageAt(pages: readonly PageMeta[], pathname: string): PageMeta | undefined {
  return pages.find((p) => matchPath(p.path, pathname));
}

/** The menu entry to light for a location: the page itself, or the parent of a detail view. */
export function menuKeyFor(pages: readonly PageMeta[], pathname: string): string {
  const page = pageAt(pages, pathname);
  return page?.parent ?? page?.path ?? pathname;
}

export interface Crumb {
  label: string;
  /** Set where the crumb leads somewhere else than here. */
  path?: string;
}

/** group › page › detail; the home page, alone in its group, has none. */
export function crumbsFor(pages: readonly PageMeta[], pathname: string, detail?: string): Crumb[] {
  const page = pageAt(pages, pathname);
  if (!page || page.group === HOME_GROUP) return [];
  const parent = page.parent ? pages.find((p) => p.path === page.parent) : undefined;
  return [{ label: page.group }, ...(parent ? [{ label: parent.label, path: parent.path }] : []), { label: detail ?? page.label }];
}

export const APP_NAME = '考点助手';

/** The window's (the browser tab's) title: 考生名单 - 考点助手. */
export function titleFor(pages: readonly PageMeta[], pathname: string, detail?: string): string {
  const page = pageAt(pages, pathname);
  const name = detail ?? page?.label;
  return name ? `${name} - ${APP_NAME}` : APP_NAME;
}
