import { InboxOutlined } from '@ant-design/icons';
import { Alert, Descriptions, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { BackupFileInfo } from '../../../src-shared/api/backup';
import { useApi } from '../../api/hooks';
import { formatBytes, formatTime } from '../../ui/format';
import { RestoreModal } from './RestoreModal';

type Stage = { step: 'choose' } | { step: 'checking'; fileName: string } | { step: 'refused'; message: string } | { step: 'ready'; fileId: string; info: BackupFileInfo };

/** 从备份文件恢复: a backup carried on a USB stick or downloaded earlier, checked before the typed confirmation. */
export function RestoreFileModal({ onClose }: { onClose: () => void }) {
  const api = useApi();
  const [stage, setStage] = useState<Stage>({ step: 'choose' });

  const choose = async (file: File) => {
    setStage({ step: 'checking', fileName: file.name });
    try {
      const ref = await api.upload(file);
      setStage({ step: 'ready', fileId: ref.fileId, info: await api.call('backup.checkFile', { fileId: ref.fileId }) });
    } catch (e) {
      setStage({ step: 'refused', message: (e as Error).message });
    }
  };

  return (
    <RestoreModal
      title="从备份文件恢复"
      warning={stage.step === 'ready' ? `将用备份文件 ${stage.info.fileName} 替换当前全部数据。` : null}
      run={() => api.call('backup.restoreFile', { fileId: stage.step === 'ready' ? stage.fileId : '', confirm: true })}
      onClose={onClose}
    >
      <Upload.Dragger
        accept=".db"
        multiple={false}
        showUploadList={false}
        disabled={stage.step === 'checking'}
        beforeUpload={(file) => {
          void choose(file);
          return false;
        }}
        aria-label="选择备份文件"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">点击选择，或把备份文件拖到这里</p>
        <p className="ant-upload-hint">备份文件是 .db 文件（例如 U 盘上的 examsite-日期-manual.db）。选择后先检查，确认后才会恢复。</p>
      </Upload.Dragger>
      {stage.step === 'checking' && <Typography.Text>正在检查 {stage.fileName}…</Typography.Text>}
      {stage.step === 'refused' && <Alert type="error" showIcon title={stage.message} description="当前数据没有任何改动。请选择其他备份文件。" />}
      {stage.step === 'ready' && <FileFacts info={stage.info} />}
    </RestoreModal>
  );
}

function FileFacts({ info }: { info: BackupFileInfo }) {
  return (
    <>
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'file', label: '备份文件', children: info.fileName },
          { key: 'institution', label: '院校', children: info.institution ? `${info.institution.name}（${info.institution.code}）` : '尚未设置院校' },
          { key: 'changed', label: '数据最后修改', children: info.lastChangeAt ? formatTime(info.lastChangeAt) : '无记录' },
          { key: 'size', label: '大小', children: `${formatBytes(info.size)}，结构版本 ${info.schemaVersion}` },
        ]}
      />
      {info.otherInstitution && (
        <Alert type="warning" showIcon title="这份备份属于另一所院校" description="恢复后，本机的院校信息、考生和全部数据都会换成备份中的。请确认选对了文件。" />
      )}
    </>
  );
}
