import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Drawer, Flex, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useMemo } from 'react';
import type { DeclarationDetail, DeclarationPlanRow } from '../../../src-shared/api/declarations';
import type { DeclarationFields } from '../../../src-shared/domain/declaration';
import type { AppError } from '../../../src-shared/errors';
import { useOp, useOpMutation } from '../../api/hooks';
import { fieldErrors } from '../../ui/format';
import { useUnsavedForm } from '../../ui/use-unsaved-guard';
import { DECLARATION_QUERIES } from './declaration-queries';

type FormValues = Omit<DeclarationFields, 'planCode'>;

const EMPTY: FormValues = { certificateCode: '', level: '初级', majors: [], proposedCount: 0, teachers: [], facilities: [], notes: '' };

/**
 * The declaration form: certificate and level from the catalog, the institution's majors (required
 * when the plan is by major), the proposed trainee count, teachers, facilities and notes. The core
 * checks every rule again; its refusals land on the fields they name.
 */
export function DeclarationDrawer({ plan, declaration, onClose }: { plan: DeclarationPlanRow; declaration: DeclarationDetail | null; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<FormValues>();
  const certificates = useOp('catalog.certificates', {});
  const profile = useOp('institution.profile', {});
  const create = useOpMutation('declarations.create', { invalidates: DECLARATION_QUERIES });
  const update = useOpMutation('declarations.update', { invalidates: DECLARATION_QUERIES });
  const initial = useMemo<FormValues>(
    () =>
      declaration
        ? {
            certificateCode: declaration.certificateCode,
            level: declaration.level as FormValues['level'],
            majors: declaration.majors.map((m) => m.code),
            proposedCount: declaration.proposedCount,
            teachers: declaration.teachers,
            facilities: declaration.facilities,
            notes: declaration.notes,
          }
        : EMPTY,
    [declaration],
  );
  const { confirmDiscard, markSaved } = useUnsavedForm(form, initial);
  const certificateCode = Form.useWatch('certificateCode', form);
  const levels = certificates.data?.find((c) => c.code === certificateCode)?.levels ?? [];

  const save = async (values: FormValues) => {
    const input = { ...values, planCode: plan.code, teachers: values.teachers ?? [], facilities: values.facilities ?? [], majors: values.majors ?? [], notes: values.notes ?? '' };
    try {
      if (declaration) await update.mutateAsync({ ...input, id: declaration.id });
      else await create.mutateAsync(input);
      markSaved();
      message.success(declaration ? '申报已保存' : '申报已保存为草稿，核对无误后请“提交审核”');
      onClose();
    } catch (e) {
      const errors = fieldErrors((e as AppError).details);
      if (errors.length) form.setFields(errors.map((f) => ({ ...f, name: f.name.map((n) => (/^\d+$/.test(String(n)) ? Number(n) : n)) })) as never);
      message.error((e as Error).message);
    }
  };

  return (
    <Drawer
      open
      size="large"
      title={`${declaration ? '修改' : '申报新的证书试点'} · ${plan.province} ${plan.batch}`}
      onClose={() => confirmDiscard(onClose)}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={() => confirmDiscard(onClose)}>取消</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()}>
            保存
          </Button>
        </Space>
      }
    >
      <Form<FormValues> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void save(v)} requiredMark>
        <Flex gap={12}>
          <Form.Item name="certificateCode" label="证书" rules={[{ required: true, message: '请选择证书' }]} style={{ flex: 2 }}>
            <Select
              showSearch
              optionFilterProp="label"
              placeholder="从证书目录选择"
              loading={certificates.isPending}
              options={certificates.data?.map((c) => ({ value: c.code, label: `${c.name}（${c.orgName}）` }))}
              onChange={() => form.setFieldValue('level', undefined)}
            />
          </Form.Item>
          <Form.Item name="level" label="证书等级" rules={[{ required: true, message: '请选择等级' }]} style={{ flex: 1 }}>
            <Select placeholder="等级" options={levels.map((l) => ({ value: l, label: l }))} disabled={!levels.length} />
          </Form.Item>
        </Flex>
        <Form.Item
          name="majors"
          label="拟申报专业"
          rules={plan.byMajor ? [{ required: true, type: 'array', min: 1, message: '本批次要求按专业填报：请选择专业' }] : []}
          extra={plan.byMajor ? '本批次要求按专业填报。' : '本批次不要求按专业填报，可不选。'}
        >
          <Select
            mode="multiple"
            placeholder={profile.data?.majors.length ? '从本院校的开设专业中选择' : '请先在“院校信息”中添加开设专业'}
            options={profile.data?.majors.map((m) => ({ value: m.code, label: `${m.name}（${m.level}，${m.code}）` }))}
            optionFilterProp="label"
          />
        </Form.Item>
        <Form.Item name="proposedCount" label="拟申报培训人数" rules={[{ required: true, type: 'number', min: 1, max: 100000, message: '请填写 1–100000 之间的人数' }]}>
          <InputNumber min={1} max={100000} precision={0} style={{ width: 200 }} addonAfter="人" />
        </Form.Item>

        <Typography.Title level={5}>师资情况</Typography.Title>
        <Form.List name="teachers">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="start">
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '姓名' }]} style={{ width: 120 }}>
                    <Input placeholder="教师姓名" aria-label="教师姓名" maxLength={40} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'title']} rules={[{ required: true, message: '职称' }]} style={{ width: 120 }}>
                    <Input placeholder="职称" aria-label="职称" maxLength={40} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'certificates']} style={{ flex: 1 }}>
                    <Input placeholder="持有证书（如 考评员证书）" aria-label="持有证书" maxLength={200} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} aria-label="删除这位教师" onClick={() => remove(f.name)} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '', title: '', certificates: '' })} style={{ marginBottom: 16 }}>
                添加教师
              </Button>
            </>
          )}
        </Form.List>

        <Typography.Title level={5}>场地情况</Typography.Title>
        <Form.List name="facilities">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="start">
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '场地名称' }]} style={{ width: 160 }}>
                    <Input placeholder="场地名称（如 13号机房）" aria-label="场地名称" maxLength={60} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'seats']} rules={[{ required: true, type: 'number', min: 1, max: 999, message: '座位数 1–999' }]} style={{ width: 120 }}>
                    <InputNumber placeholder="座位数" aria-label="座位数" min={1} max={999} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'equipment']} style={{ flex: 1 }}>
                    <Input placeholder="设备说明" aria-label="设备说明" maxLength={200} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} aria-label="删除这处场地" onClick={() => remove(f.name)} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '', seats: null, equipment: '' })} style={{ marginBottom: 16 }}>
                添加场地
              </Button>
            </>
          )}
        </Form.List>

        <Form.Item name="notes" label="备注">
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
