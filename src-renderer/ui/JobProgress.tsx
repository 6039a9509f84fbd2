import { Button, Popconfirm, Progress, Space, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import type { JobInfo } from '../../src-shared/api/jobs';
import { useApi } from '../api/hooks';
import { useJob } from '../app/jobs';

const STATUS: Record<JobInfo['state'], 'active' | 'success' | 'exception' | 'normal'> = {
  queued: 'normal',
  running: 'active',
  done: 'success',
  failed: 'exception',
  cancelled: 'exception',
};

/**
 * A long job's progress: phase, count, bar and a cancel button. `onFinished` runs once when
 * the job ends, whichever way. `doneLabel` says what the finished job made (where a file went):
 * it stays on screen, where a toast would be gone by the time the user looks back.
 */
export function JobProgress<R>({ job: initial, onFinished, doneLabel }: { job: JobInfo<R>; onFinished?: (job: JobInfo<R>) => void; doneLabel?: (job: JobInfo<R>) => string }) {
  const api = useApi();
  const job = useJob(initial.id, initial) ?? initial;
  const reported = useRef(false);

  useEffect(() => {
    if (job.finishedAt && !reported.current) {
      reported.current = true;
      onFinished?.(job);
    }
  }, [job, onFinished]);

  const { done, total, phase } = job.progress;
  const percent = job.state === 'done' ? 100 : total > 0 ? Math.floor((done / total) * 100) : 0;
  const label =
    job.state === 'done'
      ? (doneLabel?.(job) ?? '已完成')
      : job.state === 'failed'
        ? (job.error?.message ?? '失败')
        : job.state === 'cancelled'
          ? '已取消，数据未改动'
          : total > 0
            ? `${phase}：${done} / ${total}`
            : phase;

  return (
    <div role="group" aria-label={`${job.title}进度`} data-job-state={job.state}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text strong>{job.title}</Typography.Text>
        {!job.finishedAt && (
          <Popconfirm
            title="确定取消这个任务吗？"
            description="已处理的部分不会写入。"
            okText="取消任务"
            cancelText="继续"
            onConfirm={() => api.call('jobs.cancel', { id: job.id })}
          >
            <Button size="small" danger>
              取消
            </Button>
          </Popconfirm>
        )}
      </Space>
      <Progress percent={percent} status={STATUS[job.state]} />
      <Typography.Text type={job.state === 'failed' ? 'danger' : 'secondary'}>{label}</Typography.Text>
    </div>
  );
}
