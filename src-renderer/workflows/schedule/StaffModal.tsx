import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import type { StaffList, StaffRow } from '../../../src-shared/api/schedule';
import { staffFields } from '../../../src-shared/domain/schedule';
import type { AppError } from '../../../src-shared/errors';
import { useApi } from '../../api/hooks';
import { fieldErrors } from '../../ui/format';
import { zodRule } from '../../ui/zod-rule';
import { SCHEDULE_QUERIES } from './schedule-queries';

interface FormValues {
  name: string;
  phone: string;
  department: string;
  /** 0: no account. */
  userId: number;
}

const FIELDS = ['name', 'phone', 'department', 'userId'];

/** 添加/修改监考人员: a teacher with a phone, and the invigilator account they log in with if they have one. */
export function StaffModal({ list, row, onClose }: { list: StaffList; row: StaffRow | null; onClose: () => void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<FormValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const initial: FormValues = row ? { name: row.name, phone: row.phone, department: row.department, userId: row.userId ?? 0 } : { name: '', phone: '', department: '', userId: 0 };
  const accounts = list.accounts.filter((a) => a.staffId === null || a.staffId === row?.id);

  const save = async () => {
    let v: FormValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setProblem(null);
    const input = { name: v.name, phone: v.phone, department: v.department ?? '', userId: v.userId || null };
    try {
      const saved = row ? await api.call('staff.update', { ...input, id: row.id }) : await api.call('staff.create', input);
      await Promise.all(SCHEDULE_QUERIES.map((k) => queryClient.invalidateQueries({ queryKey: [k] })));
      message.success(`已保存监考人员“${saved.name}”`);
      onClose();
    } catch (e) {
      const err = e as AppError;
      const fields = fieldErrors(err.details).filter((f) => FIELDS.includes(String(f.name[0])));
      if (fields.length) form.setFields(fields.map((f) => ({ ...f, name: [f.name[0]!] })) as Parameters<typeof form.setFields>[0]);
      setProblem(err.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={row ? `修改监考人员：${row.name}` : '添加监考人员'}
      okText="保存"
      cancelText="取消"
      onOk={() => void save()}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form<FormValues> form={form} name="staff" layout="vertical" initialValues={initial} onFinish={() => void save()} autoComplete="off" requiredMark>
        <Form.Item label="姓名" name="name" required rules={[zodRule(staffFields.shape.name)]}>
          <Input maxLength={40} autoFocus />
        </Form.Item>
        <Form.Item label="手机号" name="phone" required rules={[zodRule(staffFields.shape.phone)]} extra="考试当天联系监考老师用">
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item label="所在部门" name="department" rules={[zodRule(staffFields.shape.department)]}>
          <Input maxLength={60} placeholder="如 物流系" />
        </Form.Item>
        <Form.Item label="登录账号" name="userId" extra="关联后，这位老师用自己的监考/巡考账号登录，只能看到安排给自己的考场和场次。账号由负责人在“账号管理”中创建。">
          <Select
            options={[{ value: 0, label: '不关联账号' }, ...accounts.map((a) => ({ value: a.id, label: `${a.displayName}（${a.username}）${a.phone ? ` ${a.phone}` : ''}` }))]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
