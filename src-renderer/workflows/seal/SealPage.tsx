import { EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Space } from 'antd';
import { useCallback, useState } from 'react';
import { useApi, useOp } from '../../api/hooks';
import { formatBytes, formatTime } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { PdfJobModal } from '../../ui/PdfJobModal';
import { QueryError } from '../../ui/QueryError';
import { SealImage } from './SealImage';
import { SealUploadCard } from './SealUploadCard';

/**
 * 签名章 (the manual's 3.1): the principal uploads the seal (read and tick the 授权委托书 first),
 * sees it placed on a certificate mock-up, and replaces it when the effect is poor. Nobody else
 * can open this page or any of its calls.
 */
export function SealPage() {
  const api = useApi();
  const status = useOp('seal.status', {});
  const seal = status.data?.seal ?? null;
  const image = useOp('seal.image', {}, { enabled: seal !== null });
  const [previewing, setPreviewing] = useState(false);
  const startPreview = useCallback(() => api.call('seal.preview', {}), [api]);

  return (
    <>
      <PageHeader
        title="签名章"
        description="考核站点负责人的电子签名章，仅用于确认签发证书时加盖在电子证书上。只有负责人账号可以上传、查看和使用，其他账号均无权查看。"
        extra={
          seal && (
            <Button type="primary" icon={<EyeOutlined />} onClick={() => setPreviewing(true)}>
              预览效果
            </Button>
          )
        }
      />
      <QueryError error={status.error ?? image.error} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {status.data && (
          <Card title="当前签名章">
            {seal ? (
              <Flex gap={24} align="flex-start" wrap>
                <SealImage src={image.data?.dataUrl ?? null} caption="灰白格为透明部分" />
                <Flex vertical gap={8} style={{ flex: 1, minWidth: 320 }}>
                  <Descriptions
                    size="small"
                    column={2}
                    items={[
                      { key: 'size', label: '尺寸', children: `${seal.width}×${seal.height} 像素` },
                      { key: 'bytes', label: '大小', children: formatBytes(seal.size) },
                      { key: 'by', label: '上传人', children: seal.uploadedBy },
                      { key: 'at', label: '上传时间', children: formatTime(seal.uploadedAt) },
                      { key: 'auth', label: '授权委托书', children: `已同意（版本 ${seal.authorisation.version}，${formatTime(seal.authorisation.acceptedAt)}）` },
                      { key: 'hash', label: '图片指纹', children: <code>{seal.sha256.slice(0, 16)}</code> },
                    ]}
                  />
                  {seal.warnings.map((w) => (
                    <Alert key={w} type="warning" showIcon title={w} />
                  ))}
                  <Alert type="info" showIcon title="上传后请点“预览效果”查看签名章加盖在证书上的效果；若效果不好，请调整图片后重新上传。" />
                </Flex>
              </Flex>
            ) : (
              <Alert type="warning" showIcon title="尚未上传签名章：确认签发证书前，须先上传负责人签名章。" />
            )}
          </Card>
        )}
        {status.data && <SealUploadCard replacing={seal !== null} />}
      </Space>
      {previewing && <PdfJobModal title="签名章预览（证书样张）" start={startPreview} onClose={() => setPreviewing(false)} />}
    </>
  );
}
