import { CloudSyncOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card } from 'antd';
import { useState } from 'react';
import type { JobInfo } from '../../../src-shared/api/jobs';
import type { ExchangeResult } from '../../../src-shared/api/packages';
import { useOpMutation } from '../../api/hooks';
import { JobProgress } from '../../ui/JobProgress';
import { INBOUND_QUERIES } from './package-labels';

function summary(r: ExchangeResult): string {
  const applied = r.pulled.filter((p) => p.applied).length;
  return `上传 ${r.pushed.length} 个数据包；从平台取回 ${r.pulled.length} 个${r.pulled.length ? `，其中 ${applied} 个已导入` : ''}。`;
}

/** One round of online exchange: the button starts it; the card below shows its progress and what it did. */
export function useOnlineExchange() {
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const start = useOpMutation('packages.exchange');
  const [job, setJob] = useState<JobInfo<ExchangeResult> | null>(null);
  const running = job !== null && !job.finishedAt;

  const run = async () => {
    try {
      setJob(await start.mutateAsync({}));
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  const button = (
    <Button type="primary" icon={<CloudSyncOutlined />} onClick={() => void run()} loading={start.isPending || running}>
      在线交换
    </Button>
  );

  const panel = job && (
    <Card style={{ marginBottom: 16 }}>
      <JobProgress
        job={job}
        onFinished={(j) => {
          setJob(j);
          void Promise.all(INBOUND_QUERIES.map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
        }}
      />
      {job.state === 'done' && job.result !== undefined && <Alert style={{ marginTop: 12 }} type="success" showIcon title="在线交换完成" description={summary(job.result)} />}
    </Card>
  );

  return { button, panel };
}
