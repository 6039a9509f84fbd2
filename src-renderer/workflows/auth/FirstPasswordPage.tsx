import { KeyOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSession } from '../../app/session';
import { NewPasswordFields } from './NewPasswordFields';

interface Values {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

/**
 * The first login of an account whose password the principal chose (created or reset): the whole
 * window until its owner replaces it, since the core refuses everything else meanwhile.
 */
export function FirstPasswordPage() {
  const session = useSession();
  const { message } = AntApp.useApp();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const title = document.title;
    document.title = '修改密码 - 考点助手';
    return () => {
      document.title = title;
    };
  }, []);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await session.changePassword(v.oldPassword, v.newPassword);
      message.success('密码已修改');
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  return (
    <Flex component="main" aria-label="修改密码" justify="center" align="center" style={{ minHeight: '100vh', background: 'linear-gradient(160deg, #e6f0ff 0%, #f5f7fa 60%)' }}>
      <Card style={{ width: 440 }}>
        <Flex vertical align="center" gap={4} style={{ marginBottom: 16 }}>
          <KeyOutlined style={{ fontSize: 32, color: '#1677ff' }} aria-hidden />
          <Typography.Title level={3} style={{ margin: 0 }}>
            修改密码
          </Typography.Title>
          <Typography.Text type="secondary">
            {session.user?.displayName}（{session.user?.username}）
          </Typography.Text>
        </Flex>
        <Alert type="info" role="note" showIcon title="这是负责人为您设置的初始密码，首次登录请修改为只有您自己知道的密码。" style={{ marginBottom: 16 }} />
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form<Values> layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
          <Form.Item label="原密码" name="oldPassword" rules={[{ required: true, message: '请输入负责人告诉您的密码' }]} extra="负责人告诉您的密码，也就是刚才登录用的密码">
            <Input.Password autoFocus autoComplete="current-password" />
          </Form.Item>
          <NewPasswordFields oldField="oldPassword" extra="至少 8 个字符，不要与原密码相同" />
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            修改密码
          </Button>
          <Button type="link" block onClick={() => void session.logout()} style={{ marginTop: 8 }}>
            退出登录
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
