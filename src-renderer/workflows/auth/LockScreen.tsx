import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useSession } from '../../app/session';

/** Above antd's drawers, dialogs and pop-ups (1000–1070), below its messages. */
const OVERLAY_Z = 1900;

/**
 * Everything on the page but the lock screen is out of reach (inert: no Tab, no click, no
 * screen reader) while it shows, the drawers and dialogs antd puts beside the app included.
 */
function useOnlyThisReachable(overlay: React.RefObject<HTMLElement | null>) {
  useEffect(() => {
    const others = [...document.body.children].filter((el) => el !== overlay.current && !el.hasAttribute('inert'));
    for (const el of others) el.setAttribute('inert', '');
    const title = document.title;
    document.title = '已锁定 - 考点助手';
    return () => {
      for (const el of others) el.removeAttribute('inert');
      document.title = title;
    };
  }, [overlay]);
}

/**
 * Shown after the idle time, over the shell (which stays, with whatever was being typed): only
 * the same person's password (or logging out) gets past it.
 */
export function LockScreen() {
  const session = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const overlay = useRef<HTMLDivElement>(null);
  useOnlyThisReachable(overlay);

  const submit = async (v: { password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await session.unlock(v.password);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return createPortal(
    <Flex
      ref={overlay}
      justify="center"
      align="center"
      role="dialog"
      aria-modal="true"
      aria-label="已锁定"
      style={{ position: 'fixed', inset: 0, zIndex: OVERLAY_Z, background: '#1f2d3d' }}
    >
      <Card style={{ width: 380 }}>
        <Flex vertical align="center" gap={8}>
          <LockOutlined style={{ fontSize: 36, color: '#1677ff' }} />
          <Typography.Title level={4} style={{ margin: 0 }}>
            已锁定
          </Typography.Title>
          <Typography.Text type="secondary">
            {session.user?.displayName}（{session.user?.username}），请输入密码解锁
          </Typography.Text>
        </Flex>
        {error && <Alert type="error" showIcon title={error} style={{ margin: '16px 0 0' }} role="alert" />}
        <Form layout="vertical" onFinish={submit} style={{ marginTop: 16 }} requiredMark={false}>
          <Form.Item name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoFocus autoComplete="current-password" placeholder="密码" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            解锁
          </Button>
          <Button type="link" block onClick={() => void session.logout()} style={{ marginTop: 8 }}>
            退出并换一个账号登录
          </Button>
        </Form>
      </Card>
    </Flex>,
    document.body,
  );
}
