import { CloudDownloadOutlined, FolderOpenOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { BackupInfo, BackupResult } from '../../../src-shared/api/backup';
import type { JobInfo } from '../../../src-shared/api/jobs';
import { useApi, useOp, useOpMutation } from '../../api/hooks';
import { formatBytes, formatTime } from '../../ui/format';
import { JobProgress } from '../../ui/JobProgress';
import { RowAction } from '../../ui/RowAction';
import { BackupToFolderModal } from './BackupToFolderModal';
import { RestoreFileModal } from './RestoreFileModal';
import { RestoreModal } from './RestoreModal';

export function BackupPanel() {
  const { message } = AntApp.useApp();
  const api = useApi();
  const queryClient = useQueryClient();
  const list = useOp('backup.list', {});
  const start = useOpMutation('backup.create');
  const [job, setJob] = useState<JobInfo<BackupResult> | null>(null);
  const [dialog, setDialog] = useState<'folder' | 'file' | { restore: BackupInfo } | null>(null);
  const running = job !== null && !job.finishedAt;

  const backupNow = async () => {
    try {
      setJob(await start.mutateAsync({}));
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  const download = async (b: BackupInfo) => {
    try {
      await api.saveFile(await api.call('backup.file', { name: b.name }));
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph style={{ margin: 0 }}>
            备份是数据文件的完整副本，保存在数据目录的 backups 文件夹中。升级前会自动备份；恢复前也会先备份当前数据，所以恢复本身可以撤销。 为防本机损坏，请定期把备份写到 U
            盘或下载到别处保存；需要时可以从这样的备份文件恢复。
          </Typography.Paragraph>
          <Space wrap>
            <Button type="primary" icon={<CloudDownloadOutlined />} onClick={backupNow} loading={start.isPending} disabled={running}>
              立即备份
            </Button>
            <Button icon={<FolderOpenOutlined />} onClick={() => setDialog('folder')} disabled={running}>
              备份到文件夹…
            </Button>
            <Button icon={<UploadOutlined />} onClick={() => setDialog('file')} disabled={running}>
              从备份文件恢复…
            </Button>
          </Space>
          {job && (
            <JobProgress
              job={job}
              doneLabel={backupDone}
              onFinished={(j) => {
                void queryClient.invalidateQueries({ queryKey: ['backup.list'] });
                if (j.state === 'done') message.success(backupDone(j));
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
          {
            title: '操作',
            key: 'a',
            render: (_, b) => (
              <Space size={12}>
                <RowAction onClick={() => void download(b)}>下载</RowAction>
                <RowAction onClick={() => setDialog({ restore: b })}>恢复</RowAction>
              </Space>
            ),
          },
        ]}
      />
      {dialog === 'folder' && <BackupToFolderModal onStarted={setJob} onClose={() => setDialog(null)} />}
      {dialog === 'file' && <RestoreFileModal onClose={() => setDialog(null)} />}
      {typeof dialog === 'object' && dialog !== null && <ListedRestore backup={dialog.restore} onClose={() => setDialog(null)} />}
    </Space>
  );
}

const backupDone = (j: JobInfo<BackupResult>) => (j.result?.path ? `备份完成，已写到 ${j.result.path}` : '备份完成');

function ListedRestore({ backup, onClose }: { backup: BackupInfo; onClose: () => void }) {
  const restore = useOpMutation('backup.restore');
  return (
    <RestoreModal
      title="从备份恢复"
      warning={`将用 ${formatTime(backup.createdAt)} 的备份替换当前全部数据。`}
      run={() => restore.mutateAsync({ name: backup.name, confirm: true })}
      onClose={onClose}
    />
  );
}
