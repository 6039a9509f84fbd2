import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Drawer, Empty, Flex, Form, Radio, Select, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { PaymentPlanRow, PaymentSelection } from '../../../src-shared/api/payments';
import type { CertLevel } from '../../../src-shared/domain/catalog';
import { formatYuan, groupLabel, PAYMENT_BASES, PAYMENT_BASIS_LABELS, type PaymentBasis, type PaymentGroup } from '../../../src-shared/domain/payment';
import { useApi, useOp } from '../../api/hooks';
import { QueryError } from '../../ui/QueryError';
import { PAYMENT_QUERIES } from './payment-status';

interface Values {
  planCode?: string;
  basis: PaymentBasis;
  /** 'all', 'cert:CODE/LEVEL' or 'subject:CODE'. */
  scope: string;
}

function selectionOf(v: Values): PaymentSelection | null {
  if (!v.planCode) return null;
  const base = { planCode: v.planCode, basis: v.basis };
  if (v.scope.startsWith('cert:')) {
    const [certificateCode, level] = v.scope.slice(5).split('/') as [string, CertLevel];
    return { ...base, certificateCode, level };
  }
  if (v.scope.startsWith('subject:')) return { ...base, subjectCode: v.scope.slice(8) };
  return base;
}

function scopeOptions(plan: PaymentPlanRow | undefined, basis: PaymentBasis) {
  const all = { value: 'all', label: '全部证书和科目' };
  if (!plan) return [all];
  if (basis === 'certificate') return [all, ...plan.certificates.map((c) => ({ value: `cert:${c.certificateCode}/${c.level}`, label: `${c.certificateName}（${c.level}）` }))];
  return [
    all,
    ...plan.certificates.map((c) => ({ value: `cert:${c.certificateCode}/${c.level}`, label: `${c.certificateName}（${c.level}）的全部科目` })),
    ...plan.subjects.map((s) => ({ value: `subject:${s.code}`, label: `${s.certificateName}（${s.level}） · ${s.name}（${s.code}）` })),
  ];
}

/** 生成缴费单: a plan's unpaid enrollments not yet in an order, by certificate or by subject, previewed before anything is written. */
export function CreateOrderDrawer({ onClose, onCreated }: { onClose: () => void; onCreated: (id: number) => void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const plans = useOp('payments.plans', {});
  const values = Form.useWatch((v: Values) => v, form) ?? { basis: 'subject', scope: 'all' };
  const plan = plans.data?.find((p) => p.code === values.planCode);
  const selection = selectionOf(values);
  const preview = useOp('payments.preview', selection ?? { planCode: '-', basis: 'subject' }, { enabled: selection !== null });
  const p = selection ? preview.data : undefined;
  const unit = values.basis === 'certificate' ? '人' : '科次';
  const canCreate = Boolean(p && !p.refusal && p.missingFees.length === 0 && p.lineCount > 0);

  const create = async () => {
    if (!selection) return;
    setBusy(true);
    setProblem(null);
    try {
      const order = await api.call('payments.create', selection);
      await Promise.all(PAYMENT_QUERIES.map((k) => queryClient.invalidateQueries({ queryKey: [k] })));
      message.success(`已生成缴费单 ${order.orderNo}（${order.lineCount} 条，应缴 ${formatYuan(order.amountFen)} 元）`);
      onCreated(order.id);
    } catch (e) {
      setProblem((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open
      title="生成缴费单"
      size={720}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Flex justify="space-between" align="center">
          <Typography.Text>
            {p && !p.refusal ? `共 ${p.lineCount} ${unit}，${p.missingFees.length ? '有项目未设置收费标准' : `应缴金额 ¥${formatYuan(p.amountFen)} 元`}` : ''}
          </Typography.Text>
          <Flex gap={8}>
            <Button onClick={onClose}>取消</Button>
            <Button type="primary" disabled={!canCreate} loading={busy} onClick={() => void create()}>
              生成缴费单
            </Button>
          </Flex>
        </Flex>
      }
    >
      <QueryError error={plans.error} />
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      {plans.data && plans.data.length === 0 ? (
        <Empty description="还没有报考记录：为考生报考后，才能生成缴费单。" />
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ basis: 'subject', scope: 'all' }}
          onValuesChange={(changed: Partial<Values>) => {
            if (changed.planCode !== undefined) {
              const next = plans.data?.find((x) => x.code === changed.planCode);
              form.setFieldsValue({ scope: 'all', ...(next?.basis ? { basis: next.basis } : {}) });
            }
            if (changed.basis !== undefined) form.setFieldValue('scope', 'all');
          }}
        >
          <Form.Item label="考试计划" name="planCode" required>
            <Select
              autoFocus
              placeholder="请选择考试计划"
              loading={plans.isPending}
              options={(plans.data ?? []).map((x) => ({ value: x.code, label: `${x.name}（未生成缴费单 ${x.open} 条）`, disabled: x.open === 0 }))}
            />
          </Form.Item>
          <Form.Item
            label="生成方式"
            name="basis"
            extra={
              plan?.basis
                ? `本考试计划已${PAYMENT_BASIS_LABELS[plan.basis]}生成过缴费单：同一计划的缴费单用同一种方式。`
                : '按培训评价组织的收费方式选择：按报考证书数收费，或按报考科目科次收费。'
            }
          >
            <Radio.Group
              optionType="button"
              options={PAYMENT_BASES.map((b) => ({ value: b, label: PAYMENT_BASIS_LABELS[b], disabled: Boolean(plan?.basis && plan.basis !== b) }))}
            />
          </Form.Item>
          <Form.Item label="范围" name="scope" extra="默认本计划所有未缴费、且不在其他缴费单中的报考记录；也可以只为一个证书或一个科目生成。">
            <Select options={scopeOptions(plan, values.basis)} />
          </Form.Item>
        </Form>
      )}
      {selection && (
        <section aria-label="缴费单预览">
          <Typography.Title level={5}>预览</Typography.Title>
          <QueryError error={preview.error} />
          {!p ? (
            preview.isPending && <Spin />
          ) : p.refusal ? (
            <Alert type="warning" showIcon title={p.refusal} />
          ) : (
            <>
              {p.missingFees.length > 0 && (
                <Alert
                  type="error"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title="以下项目还没有设置收费标准，设置后才能生成缴费单"
                  description={
                    <>
                      {p.missingFees.join('、')}。<Link to="/payments/fees">去设置收费标准</Link>
                    </>
                  }
                />
              )}
              {p.notes.map((n) => (
                <Alert key={n} type="info" showIcon title={n} style={{ marginBottom: 12 }} />
              ))}
              <Table<PaymentGroup>
                rowKey="key"
                size="small"
                pagination={false}
                dataSource={p.groups}
                columns={[
                  { title: values.basis === 'certificate' ? '报考证书（等级）' : '报考科目', key: 'label', render: (_, g) => groupLabel(g) },
                  { title: '数量', dataIndex: 'count', width: 90, align: 'right', render: (n: number) => `${n} ${unit}` },
                  { title: '收费标准（元）', dataIndex: 'feeFen', width: 120, align: 'right', render: (f: number) => (f ? formatYuan(f) : '未设置') },
                  { title: '小计（元）', dataIndex: 'subtotalFen', width: 120, align: 'right', render: (f: number, g) => (g.feeFen ? formatYuan(f) : '—') },
                ]}
              />
            </>
          )}
        </section>
      )}
    </Drawer>
  );
}
