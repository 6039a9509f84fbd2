import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useState } from 'react';
import { HashRouter } from 'react-router';
import type { ApiClient } from '../api/client';
import { ApiProvider } from '../api/hooks';
import { LockScreen } from '../workflows/auth/LockScreen';
import { LoginPage } from '../workflows/auth/LoginPage';
import { SetupWizard } from '../workflows/setup/SetupWizard';
import { JobsProvider } from './jobs';
import { SessionProvider, useSession } from './session';
import { Shell } from './Shell';
import { theme } from './theme';

dayjs.locale('zh-cn');

function Gate() {
  const { status } = useSession();
  switch (status) {
    case 'loading':
      return <Spin fullscreen description="正在启动…" />;
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
