import { App as AntApp, Form, Input, Modal, Typography } from 'antd';
import type { HistoryRow } from '../../../src-shared/api/packages';
import type { AppError } from '../../../src-shared/errors';
import { useOpMutation } from '../../api/hooks';

/** Writes a stored outbound package again, into a folder on this PC (a USB stick). */
export function RewriteModal({ row, onClose }: { row: HistoryRow; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const rewrite = useOpMutation('packages.rewrite');
  const [form] = Form.useForm<{ folder: string }>();
  const submit = async (v: { folder: string }) => {
    try {
      const r = await rewrite.mutateAsync({ id: row.id, folder: v.folder });
      message.success(`已写到 ${r.path}`);
      onClose();
    } catch (e) {
      form.setFields([{ name: 'folder', errors: [(e as AppError).message] }]);
    }
  };
  return (
    <Modal open title="写到文件夹" okText="写入" cancelText="取消" onOk={() => form.submit()} confirmLoading={rewrite.isPending} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">把 {row.fileName} 再写一份到指定的文件夹，例如插在本机上的 U 盘。</Typography.Paragraph>
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
