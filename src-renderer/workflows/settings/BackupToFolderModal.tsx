import type { BackupResult } from '../../../src-shared/api/backup';
import type { JobInfo } from '../../../src-shared/api/jobs';
import { useOpMutation } from '../../api/hooks';
import { FolderModal } from '../../ui/FolderModal';

/** 备份到文件夹: a new backup, also written to a folder on this PC (a USB stick). */
export function BackupToFolderModal({ onStarted, onClose }: { onStarted: (job: JobInfo<BackupResult>) => void; onClose: () => void }) {
  const start = useOpMutation('backup.create');
  return (
    <FolderModal
      title="备份到文件夹"
      okText="备份"
      description="立即备份，并把备份文件写到指定的文件夹，例如插在本机上的 U 盘。备份同时保留在数据目录的 backups 文件夹中。"
      loading={start.isPending}
      onSubmit={async (folder) => onStarted(await start.mutateAsync({ folder }))}
      onClose={onClose}
    />
  );
}
