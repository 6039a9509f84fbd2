import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense, useState } from 'react';
import { createHashRouter, RouterProvider } from 'react-router';
import type { ApiClient } from '../api/client';
import { ApiProvider } from '../api/hooks';
import { FirstPasswordPage } from '../workflows/auth/FirstPasswordPage';
import { LockScreen } from '../workflows/auth/LockScreen';
import { LoginPage } from '../workflows/auth/LoginPage';
import { JobsProvider } from './jobs';
import { SessionProvider, useSession } from './session';
import { theme } from './theme';

dayjs.locale('zh-cn');

// Loaded when needed: the first-run wizard (with the region table) once in the app's life, the
// shell and its pages after a login — the login page, what a start shows, waits for neither.
const SetupWizard = lazy(async () => ({ default: (await import('../workflows/setup/SetupWizard')).SetupWizard }));
const Shell = lazy(async () => ({ default: (await import('./Shell')).Shell }));
const starting = <Spin fullscreen description="正在启动…" />;

function Gate() {
  return (
    <Suspense fallback={starting}>
      <Gated />
    </Suspense>
  );
}

function Gated() {
  const { status, user } = useSession();
  switch (status) {
    case 'loading':
      return starting;
    case 'unreachable':
      return <Result status="error" title="无法连接考点助手服务" subTitle="服务可能已经退出，请重新启动应用。" />;
    case 'setup':
      return <SetupWizard />;
    case 'anonymous':
      return <LoginPage />;
    case 'passwordChange':
      return <FirstPasswordPage />;
    case 'locked':
      // Idle on the password-change screen: the lock covers that screen, not the shell.
      return user?.mustChangePassword ? (
        <>
          <FirstPasswordPage />
          <LockScreen />
        </>
      ) : (
        <SignedIn locked />
      );
    case 'ready':
      return <SignedIn locked={false} />;
  }
}

/**
 * The lock screen covers the shell instead of replacing it: what was being typed (a drawer,
 * a dialog, a page's form) is still there after the unlock.
 */
function SignedIn({ locked }: { locked: boolean }) {
  return (
    <>
      <Suspense fallback={locked ? null : starting}>
        <Shell />
      </Suspense>
      {locked && <LockScreen />}
    </>
  );
}

/** A page that failed to render: said in Chinese, with the way back, instead of the router's English default. */
function Crashed() {
  return (
    <Result
      status="error"
      title="页面出错了"
      subTitle="这个页面遇到了意外错误。重新加载后可以继续；如果反复出现，请联系技术支持。"
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          重新加载
        </Button>
      }
    />
  );
}

export function App({ client }: { client: ApiClient }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 } } }));
  // A data router: the shell can hold a page with unsaved changes (useBlocker).
  const [router] = useState(() => createHashRouter([{ path: '*', element: <Gate />, errorElement: <Crashed /> }]));
  return (
    <ConfigProvider locale={zhCN} theme={theme}>
      <AntApp>
        <ApiProvider client={client}>
          <QueryClientProvider client={queryClient}>
            <SessionProvider>
              <JobsProvider>
                <RouterProvider router={router} />
              </JobsProvider>
            </SessionProvider>
          </QueryClientProvider>
        </ApiProvider>
      </AntApp>
    </ConfigProvider>
  );
}
