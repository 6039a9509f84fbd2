import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Checkbox, Flex, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { CandidateRow } from '../../../src-shared/api/candidates';
import { PHOTO_RULES } from '../../../src-shared/api/photos';
import { useApi } from '../../api/hooks';
import { CandidatePhoto } from './CandidatePhoto';
import { CANDIDATE_QUERIES } from './candidate-queries';

/**
 * The candidate's photo on the form, with a single-photo upload checked by the same rules as
 * the ZIP import. Replacing a photo asks first; a refused file says why beside the picture.
 */
export function CandidatePhotoField({ candidate }: { candidate: CandidateRow }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { modal, message } = AntApp.useApp();
  const [fix, setFix] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const upload = async (file: File) => {
    setProblem(null);
    if (candidate.hasPhoto) {
      const ok = await modal.confirm({
        title: `替换${candidate.name}的照片？`,
        content: `原有照片将被“${file.name}”替换，替换记入审计日志。`,
        okText: '替换',
        cancelText: '取消',
      });
      if (!ok) return;
    }
    setBusy(true);
    try {
      const ref = await api.upload(file);
      const report = await api.call('candidates.setPhoto', { id: candidate.id, fileId: ref.fileId, fix, replace: candidate.hasPhoto });
      message.success(report.fixed ? '照片已保存（已自动调整尺寸）' : '照片已保存');
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['candidates.photo', { id: candidate.id }] }),
        ...CANDIDATE_QUERIES.map((k) => queryClient.invalidateQueries({ queryKey: [k] })),
      ]);
    } catch (e) {
      setProblem((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex gap={16} align="flex-start">
      <CandidatePhoto id={candidate.id} hasPhoto={candidate.hasPhoto} name={candidate.name} width={96} />
      <Flex vertical gap={8} style={{ minWidth: 0, flex: 1 }}>
        <Typography.Text strong>照片</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          小一寸证件照：jpg 或 png，{PHOTO_RULES.maxBytes / 1024 / 1024} MB 以内，{PHOTO_RULES.width}×{PHOTO_RULES.height} 像素，红色背景。
        </Typography.Text>
        <Flex gap={12} align="center" wrap>
          <Upload
            accept=".jpg,.jpeg,.png,image/jpeg,image/png"
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={busy}>
              {candidate.hasPhoto ? '更换照片' : '上传照片'}
            </Button>
          </Upload>
          <Checkbox checked={fix} onChange={(e) => setFix(e.target.checked)}>
            自动调整尺寸
          </Checkbox>
        </Flex>
        {problem && <Alert type="error" showIcon title={problem} />}
      </Flex>
    </Flex>
  );
}
