import { CloudDownloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Input, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { BackupInfo } from '../../../src-shared/api/backup';
import type { JobInfo } from '../../../src-shared/api/jobs';
import { useOp, useOpMutation } from '../../api/hooks';
import { useSession } from '../../app/session';
import { formatBytes, formatTime } from '../../ui/format';
import { JobProgress } from '../../ui/JobProgress';
import { RowAction } from '../../ui/RowAction';

const CONFIRM_WORD = '恢复';

export function BackupPanel() {
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const list = useOp('backup.list', {});
  const start = useOpMutation('backup.create');
  const [job, setJob] = useState<JobInfo<BackupInfo> | null>(null);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);

  const backupNow = async () => {
    try {
      setJob(await start.mutateAsync({}));
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph style={{ margin: 0 }}>
            备份是数据文件的完整副本，保存在数据目录的 backups 文件夹中。升级前会自动备份；恢复前也会先备份当前数据，所以恢复本身可以撤销。
          </Typography.Paragraph>
          <Button type="primary" icon={<CloudDownloadOutlined />} onClick={backupNow} loading={start.isPending} disabled={job !== null && !job.finishedAt}>
            立即备份
          </Button>
          {job && (
            <JobProgress
              job={job}
              onFinished={(j) => {
                void queryClient.invalidateQueries({ queryKey: ['backup.list'] });
                if (j.state === 'done') message.success('备份完成');
                setJob(j);
              }}
            />
          )}
        </Space>
      </Card>
      <Table<BackupInfo>
        rowKey="name"
        loading={list.isPending}
        dataSource={list.data}
        pagination={{ pageSize: 10 }}
        locale={{ emptyText: '还没有备份' }}
        columns={[
          { title: '备份时间', dataIndex: 'createdAt', render: formatTime },
          { title: '类型', dataIndex: 'reason' },
          { title: '大小', dataIndex: 'size', render: formatBytes },
          { title: '结构版本', dataIndex: 'schemaVersion', render: (v: number | null) => v ?? '无法读取' },
          { title: '文件名', dataIndex: 'name', render: (n: string) => <Typography.Text type="secondary">{n}</Typography.Text> },
          { title: '操作', key: 'a', render: (_, b) => <RowAction onClick={() => setRestoring(b)}>恢复</RowAction> },
        ]}
      />
      {restoring && <RestoreModal backup={restoring} onClose={() => setRestoring(null)} />}
    </Space>
  );
}

function RestoreModal({ backup, onClose }: { backup: BackupInfo; onClose: () => void }) {
  const { modal } = AntApp.useApp();
  const session = useSession();
  const restore = useOpMutation('backup.restore');
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setError(null);
    try {
      const r = await restore.mutateAsync({ name: backup.name, confirm: true });
      onClose();
      modal.success({
        title: '已从备份恢复',
        content: `当前数据已先备份为 ${r.safety.name}。请重新登录。`,
        okText: '重新登录',
        onOk: () => session.logout(),
      });
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <Modal
      open
      title="从备份恢复"
      okText="恢复"
      okButtonProps={{ danger: true, disabled: typed !== CONFIRM_WORD }}
      cancelText="取消"
      confirmLoading={restore.isPending}
      onOk={run}
      onCancel={onClose}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert type="warning" showIcon title={`将用 ${formatTime(backup.createdAt)} 的备份替换当前全部数据。`} description="恢复前会自动备份当前数据；恢复后所有人需要重新登录。" />
        {error && <Alert type="error" showIcon title={error} />}
        <Typography.Text>请输入“{CONFIRM_WORD}”以确认：</Typography.Text>
        <Input value={typed} onChange={(e) => setTyped(e.target.value)} autoFocus aria-label="确认文字" />
      </Space>
    </Modal>
  );
}
