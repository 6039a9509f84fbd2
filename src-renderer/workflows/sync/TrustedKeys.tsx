import { KeyOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Space, Typography } from 'antd';
import { useOp } from '../../api/hooks';
import { useKeyId } from './use-key-id';

/**
 * 设置 → 数据交换 as a coordinator sees it: whom the site trusts, read-only. Only the principal
 * changes these settings (`settings.update` is principal-only).
 */
export function TrustedKeys() {
  const settings = useOp('settings.get', {});
  if (!settings.data) return <Card loading />;
  const { platformPublicKeys: keys, allowUnsignedPackages, onlineExchange, platformUrl } = settings.data;
  return (
    <Card style={{ maxWidth: 760 }}>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <div>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            平台公钥
          </Typography.Title>
          {keys.length === 0 ? (
            <Alert type="warning" showIcon title="还没有平台公钥：带签名的数据包无法验证，将被拒绝。" description="请联系试点院校负责人在此添加平台公钥。" />
          ) : (
            <Space orientation="vertical" size={4}>
              <Typography.Text>导入数据包时，用以下平台公钥核对签名：</Typography.Text>
              {keys.map((pem, i) => (
                <KeyLine key={i} index={i} pem={pem} />
              ))}
            </Space>
          )}
        </div>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'unsigned', label: '接受未签名的数据包', children: allowUnsignedPackages ? '已开启（未签名的数据包也能导入）' : '关闭（只接受平台签名的数据包）' },
            { key: 'online', label: '在线交换', children: onlineExchange ? `已开启（${platformUrl}）` : '未开启' },
          ]}
        />
        <Typography.Text type="secondary">这些设置只有试点院校负责人可以修改。</Typography.Text>
      </Space>
    </Card>
  );
}

function KeyLine({ index, pem }: { index: number; pem: string }) {
  const keyId = useKeyId(pem);
  return (
    <Typography.Text>
      <KeyOutlined /> 平台公钥 {index + 1}：{keyId ? <Typography.Text code>密钥编号 {keyId}</Typography.Text> : '（密钥编号无法计算）'}
    </Typography.Text>
  );
}
