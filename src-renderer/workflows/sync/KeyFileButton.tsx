import { FileAddOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Upload } from 'antd';
import { readKeyFile } from './platform-key';

/** 从文件添加: a .pem file the platform handed over, read here and checked as pasted text is. */
export function KeyFileButton({ disabled, onKey }: { disabled: boolean; onKey: (pem: string, fileName: string) => void }) {
  const { message } = AntApp.useApp();
  const choose = async (file: File) => {
    const r = await readKeyFile(file);
    if ('problem' in r) message.error(r.problem);
    else onKey(r.pem, file.name);
  };
  return (
    <Upload
      accept=".pem,.pub,.txt,.key"
      multiple={false}
      showUploadList={false}
      disabled={disabled}
      beforeUpload={(file) => {
        void choose(file);
        return false;
      }}
    >
      <Button icon={<FileAddOutlined />} disabled={disabled}>
        从 .pem 文件添加
      </Button>
    </Upload>
  );
}
