import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Flex, InputNumber, Table, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { FeeRow } from '../../../src-shared/api/payments';
import { FEE_LIMITS, groupLabel, PAYMENT_BASIS_LABELS, yuanToFen, type PaymentBasis } from '../../../src-shared/domain/payment';
import { useApi, useOp } from '../../api/hooks';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { useUnsavedGuard } from '../../ui/use-unsaved-guard';
import { PAYMENT_QUERIES } from './payment-status';

const keyOf = (r: FeeRow) => (r.basis === 'certificate' ? `certificate:${r.certificateCode}/${r.level}` : `subject:${r.subjectCode}`);

/**
 * 收费标准: the organisation's fee per certificate level (orders by certificate) and per subject
 * (orders by subject), in yuan. The catalog carries no fees, so they are entered here; an order
 * keeps the fees it was made with.
 */
export function FeesPage() {
  const api = useApi();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const fees = useOp('fees.list', {});
  const [basis, setBasis] = useState<PaymentBasis>('certificate');
  // Edited values in yuan (null: cleared), by row key.
  const [edits, setEdits] = useState<ReadonlyMap<string, number | null>>(new Map());
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const rows = useMemo(() => fees.data ?? [], [fees.data]);
  const changed = rows.filter((r) => edits.has(keyOf(r)) && yuanToFen(edits.get(keyOf(r)) ?? Number.NaN) !== r.feeFen && !(edits.get(keyOf(r)) === null && r.feeFen === null));
  useUnsavedGuard(changed.length > 0);

  const save = async () => {
    setProblem(null);
    setSaving(true);
    try {
      await api.call('fees.update', {
        fees: changed.map((r) => {
          const yuan = edits.get(keyOf(r));
          const feeFen = yuan === null || yuan === undefined ? null : (yuanToFen(yuan) ?? Math.round(yuan * 100));
          return r.basis === 'certificate'
            ? { key: { basis: 'certificate' as const, certificateCode: r.certificateCode, level: r.level as '初级' }, feeFen }
            : { key: { basis: 'subject' as const, subjectCode: r.subjectCode! }, feeFen };
        }),
      });
      await Promise.all([...PAYMENT_QUERIES, 'fees.list' as const].map((k) => queryClient.invalidateQueries({ queryKey: [k] })));
      setEdits(new Map());
      message.success(`已保存 ${changed.length} 项收费标准`);
    } catch (e) {
      setProblem((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  const table = (b: PaymentBasis) => (
    <Table<FeeRow>
      rowKey={keyOf}
      size="small"
      loading={fees.isPending}
      pagination={false}
      dataSource={rows.filter((r) => r.basis === b)}
      locale={{ emptyText: '证书目录为空：请先在“导入数据包”中导入平台的证书目录。' }}
      columns={[
        { title: b === 'certificate' ? '证书（等级）' : '考试科目', key: 'label', render: (_, r) => groupLabel(r) },
        { title: '培训评价组织', dataIndex: 'orgName', width: 240 },
        {
          title: '收费标准（元）',
          key: 'fee',
          width: 180,
          render: (_, r) => {
            const key = keyOf(r);
            const value = edits.has(key) ? edits.get(key) : r.feeFen === null ? null : r.feeFen / 100;
            return (
              <InputNumber<number>
                aria-label={`${groupLabel(r)}的收费标准`}
                value={value}
                min={FEE_LIMITS.minFen / 100}
                max={FEE_LIMITS.maxFen / 100}
                precision={2}
                step={10}
                placeholder="未设置"
                style={{ width: 150 }}
                onChange={(v) => setEdits((prev) => new Map(prev).set(key, v ?? null))}
              />
            );
          },
        },
      ]}
    />
  );

  return (
    <>
      <PageHeader
        title="收费标准"
        description="培训评价组织的收费标准：按报考证书收费时每个证书（等级）一项，按报考科目收费时每个科目一项。修改收费标准不影响已经生成的缴费单。"
        extra={
          <Button type="primary" disabled={changed.length === 0} loading={saving} onClick={() => void save()}>
            {changed.length ? `保存（${changed.length} 项）` : '保存'}
          </Button>
        }
      />
      <QueryError error={fees.error} />
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Tabs
        activeKey={basis}
        onChange={(k) => setBasis(k as PaymentBasis)}
        items={(['certificate', 'subject'] as const).map((b) => ({ key: b, label: `${PAYMENT_BASIS_LABELS[b]}收费`, children: table(b) }))}
      />
      <Flex style={{ marginTop: 12 }}>
        <Typography.Text type="secondary">金额以元为单位，精确到分，在 0.01 元到 10,000 元之间；清空即取消该项收费标准。</Typography.Text>
      </Flex>
    </>
  );
}
