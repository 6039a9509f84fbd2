import { Form, Input, Modal, Typography } from 'antd';
import type { BackupResult } from '../../../src-shared/api/backup';
import type { JobInfo } from '../../../src-shared/api/jobs';
import { useOpMutation } from '../../api/hooks';

/** 备份到文件夹: a new backup, also written to a folder on this PC (a USB stick). */
export function BackupToFolderModal({ onStarted, onClose }: { onStarted: (job: JobInfo<BackupResult>) => void; onClose: () => void }) {
  const start = useOpMutation('backup.create');
  const [form] = Form.useForm<{ folder: string }>();
  const submit = async (v: { folder: string }) => {
    try {
      onStarted(await start.mutateAsync({ folder: v.folder.trim() }));
      onClose();
    } catch (e) {
      form.setFields([{ name: 'folder', errors: [(e as Error).message] }]);
    }
  };
  return (
    <Modal open title="备份到文件夹" okText="备份" cancelText="取消" onOk={() => form.submit()} confirmLoading={start.isPending} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">立即备份，并把备份文件写到指定的文件夹，例如插在本机上的 U 盘。备份同时保留在数据目录的 backups 文件夹中。</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          label="文件夹"
          name="folder"
          rules={[{ required: true, whitespace: true, message: '请填写要写入的文件夹' }]}
          extra="本机上完整的文件夹路径，例如 E:\ 或 /media/usb"
        >
          <Input autoFocus autoComplete="off" />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
