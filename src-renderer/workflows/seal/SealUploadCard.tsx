import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Checkbox, Flex, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import type { SealProblem } from '../../../src-shared/domain/seal';
import { SEAL_RULE_TEXT } from '../../../src-shared/domain/seal';
import { SEAL_AUTHORISATION } from '../../../src-shared/domain/seal-authorisation';
import type { AppError } from '../../../src-shared/errors';
import { useApi } from '../../api/hooks';
import { formatBytes } from '../../ui/format';
import { SealImage } from './SealImage';

/**
 * 上传签名章: the file picked, shown as it will look, the rules beside it; the 授权委托书 to read
 * and tick before 保存. A refused file lists every rule it breaks, each in its own words.
 */
export function SealUploadCard({ replacing }: { replacing: boolean }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { modal, message } = AntApp.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [accepted, setAccepted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview]);

  const pick = (f: File) => {
    setProblems([]);
    setFile(f);
    setPreview(URL.createObjectURL(f));
  };

  const save = async () => {
    if (!file) return;
    if (replacing) {
      const ok = await modal.confirm({
        title: '更换签名章？',
        content: '原签名章将被新的签名章替换，不再保留；此后签发和电子证书都使用新的签名章。',
        okText: '更换',
        cancelText: '取消',
      });
      if (!ok) return;
    }
    setSaving(true);
    setProblems([]);
    try {
      const ref = await api.upload(file);
      const status = await api.call('seal.upload', { fileId: ref.fileId, authorisationVersion: SEAL_AUTHORISATION.version, accepted: true });
      message.success(replacing ? '签名章已更换' : '签名章已保存');
      for (const w of status.seal?.warnings ?? []) message.warning(w);
      setFile(null);
      setPreview(null);
      setAccepted(false);
      await Promise.all(['seal.status', 'seal.image'].map((k) => queryClient.invalidateQueries({ queryKey: [k] })));
    } catch (e) {
      const err = e as AppError;
      const listed = (err.details?.problems as SealProblem[] | undefined)?.map((p) => p.message);
      setProblems(listed?.length ? listed : [err.message]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={replacing ? '更换签名章' : '上传签名章'}>
      <Flex gap={24} align="flex-start" wrap>
        <SealImage src={preview} caption={file ? `${file.name}（${formatBytes(file.size)}）` : '尚未选择图片'} />
        <Flex vertical gap={8} style={{ flex: 1, minWidth: 280 }}>
          <Typography.Text>请上传考核站点负责人的签名章图片：</Typography.Text>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {SEAL_RULE_TEXT.map((r) => (
              <li key={r}>
                <Typography.Text type="secondary">{r}</Typography.Text>
              </li>
            ))}
          </ul>
          <Upload
            accept=".png,image/png"
            showUploadList={false}
            beforeUpload={(f) => {
              pick(f);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>{file ? '重新选择图片' : '选择图片'}</Button>
          </Upload>
          {problems.length > 0 && (
            <Alert
              type="error"
              showIcon
              title="签名章未通过检查"
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              }
            />
          )}
        </Flex>
      </Flex>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        《{SEAL_AUTHORISATION.title}》
      </Typography.Title>
      <div
        role="document"
        aria-label={SEAL_AUTHORISATION.title}
        tabIndex={0}
        style={{ maxHeight: 180, overflowY: 'auto', border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px', background: '#fafafa' }}
      >
        {SEAL_AUTHORISATION.paragraphs.map((p) => (
          <Typography.Paragraph key={p} style={{ marginBottom: 6 }}>
            {p}
          </Typography.Paragraph>
        ))}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          版本 {SEAL_AUTHORISATION.version}
        </Typography.Text>
      </div>
      <Flex justify="space-between" align="center" style={{ marginTop: 12 }} gap={12} wrap>
        <Checkbox checked={accepted} onChange={(e) => setAccepted(e.target.checked)}>
          {SEAL_AUTHORISATION.accept}
        </Checkbox>
        <Button type="primary" disabled={!file || !accepted} loading={saving} onClick={() => void save()}>
          保存签名章
        </Button>
      </Flex>
    </Card>
  );
}
