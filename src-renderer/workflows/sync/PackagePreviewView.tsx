import { CheckCircleFilled, WarningFilled } from '@ant-design/icons';
import { Alert, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import type { PackagePreview } from '../../../src-shared/api/packages';
import { useOp } from '../../api/hooks';
import { formatTime } from '../../ui/format';
import { ChangesTable } from './ChangesTable';
import { CountsTable } from './CountsTable';
import { kindLabel, organisationNames } from './package-labels';

export function SignatureTag({ signature }: { signature: PackagePreview['signature'] }) {
  return signature.status === 'verified' ? (
    <Tag color="success" icon={<CheckCircleFilled />}>
      已验证签名（密钥 {signature.keyId}）
    </Tag>
  ) : (
    <Tag color="warning" icon={<WarningFilled />}>
      未签名
    </Tag>
  );
}

/** Everything the verify step learnt, before anything is written. */
export function PackagePreviewView({ preview }: { preview: PackagePreview }) {
  const changedCount = preview.changes.length;
  // The preview names an evaluation organisation by its code (考核单位: PJ001); its name is in the
  // catalog: the store's, or the one this package brings.
  const certificates = useOp('catalog.certificates', {});
  const plans = useOp('plans.list', {});
  const organisations = useMemo(() => organisationNames(preview.changes, certificates.data, plans.data), [preview.changes, certificates.data, plans.data]);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {preview.alreadyApplied && (
        <Alert
          type="info"
          showIcon
          title={`这个数据包已于 ${formatTime(preview.alreadyApplied.at)} 导入过，再次导入不会改变任何数据。`}
          description={`上次由 ${preview.alreadyApplied.by} 导入。`}
        />
      )}
      {preview.signature.status === 'unsigned' && (
        <Alert
          type="warning"
          showIcon
          title="未签名：设置允许接受未签名数据包"
          description="这个数据包没有平台的签名，无法证明它来自平台、途中没有被改动。只因为“设置 → 数据交换”中开启了“接受未签名的数据包”才允许导入；请确认来源可靠。"
        />
      )}
      <Card title="数据包" size="small">
        <Descriptions
          size="small"
          column={2}
          items={[
            { key: 'file', label: '文件', children: preview.fileName },
            { key: 'kinds', label: '数据类型', children: preview.kinds.map((k) => <Tag key={k}>{kindLabel(k)}</Tag>) },
            { key: 'sender', label: '发送方', children: `${preview.sender.name}（${preview.sender.id}）` },
            { key: 'seq', label: '序号', children: `第 ${preview.sequence} 号` },
            { key: 'created', label: '生成时间', children: formatTime(preview.createdAt) },
            { key: 'sig', label: '签名', children: <SignatureTag signature={preview.signature} /> },
            {
              key: 'hash',
              label: '文件指纹',
              span: 2,
              children: (
                <Typography.Text copyable={{ text: preview.fileHash, tooltips: ['复制 SHA-256', '已复制'] }} code>
                  {preview.fileHash.slice(0, 16)}…
                </Typography.Text>
              ),
            },
          ]}
        />
      </Card>
      <Card title="数量" size="small">
        <CountsTable counts={preview.counts} />
      </Card>
      <Card title={changedCount ? `新增和变更的内容（${changedCount}${preview.changesTruncated ? '+' : ''} 项）` : '新增和变更的内容'} size="small">
        {preview.changesTruncated && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`变更很多，这里只列出前 ${changedCount} 项；导入会写入全部变更。`} />}
        {changedCount ? (
          <ChangesTable changes={preview.changes} organisations={organisations} />
        ) : (
          <Typography.Text type="secondary">数据包中的内容与现有数据完全相同，导入后不会有任何改变。</Typography.Text>
        )}
      </Card>
    </Space>
  );
}
