import { DeleteOutlined, DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Flex, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { SITE_FILE_RULES } from '../../../src-shared/domain/exam-site';
import { useApi } from '../../api/hooks';
import { formatBytes } from '../../ui/format';

/** A document of the form: one already stored (`storedId`), or an upload checked but not saved yet (`fileId`). */
export interface FileEntry {
  key: string;
  name: string;
  size: number;
  format: string;
  storedId?: number;
  fileId?: string;
}

const MAX_MB = SITE_FILE_RULES.maxBytes / 1024 / 1024;

/**
 * 其他佐证材料: pdf or Word documents, checked by the core as soon as they are picked (by content,
 * not by name), kept with the form and saved with it; stored ones can be opened again.
 */
export function SiteFilesField({ value, onChange, editable }: { value: FileEntry[]; onChange?: (files: FileEntry[]) => void; editable: boolean }) {
  const api = useApi();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const add = async (file: File) => {
    setProblem(null);
    if (value.length >= SITE_FILE_RULES.maxFiles) return setProblem(`其他佐证材料最多 ${SITE_FILE_RULES.maxFiles} 个文件。`);
    if (file.size > SITE_FILE_RULES.maxBytes) return setProblem(`文件“${file.name}”有 ${formatBytes(file.size)}，超过 ${MAX_MB} MB 的上限。`);
    setBusy(true);
    try {
      const ref = await api.upload(file);
      const checked = await api.call('sites.checkFile', { fileId: ref.fileId });
      onChange?.([...value, { key: ref.fileId, fileId: ref.fileId, ...checked }]);
    } catch (e) {
      setProblem((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const open = async (entry: FileEntry) => {
    try {
      await api.saveFile(await api.call('sites.file', { id: entry.storedId! }));
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  return (
    <Flex vertical gap={8}>
      {editable && (
        <Upload
          accept=".pdf,.doc,.docx,application/pdf,application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          showUploadList={false}
          multiple
          beforeUpload={(file) => {
            void add(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy} disabled={value.length >= SITE_FILE_RULES.maxFiles}>
            选择文件
          </Button>
        </Upload>
      )}
      {problem && <Alert type="error" showIcon title={problem} closable={{ onClose: () => setProblem(null) }} />}
      {value.length > 0 && (
        <Table<FileEntry>
          size="small"
          rowKey="key"
          aria-label="佐证材料"
          pagination={false}
          dataSource={value}
          columns={[
            {
              title: '文件',
              dataIndex: 'name',
              render: (name: string, f) => (
                <Flex gap={8} align="center">
                  <PaperClipOutlined />
                  <Typography.Text ellipsis={{ tooltip: name }} style={{ maxWidth: 240 }}>
                    {name}
                  </Typography.Text>
                  {f.fileId && <Tag color="blue">待保存</Tag>}
                </Flex>
              ),
            },
            { title: '格式', dataIndex: 'format', width: 70, render: (format: string) => format.toUpperCase() },
            { title: '大小', dataIndex: 'size', width: 90, render: formatBytes },
            {
              title: '操作',
              key: 'actions',
              width: editable ? 150 : 80,
              render: (_, f) => (
                <Flex gap={4}>
                  {f.storedId !== undefined && (
                    <Button type="link" size="small" icon={<DownloadOutlined />} onClick={() => void open(f)} aria-label={`下载 ${f.name}`}>
                      下载
                    </Button>
                  )}
                  {editable && (
                    <Button
                      type="link"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => onChange?.(value.filter((x) => x.key !== f.key))}
                      aria-label={`移除 ${f.name}`}
                    >
                      移除
                    </Button>
                  )}
                </Flex>
              ),
            },
          ]}
        />
      )}
    </Flex>
  );
}
