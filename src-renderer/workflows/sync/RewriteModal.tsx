import { App as AntApp } from 'antd';
import type { HistoryRow } from '../../../src-shared/api/packages';
import { useOpMutation } from '../../api/hooks';
import { FolderModal } from '../../ui/FolderModal';

/** Writes a stored outbound package again, into a folder on this PC (a USB stick). */
export function RewriteModal({ row, onClose }: { row: HistoryRow; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const rewrite = useOpMutation('packages.rewrite');
  return (
    <FolderModal
      title="写到文件夹"
      okText="写入"
      description={`把 ${row.fileName} 再写一份到指定的文件夹，例如插在本机上的 U 盘。`}
      loading={rewrite.isPending}
      onSubmit={async (folder) => {
        const r = await rewrite.mutateAsync({ id: row.id, folder });
        message.success(`已写到 ${r.path}`);
      }}
      onClose={onClose}
    />
  );
}
