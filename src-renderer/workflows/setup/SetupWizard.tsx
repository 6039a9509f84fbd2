import { App as AntApp, Button, Card, Descriptions, Flex, Form, Input, Result, Steps, Typography } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import { type setupInput } from '../../../src-shared/api/app';
import { useApi } from '../../api/hooks';
import { useSession } from '../../app/session';
import { RegionCascader, type RegionValue } from '../../ui/RegionCascader';
import { zodRule } from '../../ui/zod-rule';
import { institutionFields } from '../../../src-shared/domain/institution';
import { newPassword, username } from '../../../src-shared/domain/account';

type SetupInput = z.input<typeof setupInput>;

interface InstitutionForm {
  code: string;
  name: string;
  region?: RegionValue;
  address?: string;
  contactName?: string;
  contactPhone?: string;
}

interface PrincipalForm {
  username: string;
  displayName: string;
  password: string;
  confirm: string;
}

/** First run: the institution, then its one principal (the manual's 试点院校负责人), then create. */
export function SetupWizard() {
  const api = useApi();
  const { message } = AntApp.useApp();
  const session = useSession();
  const [step, setStep] = useState(0);
  const [institution, setInstitution] = useState<InstitutionForm | null>(null);
  const [principal, setPrincipal] = useState<PrincipalForm | null>(null);
  const [saving, setSaving] = useState(false);
  const [instForm] = Form.useForm<InstitutionForm>();
  const [principalForm] = Form.useForm<PrincipalForm>();

  const create = async () => {
    if (!institution || !principal) return;
    const input: SetupInput = {
      institution: {
        code: institution.code,
        name: institution.name,
        region: institution.region!,
        address: institution.address ?? '',
        contactName: institution.contactName ?? '',
        contactPhone: institution.contactPhone ?? '',
      },
      principal: { username: principal.username, displayName: principal.displayName, password: principal.password },
    };
    setSaving(true);
    try {
      await api.call('setup.create', input);
      setStep(3);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Flex justify="center" style={{ minHeight: '100vh', padding: 48, background: 'var(--ant-color-bg-layout)' }}>
      <Card style={{ width: 720, alignSelf: 'flex-start' }}>
        <Typography.Title level={3}>欢迎使用考点助手</Typography.Title>
        <Typography.Paragraph type="secondary">首次使用：请登记本院校的信息，并创建试点院校负责人账号。院校代码创建后不能修改。</Typography.Paragraph>
        <Steps current={step} items={[{ title: '院校信息' }, { title: '负责人账号' }, { title: '确认' }, { title: '完成' }]} style={{ margin: '24px 0' }} />

        {step === 0 && (
          <Form<InstitutionForm>
            form={instForm}
            layout="vertical"
            initialValues={institution ?? {}}
            onFinish={(v) => {
              setInstitution(v);
              setStep(1);
            }}
          >
            <Form.Item label="院校代码（教育部学校标识码）" name="code" required rules={[zodRule(institutionFields.shape.code)]}>
              <Input autoFocus maxLength={10} placeholder="10 位数字，如 4137014320" />
            </Form.Item>
            <Form.Item label="院校名称" name="name" extra="须与教育部院校名单一致" required rules={[zodRule(institutionFields.shape.name)]}>
              <Input placeholder="如 烟台职业学院" />
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
            <Button type="primary" htmlType="submit">
              下一步
            </Button>
          </Form>
        )}

        {step === 1 && (
          <Form<PrincipalForm>
            form={principalForm}
            layout="vertical"
            initialValues={principal ?? {}}
            onFinish={(v) => {
              setPrincipal(v);
              setStep(2);
            }}
          >
            <Typography.Paragraph type="secondary">每个试点院校有且只有一位负责人（副校长及以上），负责管理其他账号并签发证书。</Typography.Paragraph>
            <Form.Item label="负责人姓名" name="displayName" rules={[{ required: true, message: '请填写负责人姓名' }]}>
              <Input autoFocus />
            </Form.Item>
            <Form.Item label="登录用户名" name="username" required rules={[zodRule(username)]}>
              <Input autoComplete="username" />
            </Form.Item>
            <Form.Item label="密码" name="password" required rules={[zodRule(newPassword)]} extra="至少 8 个字符，建议用一句好记的话">
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              label="再次输入密码"
              name="confirm"
              dependencies={['password']}
              rules={[
                { required: true, message: '请再次输入密码' },
                ({ getFieldValue }) => ({
                  validator: (_, v) => (v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Flex gap={8}>
              <Button onClick={() => setStep(0)}>上一步</Button>
              <Button type="primary" htmlType="submit">
                下一步
              </Button>
            </Flex>
          </Form>
        )}

        {step === 2 && institution && principal && (
          <>
            <Descriptions bordered column={1} size="small" style={{ marginBottom: 24 }}>
              <Descriptions.Item label="院校代码">{institution.code}</Descriptions.Item>
              <Descriptions.Item label="院校名称">{institution.name}</Descriptions.Item>
              <Descriptions.Item label="所在地区">
                {institution.region && `${institution.region.province} ${institution.region.city} ${institution.region.district}`}
              </Descriptions.Item>
              <Descriptions.Item label="负责人">{`${principal.displayName}（${principal.username}）`}</Descriptions.Item>
            </Descriptions>
            <Flex gap={8}>
              <Button onClick={() => setStep(1)}>上一步</Button>
              <Button type="primary" loading={saving} onClick={create}>
                创建
              </Button>
            </Flex>
          </>
        )}

        {step === 3 && (
          <Result
            status="success"
            title="院校和负责人账号已创建"
            subTitle="请用刚才设置的负责人账号登录。"
            extra={
              <Button type="primary" autoFocus onClick={() => void session.finishSetup()}>
                前往登录
              </Button>
            }
          />
        )}
      </Card>
    </Flex>
  );
}
