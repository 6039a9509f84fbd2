import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Col, Drawer, Flex, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import type { PlanRooms, RoomRow } from '../../../src-shared/api/sites';
import { EXAM_METHODS, type ExamMethod } from '../../../src-shared/domain/catalog';
import { roomFields, roomSeats } from '../../../src-shared/domain/exam-room';
import type { SiteCertificate } from '../../../src-shared/domain/exam-site';
import type { AppError } from '../../../src-shared/errors';
import { useApi } from '../../api/hooks';
import { fieldErrors } from '../../ui/format';
import { RegionCascader, type RegionValue } from '../../ui/RegionCascader';
import { zodRule } from '../../ui/zod-rule';
import { ROOM_QUERIES } from './site-status';

interface FormValues {
  siteId?: number;
  name: string;
  type?: ExamMethod;
  seats?: number;
  region?: RegionValue;
  address: string;
  certificates: string[];
}

const keyOf = (c: { certificateCode: string; level: string }) => `${c.certificateCode}/${c.level}`;

/** 设置考场: the manual's form, for one plan; the site's address pre-fills the room's. */
export function RoomDrawer({ plan, room, onClose }: { plan: PlanRooms; room: RoomRow | null; onClose: () => void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<FormValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const siteId = Form.useWatch('siteId', form);
  const site = plan.sites.find((s) => s.id === siteId);

  const initial: Partial<FormValues> = room
    ? {
        siteId: room.siteId,
        name: room.name,
        type: room.type,
        seats: room.seats,
        region: { province: room.province, city: room.city, district: room.district },
        address: room.address,
        certificates: room.certificates.map(keyOf),
      }
    : plan.sites.length === 1
      ? { siteId: plan.sites[0]!.id, region: regionOf(plan.sites[0]!), address: plan.sites[0]!.address, name: '', certificates: [] }
      : { name: '', address: '', certificates: [] };

  const onValuesChange = (changed: Partial<FormValues>) => {
    if (changed.siteId !== undefined) {
      const next = plan.sites.find((s) => s.id === changed.siteId);
      if (next) {
        form.setFieldsValue({ region: regionOf(next), address: next.address });
        const allowed = new Set(next.certificates.map(keyOf));
        form.setFieldValue(
          'certificates',
          (form.getFieldValue('certificates') as string[]).filter((k) => allowed.has(k)),
        );
      }
    }
  };

  const save = async () => {
    let v: FormValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setProblem(null);
    setBusy(true);
    const input = {
      planCode: plan.plan.code,
      siteId: v.siteId!,
      name: v.name,
      type: v.type!,
      seats: v.seats!,
      region: v.region!,
      address: v.address,
      certificates: v.certificates.map((k) => {
        const [certificateCode, level] = k.split('/') as [string, SiteCertificate['level']];
        return { certificateCode, level };
      }),
    };
    try {
      const saved = room ? await api.call('rooms.update', { ...input, id: room.id }) : await api.call('rooms.create', input);
      await Promise.all(ROOM_QUERIES.map((k) => queryClient.invalidateQueries({ queryKey: [k] })));
      message.success(`已保存考场“${saved.name}”`);
      onClose();
    } catch (e) {
      const err = e as AppError;
      const fields = fieldErrors(err.details).filter((f) => ['siteId', 'name', 'type', 'seats', 'region', 'address', 'certificates'].includes(String(f.name[0])));
      if (fields.length) form.setFields(fields.map((f) => ({ ...f, name: [f.name[0]!] })) as Parameters<typeof form.setFields>[0]);
      setProblem(err.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer open title={room ? `修改考场：${room.name}` : '设置考场'} size={600} onClose={onClose} destroyOnHidden footer={null}>
      {problem && <Alert type="error" showIcon title={problem} closable={{ onClose: () => setProblem(null) }} style={{ marginBottom: 16 }} />}
      <Form<FormValues>
        form={form}
        name="room"
        layout="vertical"
        initialValues={initial}
        onValuesChange={onValuesChange}
        onFinish={() => void save()}
        requiredMark
        autoComplete="off"
      >
        <Form.Item label="考试计划">
          <Typography.Text>{`${plan.plan.name}（${plan.plan.code}）`}</Typography.Text>
        </Form.Item>
        <Form.Item label="站点名称" name="siteId" required rules={[{ required: true, message: '请选择站点' }]}>
          <Select options={plan.sites.map((s) => ({ value: s.id, label: s.name }))} placeholder="请选择" autoFocus={!room && plan.sites.length > 1} />
        </Form.Item>
        <Form.Item label="考场名称" name="name" required rules={[zodRule(roomFields.shape.name)]} extra="考场指机房、教室或实训室，请填写它们的名字，例如：107室、13号机房">
          <Input maxLength={40} placeholder="如 107室、13号机房" autoFocus={!!room || plan.sites.length === 1} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item label="考场类型" name="type" required rules={[{ required: true, message: '请选择考场类型' }]} extra="排考时按科目的考试方式匹配考场：机考科目只排进机考考场">
              <Radio.Group options={EXAM_METHODS.map((m) => ({ value: m, label: `${m}考场` }))} optionType="button" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item label="考场座位数" name="seats" required validateFirst rules={[{ required: true, message: '请设置考场座位个数' }, zodRule(roomSeats)]}>
              <InputNumber controls={false} placeholder="1–999" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Paragraph type="warning" style={{ marginTop: -8 }}>
          注意：设置考场和座位数时，要充分考虑本次考试需要考试的人数，尽量准备充足。
        </Typography.Paragraph>
        <Form.Item label="考场地址" name="region" required rules={[{ required: true, message: '请选择省、市、区县' }]}>
          <RegionCascader />
        </Form.Item>
        <Form.Item label="详细地址" name="address" required rules={[zodRule(roomFields.shape.address)]} extra="尽量精确到门牌号，考生在准考证上据此找到考场">
          <Input maxLength={200} placeholder="请填写详细地址" />
        </Form.Item>
        <Form.Item label="考试的证书" name="certificates" extra="不选：本站点在本计划中获批的全部证书">
          <Select
            mode="multiple"
            allowClear
            placeholder={site ? '本站点获批的全部证书' : '请先选择站点'}
            disabled={!site}
            options={(site?.certificates ?? []).map((c) => ({ value: keyOf(c), label: `${c.certificateName}（${c.level}）` }))}
          />
        </Form.Item>
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" htmlType="submit" loading={busy}>
            保存
          </Button>
        </Flex>
      </Form>
    </Drawer>
  );
}

function regionOf(s: { province: string; city: string; district: string }): RegionValue {
  return { province: s.province, city: s.city, district: s.district };
}
