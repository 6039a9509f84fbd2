import { PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { mobilePhone, newPassword, username, type UserRow } from '../../../src-shared/domain/account';
import { ROLE_LABELS } from '../../../src-shared/roles';
import { useOp, useOpMutation } from '../../api/hooks';
import { formatTime } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { RowAction } from '../../ui/RowAction';
import { useUnsavedForm } from '../../ui/use-unsaved-guard';
import { zodRule } from '../../ui/zod-rule';

const STAFF_ROLES = [
  { value: 'coordinator', label: ROLE_LABELS.coordinator },
  { value: 'invigilator', label: ROLE_LABELS.invigilator },
];

const optionalPhoneRule = {
  validator: async (_: unknown, v?: string) => {
    if (v && !mobilePhone.safeParse(v).success) throw new Error('手机号应为 11 位中国大陆手机号');
  },
};

/** The principal manages the coordinators and invigilators; the principal account itself is fixed. */
export function UsersPage() {
  const { message, modal } = AntApp.useApp();
  const users = useOp('users.list', {});
  const update = useOpMutation('users.update', { invalidates: ['users.list'] });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserRow | null>(null);
  const [resetting, setResetting] = useState<UserRow | null>(null);

  const toggle = (u: UserRow) =>
    modal.confirm({
      title: u.disabled ? `启用账号 ${u.username}？` : `停用账号 ${u.username}？`,
      content: u.disabled ? '启用后该账号可以重新登录。' : '停用后该账号立即退出，且不能再登录；随时可以重新启用。',
      okText: u.disabled ? '启用' : '停用',
      okButtonProps: { danger: !u.disabled },
      cancelText: '取消',
      onOk: async () => {
        try {
          await update.mutateAsync({ id: u.id, disabled: !u.disabled });
          message.success(u.disabled ? '已启用' : '已停用');
        } catch (e) {
          message.error((e as Error).message);
        }
      },
    });

  return (
    <>
      <PageHeader
        title="账号管理"
        description="为业务管理员和监考/巡考老师开设账号。每个试点院校有且只有一位负责人。"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建账号
          </Button>
        }
      />
      <Table<UserRow>
        rowKey="id"
        loading={users.isPending}
        dataSource={users.data}
        pagination={false}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          {
            title: '角色',
            dataIndex: 'role',
            render: (r: UserRow['role']) => <Tag color={r === 'principal' ? 'gold' : r === 'coordinator' ? 'blue' : 'green'}>{ROLE_LABELS[r]}</Tag>,
          },
          { title: '手机号', dataIndex: 'phone', render: (p: string | null) => p ?? '—' },
          {
            title: '状态',
            key: 'state',
            render: (_, u) => (u.disabled ? <Tag>已停用</Tag> : u.mustChangePassword ? <Tag color="warning">待本人修改密码</Tag> : <Tag color="success">正常</Tag>),
          },
          { title: '最近登录', dataIndex: 'lastLoginAt', render: formatTime },
          {
            title: '操作',
            key: 'actions',
            render: (_, u) => (
              <Space size={12}>
                <RowAction onClick={() => setEditing(u)}>编辑</RowAction>
                {u.role !== 'principal' && <RowAction onClick={() => setResetting(u)}>重置密码</RowAction>}
                {u.role !== 'principal' && (
                  <RowAction onClick={() => toggle(u)} danger={!u.disabled}>
                    {u.disabled ? '启用' : '停用'}
                  </RowAction>
                )}
              </Space>
            ),
          },
        ]}
      />
      {creating && <CreateUserModal onClose={() => setCreating(false)} />}
      {editing && <EditUserModal user={editing} onClose={() => setEditing(null)} />}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </>
  );
}

const CREATE_INITIAL = { role: 'coordinator' };

function CreateUserModal({ onClose }: { onClose: () => void }) {
  const { message } = AntApp.useApp();
  const create = useOpMutation('users.create', { invalidates: ['users.list'] });
  const [form] = Form.useForm();
  const { confirmDiscard } = useUnsavedForm(form, CREATE_INITIAL);
  const submit = async (v: { username: string; displayName: string; role: 'coordinator' | 'invigilator'; password: string; phone?: string }) => {
    try {
      await create.mutateAsync({ ...v, phone: v.phone ?? '' });
      message.success(`已创建账号 ${v.username}`);
      onClose();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Modal
      open
      title="新建账号"
      okText="创建"
      cancelText="取消"
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      onCancel={() => confirmDiscard(onClose)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={CREATE_INITIAL}>
        <Form.Item label="姓名" name="displayName" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input autoFocus />
        </Form.Item>
        <Form.Item label="用户名" name="username" required rules={[zodRule(username)]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="角色" name="role">
          <Select options={STAFF_ROLES} />
        </Form.Item>
        <Form.Item label="初始密码" name="password" required rules={[zodRule(newPassword)]} extra="请当面告知本人；本人首次登录时须改为自己的密码">
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label="手机号" name="phone" rules={[optionalPhoneRule]}>
          <Input />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}

function EditUserModal({ user, onClose }: { user: UserRow; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const update = useOpMutation('users.update', { invalidates: ['users.list'] });
  const [form] = Form.useForm();
  const [initial] = useState(() => ({ displayName: user.displayName, role: user.role, phone: user.phone ?? '' }));
  const { confirmDiscard } = useUnsavedForm(form, initial);
  const submit = async (v: { displayName: string; role?: 'coordinator' | 'invigilator'; phone?: string }) => {
    try {
      await update.mutateAsync({ id: user.id, displayName: v.displayName, phone: v.phone ?? '', ...(user.role !== 'principal' && v.role ? { role: v.role } : {}) });
      message.success('已保存');
      onClose();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Modal
      open
      title={`编辑账号 ${user.username}`}
      okText="保存"
      cancelText="取消"
      onOk={() => form.submit()}
      confirmLoading={update.isPending}
      onCancel={() => confirmDiscard(onClose)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initial}>
        <Form.Item label="姓名" name="displayName" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input autoFocus />
        </Form.Item>
        {user.role !== 'principal' && (
          <Form.Item label="角色" name="role">
            <Select options={STAFF_ROLES} />
          </Form.Item>
        )}
        <Form.Item label="手机号" name="phone" rules={[optionalPhoneRule]}>
          <Input />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}

const NOTHING = {};

function ResetPasswordModal({ user, onClose }: { user: UserRow; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const reset = useOpMutation('users.resetPassword');
  const [form] = Form.useForm();
  const { confirmDiscard } = useUnsavedForm(form, NOTHING);
  const submit = async (v: { password: string }) => {
    try {
      await reset.mutateAsync({ id: user.id, password: v.password });
      message.success(`已重置 ${user.username} 的密码，其已登录的会话已退出；本人下次登录时须修改密码`);
      onClose();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Modal
      open
      title={`重置 ${user.displayName} 的密码`}
      okText="重置"
      cancelText="取消"
      onOk={() => form.submit()}
      confirmLoading={reset.isPending}
      onCancel={() => confirmDiscard(onClose)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item label="新密码" name="password" required rules={[zodRule(newPassword)]} extra="请当面告知本人；本人下次登录时须改为自己的密码">
          <Input.Password autoFocus autoComplete="new-password" />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
