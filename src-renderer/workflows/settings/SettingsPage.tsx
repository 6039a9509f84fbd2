import { App as AntApp, Button, Card, Form, Input, InputNumber, Tabs } from 'antd';
import { useOp, useOpMutation } from '../../api/hooks';
import { useSession } from '../../app/session';
import { PageHeader } from '../../ui/PageHeader';
import { useUnsavedForm } from '../../ui/use-unsaved-guard';
import { NewPasswordFields } from '../auth/NewPasswordFields';
import { ExchangeSettings } from '../sync/ExchangeSettings';
import { TrustedKeys } from '../sync/TrustedKeys';
import { BackupPanel } from './BackupPanel';

export function SettingsPage() {
  const { user } = useSession();
  const principal = user?.role === 'principal';
  return (
    <>
      <PageHeader title="设置" />
      <Tabs
        items={[
          { key: 'password', label: '修改密码', children: <PasswordPanel /> },
          ...(principal
            ? [
                { key: 'security', label: '安全', children: <SecurityPanel /> },
                { key: 'exchange', label: '数据交换', children: <ExchangeSettings /> },
                { key: 'backup', label: '数据备份', children: <BackupPanel /> },
              ]
            : user?.role === 'coordinator'
              ? [{ key: 'exchange', label: '数据交换', children: <TrustedKeys /> }]
              : []),
        ]}
      />
    </>
  );
}

const NOTHING = {};

function PasswordPanel() {
  const { message } = AntApp.useApp();
  const change = useOpMutation('auth.changePassword');
  const [form] = Form.useForm();
  useUnsavedForm(form, NOTHING);
  const submit = async (v: { oldPassword: string; newPassword: string }) => {
    try {
      await change.mutateAsync({ oldPassword: v.oldPassword, newPassword: v.newPassword });
      message.success('密码已修改；您在其他地方的登录已退出');
      form.resetFields();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Card style={{ maxWidth: 520 }}>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item label="当前密码" name="oldPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <NewPasswordFields oldField="oldPassword" />
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          修改密码
        </Button>
      </Form>
    </Card>
  );
}

function SecurityPanel() {
  const { message } = AntApp.useApp();
  const settings = useOp('settings.get', {});
  const update = useOpMutation('settings.update', { invalidates: ['settings.get'] });
  const [form] = Form.useForm();
  const { markSaved } = useUnsavedForm(form, settings.data);
  if (!settings.data) return <Card loading />;
  return (
    <Card style={{ maxWidth: 520 }}>
      <Form
        form={form}
        layout="vertical"
        initialValues={settings.data}
        onFinish={async (v: { idleLockMinutes: number }) => {
          try {
            await update.mutateAsync({ idleLockMinutes: v.idleLockMinutes });
            markSaved();
            message.success('已保存，下次登录起生效');
          } catch (e) {
            message.error((e as Error).message);
          }
        }}
      >
        <Form.Item
          label="空闲多久后自动锁定（分钟）"
          name="idleLockMinutes"
          rules={[{ required: true, message: '请填写分钟数' }]}
          extra="无人操作超过这个时间，界面锁定，需要输入密码才能继续。"
        >
          <InputNumber min={1} max={240} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          保存
        </Button>
      </Form>
    </Card>
  );
}
