import { CloudUploadOutlined, PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Form, Input, Modal, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { OpName } from '../../../src-shared/api';
import { MAJOR_LEVELS } from '../../../src-shared/domain/catalog';
import { institutionMajorSchema, type InstitutionMajor } from '../../../src-shared/domain/institution-majors';
import { STAFF, roleAllowed } from '../../../src-shared/roles';
import { useOp, useOpMutation } from '../../api/hooks';
import { useSession } from '../../app/session';
import { RowAction } from '../../ui/RowAction';
import { useUnsavedForm } from '../../ui/use-unsaved-guard';
import { zodRule } from '../../ui/zod-rule';

const INVALIDATES: OpName[] = ['institution.profile', 'yearboard.get'];

/** 开设专业: the institution's majors with their level (专业层次), which declarations choose from. */
export function MajorsCard() {
  const { user } = useSession();
  const { message, modal } = AntApp.useApp();
  const navigate = useNavigate();
  const profile = useOp('institution.profile', {});
  const remove = useOpMutation('majors.delete', { invalidates: INVALIDATES });
  const [editing, setEditing] = useState<InstitutionMajor | 'new' | null>(null);
  const canEdit = roleAllowed(STAFF, user?.role);

  const confirmRemove = (m: InstitutionMajor) =>
    modal.confirm({
      title: `删除专业“${m.name}”？`,
      content: '已提交的申报保留它当时填写的专业，不受影响。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await remove.mutateAsync({ code: m.code });
        } catch (e) {
          message.error((e as Error).message);
        }
      },
    });

  return (
    <Card
      title="开设专业"
      style={{ marginTop: 16 }}
      extra={
        canEdit && (
          <Space>
            <Button icon={<CloudUploadOutlined />} onClick={() => void navigate('/institution/majors/import')}>
              批量导入
            </Button>
            <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              添加专业
            </Button>
          </Space>
        )
      }
    >
      <Table<InstitutionMajor>
        rowKey="code"
        size="small"
        loading={profile.isPending}
        dataSource={profile.data?.majors}
        pagination={false}
        locale={{ emptyText: '还没有添加开设专业：申报证书试点时要按专业填报' }}
        columns={[
          { title: '专业代码', dataIndex: 'code', width: 140 },
          { title: '专业名称', dataIndex: 'name' },
          { title: '专业层次', dataIndex: 'level', width: 140 },
          ...(canEdit
            ? [
                {
                  title: '操作',
                  key: 'a',
                  width: 140,
                  render: (_: unknown, m: InstitutionMajor) => (
                    <Space size={12}>
                      <RowAction onClick={() => setEditing(m)}>修改</RowAction>
                      <RowAction danger onClick={() => confirmRemove(m)}>
                        删除
                      </RowAction>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && <MajorDialog major={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}

function MajorDialog({ major, onClose }: { major: InstitutionMajor | null; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<InstitutionMajor>();
  const save = useOpMutation('majors.save', { invalidates: INVALIDATES });
  const initial = major ?? { code: '', name: '', level: '高职专科' as const };
  const { confirmDiscard } = useUnsavedForm(form, initial);
  const submit = async (v: InstitutionMajor) => {
    try {
      await save.mutateAsync(v);
      message.success(`专业“${v.name}”已保存`);
      onClose();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Modal
      open
      title={major ? `修改专业 ${major.code}` : '添加开设专业'}
      okText="保存"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={() => confirmDiscard(onClose)}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<InstitutionMajor> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)}>
        <Form.Item label="专业代码" name="code" rules={[zodRule(institutionMajorSchema.shape.code)]} extra="教育部专业目录中的代码，如 530802">
          <Input disabled={Boolean(major)} maxLength={12} />
        </Form.Item>
        <Form.Item label="专业名称" name="name" rules={[zodRule(institutionMajorSchema.shape.name)]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item label="专业层次" name="level" rules={[{ required: true, message: '请选择专业层次' }]}>
          <Select options={MAJOR_LEVELS.map((l) => ({ value: l, label: l }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
