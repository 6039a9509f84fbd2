import { Alert, App as AntApp, Button, Card, Descriptions, Flex, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { institutionFields, SCHOOL_TYPES, type Institution, type SchoolType } from '../../../src-shared/domain/institution';
import { useOp, useOpMutation } from '../../api/hooks';
import { useSession } from '../../app/session';
import { PageHeader } from '../../ui/PageHeader';
import { RegionCascader, type RegionValue } from '../../ui/RegionCascader';
import { formatTime } from '../../ui/format';
import { useUnsavedForm } from '../../ui/use-unsaved-guard';
import { zodRule } from '../../ui/zod-rule';
import { MajorsCard } from './MajorsCard';

interface EditForm {
  name: string;
  region: RegionValue;
  address?: string;
  contactName?: string;
  contactPhone?: string;
  contactEmail?: string;
  schoolType?: SchoolType;
}

export function InstitutionPage() {
  const { user, refreshInfo } = useSession();
  const query = useOp('institution.get', {});
  const [editing, setEditing] = useState(false);
  const canEdit = user?.role === 'principal';

  return (
    <>
      <PageHeader
        title="院校信息"
        description="院校代码在所有数据包中标识本院校，首次设置后不能修改。"
        extra={canEdit && !editing && <Button onClick={() => setEditing(true)}>修改</Button>}
      />
      <ProfileProblems />
      <Card loading={query.isPending}>
        {query.data && !editing && <InstitutionView inst={query.data} />}
        {query.data && editing && (
          <InstitutionEdit
            inst={query.data}
            onDone={() => {
              setEditing(false);
              void refreshInfo();
            }}
          />
        )}
      </Card>
      <MajorsCard />
    </>
  );
}

/** What the platform still needs before a declaration (完善院校基础信息). */
function ProfileProblems() {
  const profile = useOp('institution.profile', {});
  const problems = profile.data?.problems ?? [];
  if (!problems.length) return null;
  return <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="院校基础信息还不完整，申报证书试点前请补齐" description={`还缺：${problems.join('、')}。`} />;
}

function InstitutionView({ inst }: { inst: Institution }) {
  return (
    <Descriptions bordered column={2} size="middle">
      <Descriptions.Item label="院校代码">{inst.code}</Descriptions.Item>
      <Descriptions.Item label="院校名称">{inst.name}</Descriptions.Item>
      <Descriptions.Item label="院校类型" span={2}>
        {inst.schoolType ?? '—'}
      </Descriptions.Item>
      <Descriptions.Item label="所在地区" span={2}>{`${inst.province} ${inst.city} ${inst.district}`}</Descriptions.Item>
      <Descriptions.Item label="详细地址" span={2}>
        {inst.address ?? '—'}
      </Descriptions.Item>
      <Descriptions.Item label="联系人">{inst.contactName ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="联系电话">{inst.contactPhone ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="联系邮箱">{inst.contactEmail ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="最后修改">{formatTime(inst.updatedAt)}</Descriptions.Item>
    </Descriptions>
  );
}

function InstitutionEdit({ inst, onDone }: { inst: Institution; onDone: () => void }) {
  const { message } = AntApp.useApp();
  const save = useOpMutation('institution.update', { invalidates: ['institution.get', 'institution.profile', 'yearboard.get'] });
  const [form] = Form.useForm<EditForm>();
  const [initial] = useState<EditForm>(() => ({
    name: inst.name,
    region: { province: inst.province, city: inst.city, district: inst.district },
    address: inst.address ?? '',
    contactName: inst.contactName ?? '',
    contactPhone: inst.contactPhone ?? '',
    contactEmail: inst.contactEmail ?? '',
    ...(inst.schoolType ? { schoolType: inst.schoolType } : {}),
  }));
  const { confirmDiscard } = useUnsavedForm(form, initial);
  const submit = async (v: EditForm) => {
    try {
      await save.mutateAsync({
        name: v.name,
        region: v.region,
        address: v.address ?? '',
        contactName: v.contactName ?? '',
        contactPhone: v.contactPhone ?? '',
        contactEmail: v.contactEmail ?? '',
        ...(v.schoolType ? { schoolType: v.schoolType } : {}),
      });
      message.success('院校信息已保存');
      onDone();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Form<EditForm> form={form} layout="vertical" style={{ maxWidth: 640 }} onFinish={submit} initialValues={initial}>
      <Form.Item label="院校名称" name="name" rules={[zodRule(institutionFields.shape.name)]}>
        <Input />
      </Form.Item>
      <Form.Item label="院校类型" name="schoolType" rules={[{ required: true, message: '请选择院校类型' }]}>
        <Select placeholder="请选择" options={SCHOOL_TYPES.map((t) => ({ value: t, label: t }))} />
      </Form.Item>
      <Form.Item label="所在地区" name="region" rules={[{ required: true, message: '请选择省、市、区县' }]}>
        <RegionCascader />
      </Form.Item>
      <Form.Item label="详细地址" name="address">
        <Input />
      </Form.Item>
      <Flex gap={16}>
        <Form.Item label="联系人" name="contactName" style={{ flex: 1 }}>
          <Input />
        </Form.Item>
        <Form.Item label="联系电话" name="contactPhone" style={{ flex: 1 }}>
          <Input />
        </Form.Item>
      </Flex>
      <Form.Item label="联系邮箱" name="contactEmail" rules={[zodRule(institutionFields.shape.contactEmail)]}>
        <Input />
      </Form.Item>
      <Flex gap={8}>
        <Button onClick={() => confirmDiscard(onDone)}>取消</Button>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存
        </Button>
      </Flex>
    </Form>
  );
}
