import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense, useState } from 'react';
import { HashRouter } from 'react-router';
import type { ApiClient } from '../api/client';
import { ApiProvider } from '../api/hooks';
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
  const { status } = useSession();
  switch (status) {
    case 'loading':
      return starting;
    case 'unreachable':
      return <Result status="error" title="无法连接考点助手服务" subTitle="服务可能已经退出，请重新启动应用。" />;
    case 'setup':
      return <SetupWizard />;
    case 'anonymous':
      return <LoginPage />;
    case 'locked':
      return <LockScreen />;
    case 'ready':
      return <Shell />;
  }
}

export function App({ client }: { client: ApiClient }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 } } }));
  return (
    <ConfigProvider locale={zhCN} theme={theme}>
      <AntApp>
        <ApiProvider client={client}>
          <QueryClientProvider client={queryClient}>
            <SessionProvider>
              <JobsProvider>
                <HashRouter>
                  <Gate />
                </HashRouter>
              </JobsProvider>
            </SessionProvider>
          </QueryClientProvider>
        </ApiProvider>
      </AntApp>
    </ConfigProvider>
  );
}
