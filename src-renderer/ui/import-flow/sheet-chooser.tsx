import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { FileRef } from '../../../src-shared/api/files';
import { useApi } from '../../api/hooks';

/** 下载模板: asks the main side for the template, then offers it through the save dialog. */
export function TemplateButton({ load, disabled }: { load: () => Promise<FileRef>; disabled?: boolean }) {
  const api = useApi();
  const { message } = AntApp.useApp();
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    try {
      await api.saveFile(await load());
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} onClick={() => void save()} loading={saving} disabled={disabled}>
      下载模板
    </Button>
  );
}

/** A template's columns in a sentence, the required ones starred. */
export function ColumnList({ columns }: { columns: readonly { field: string; header: string; required?: boolean }[] }) {
  return columns.map((c, i) => (
    <span key={c.field}>
      {i > 0 && '、'}
      {c.header}
      {c.required && <Typography.Text type="danger">*</Typography.Text>}
    </span>
  ));
}

/**
 * Where the filled sheet is dropped or chosen; the file goes to `onFile` and nothing is uploaded
 * by antd itself (the import flow uploads it and checks it as a job).
 */
export function SheetDropZone({
  label,
  onFile,
  disabled,
  disabledText,
  after = '写入',
}: {
  label: string;
  onFile: (file: File) => void;
  disabled?: boolean;
  disabledText?: string;
  after?: string;
}) {
  return (
    <Upload.Dragger
      accept=".xlsx,.csv"
      multiple={false}
      showUploadList={false}
      disabled={disabled}
      beforeUpload={(file) => {
        onFile(file);
        return false;
      }}
      aria-label={label}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p className="ant-upload-text">{disabled && disabledText ? disabledText : '点击选择，或把表格拖到这里'}</p>
      <p className="ant-upload-hint">Excel 表格（.xlsx），或 CSV（UTF-8 或 GBK 编码）。选择后先检查并预览，确认后才会{after}。</p>
    </Upload.Dragger>
  );
}
