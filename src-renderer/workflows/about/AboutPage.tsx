import { Card, Descriptions, Typography } from 'antd';
import { useSession } from '../../app/session';
import { PageHeader } from '../../ui/PageHeader';

export function AboutPage() {
  const { info } = useSession();
  return (
    <>
      <PageHeader title="关于考点助手" />
      <Card>
        <Typography.Paragraph>
          考点助手（ExamSite Desk）帮助 1+X 证书试点院校在无网络或网络不稳定的机房里组织全年的考务工作，并通过数据包与职业技能等级证书信息管理服务平台交换数据。
        </Typography.Paragraph>
        <Descriptions bordered column={1} size="small">
          <Descriptions.Item label="版本">{info?.version}</Descriptions.Item>
          <Descriptions.Item label="数据结构版本">{info?.schemaVersion}</Descriptions.Item>
          <Descriptions.Item label="数据目录">
            <Typography.Text copyable>{info?.dataDir}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="运行方式">{info?.transport === 'electron' ? '桌面窗口' : '浏览器模式（本机回环地址）'}</Descriptions.Item>
        </Descriptions>
      </Card>
    </>
  );
}
