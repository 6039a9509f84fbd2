import { DownloadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Descriptions, Flex, Typography } from 'antd';
import { useState } from 'react';
import { roleAllowed } from '../../../src-shared/roles';
import { contract } from '../../../src-shared/api';
import { useApi } from '../../api/hooks';
import { useSession } from '../../app/session';
import { PageHeader } from '../../ui/PageHeader';

export function AboutPage() {
  const { info, user } = useSession();
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
          <Descriptions.Item label="日志目录">
            <Flex vertical gap={8} align="flex-start">
              <Typography.Text copyable>{info?.logsDir}</Typography.Text>
              <Typography.Text type="secondary">每天一个日志文件，保留 14 天；日志中的身份证号已打码，密码不会写入。</Typography.Text>
              {roleAllowed(contract['app.exportLogs'].access, user?.role) && <ExportLogsButton />}
            </Flex>
          </Descriptions.Item>
          <Descriptions.Item label="运行方式">{info?.transport === 'electron' ? '桌面窗口' : '浏览器模式（本机回环地址）'}</Descriptions.Item>
        </Descriptions>
      </Card>
    </>
  );
}

/** For support: the kept day files in one ZIP, downloaded (browser) or saved where the person picks (desktop). */
function ExportLogsButton() {
  const api = useApi();
  const { message } = AntApp.useApp();
  const [saving, setSaving] = useState(false);
  const exportLogs = async () => {
    setSaving(true);
    try {
      const saved = await api.saveFile(await api.call('app.exportLogs', {}));
      if (saved.saved) message.success(saved.path ? `日志已保存到 ${saved.path}` : '日志已导出，请把下载的 ZIP 文件发给技术支持。');
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} onClick={() => void exportLogs()} loading={saving}>
      导出日志
    </Button>
  );
}
