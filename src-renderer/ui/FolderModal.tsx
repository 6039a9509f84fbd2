import { Form, Input, Modal, Typography } from 'antd';
import type { ReactNode } from 'react';

/**
 * Asks for a folder on this PC to write into (a USB stick): `onSubmit` does the writing and
 * throws to refuse; its message lands under the field.
 */
export function FolderModal({
  title,
  okText,
  description,
  loading,
  onSubmit,
  onClose,
}: {
  title: string;
  okText: string;
  description: ReactNode;
  loading: boolean;
  onSubmit: (folder: string) => Promise<void>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ folder: string }>();
  const submit = async (v: { folder: string }) => {
    try {
      await onSubmit(v.folder.trim());
      onClose();
    } catch (e) {
      form.setFields([{ name: 'folder', errors: [(e as Error).message] }]);
    }
  };
  return (
    <Modal open title={title} okText={okText} cancelText="取消" onOk={() => form.submit()} confirmLoading={loading} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">{description}</Typography.Paragraph>
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
