import { Alert, App as AntApp, Input, Modal, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import type { RestoreResult } from '../../../src-shared/api/backup';
import { useSession } from '../../app/session';

const CONFIRM_WORD = '恢复';

/**
 * The one way a restore is confirmed, whatever it restores from: the person types “恢复”; after
 * it everyone logs in again. `children` go above (choosing and describing the source); the
 * confirmation shows once `warning` is set.
 */
export function RestoreModal({
  title,
  warning,
  run,
  onClose,
  children,
}: {
  title: string;
  warning: string | null;
  run: () => Promise<RestoreResult>;
  onClose: () => void;
  children?: ReactNode;
}) {
  const { modal } = AntApp.useApp();
  const session = useSession();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const restore = async () => {
    setError(null);
    setPending(true);
    try {
      const r = await run();
      onClose();
      modal.success({
        title: '已从备份恢复',
        content: `当前数据已先备份为 ${r.safety.name}。请重新登录。`,
        okText: '重新登录',
        onOk: () => session.logout(),
      });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      okText="恢复"
      okButtonProps={{ danger: true, disabled: warning === null || typed !== CONFIRM_WORD }}
      cancelText="取消"
      confirmLoading={pending}
      onOk={restore}
      onCancel={onClose}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {children}
        {warning !== null && (
          <>
            <Alert type="warning" showIcon title={warning} description="恢复前会自动备份当前数据；恢复后所有人需要重新登录。" />
            {error && <Alert type="error" showIcon title={error} />}
            <Typography.Text>请输入“{CONFIRM_WORD}”以确认：</Typography.Text>
            <Input value={typed} onChange={(e) => setTyped(e.target.value)} autoFocus aria-label="确认文字" />
          </>
        )}
      </Space>
    </Modal>
  );
}
