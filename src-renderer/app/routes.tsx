import { Result } from 'antd';
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { roleAllowed, type Role } from '../../src-shared/roles';
import type { PageEntry } from './page-types';

const components = new WeakMap<PageEntry, LazyExoticComponent<ComponentType>>();

/** One lazy component per page for the app's life, so a re-render never loads or remounts it. */
function componentOf(page: PageEntry): LazyExoticComponent<ComponentType> {
  let c = components.get(page);
  if (!c) {
    c = lazy(async () => ({ default: await page.load() }));
    components.set(page, c);
  }
  return c;
}

const forbidden = <Result status="403" title="无权访问" subTitle="您的角色不能打开这个页面。" />;

/**
 * A route for every page: its component where the role may open it, 无权访问 where not (typed
 * in by hand), and home for any other address. `id` is the page's path.
 */
export function pageRoutes(pages: readonly PageEntry[], role: Role | undefined): RouteObject[] {
  return [
    ...pages.map((page) => {
      const Page = componentOf(page);
      return { id: page.path, path: page.path, element: roleAllowed(page.access, role) ? <Page /> : forbidden };
    }),
    { id: '*', path: '*', element: <Navigate to="/" replace /> },
  ];
}
