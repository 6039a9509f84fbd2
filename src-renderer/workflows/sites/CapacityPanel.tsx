import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Card, InputNumber, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { CapacitySubjectRow } from '../../../src-shared/api/sites';
import { useApi, useOp } from '../../api/hooks';
import { QueryError } from '../../ui/QueryError';

const SOURCE_COLORS: Record<CapacitySubjectRow['source'], string> = { enrolled: 'green', expected: 'blue', quota: 'purple', none: 'default' };

/**
 * 考位检查: each subject's candidates against the seats of the plan's rooms of its type, times its
 * sessions, with each shortfall said in words; before anyone enrolls an expected number can be entered.
 */
export function CapacityPanel({ planCode }: { planCode: string }) {
  const report = useOp('capacity.get', { planCode });
  const data = report.data;
  const counted = data?.subjects.some((s) => s.candidates > 0) ?? false;
  return (
    <Card title="考位检查" size="small" role="region" aria-label="考位检查">
      <QueryError error={report.error} />
      {data &&
        (data.warnings.length ? (
          <Alert
            type="warning"
            showIcon
            title={`有 ${data.warnings.length} 处需要注意`}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {data.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            }
            style={{ marginBottom: 12 }}
          />
        ) : counted ? (
          <Alert type="success" showIcon title="各科目的考场座位都够用。" style={{ marginBottom: 12 }} />
        ) : (
          <Alert type="info" showIcon title="还没有考生人数：报考开始前，可以为每个科目填写预计人数；没有填写时按本年度指标计算。" style={{ marginBottom: 12 }} />
        ))}
      <Table<CapacitySubjectRow>
        size="small"
        rowKey={(s) => `${s.certificateCode}/${s.level}/${s.code}`}
        aria-label="各科目的考位"
        loading={report.isPending}
        dataSource={data?.subjects}
        pagination={false}
        locale={{ emptyText: '本考试计划没有科目' }}
        columns={[
          { title: '证书', key: 'certificate', render: (_, s) => `${s.certificateName.replace(/职业技能等级证书$/, '')}（${s.level}）` },
          { title: '科目', key: 'subject', render: (_, s) => `${s.code} ${s.name}` },
          { title: '考试方式', dataIndex: 'method', width: 80 },
          { title: '场次', dataIndex: 'sessions', width: 60, align: 'right' },
          {
            title: '考生人数',
            key: 'candidates',
            width: 150,
            render: (_, s) => (
              <>
                <Typography.Text strong>{s.candidates}</Typography.Text> <Tag color={SOURCE_COLORS[s.source]}>{s.sourceLabel}</Tag>
              </>
            ),
          },
          { title: '预计人数', key: 'expected', width: 110, render: (_, s) => <ExpectedInput planCode={planCode} subject={s} /> },
          { title: '座位（每场 × 场次）', key: 'seats', width: 150, align: 'right', render: (_, s) => `${s.seatsPerSession} × ${s.sessions} = ${s.seats}` },
          {
            title: '缺口',
            dataIndex: 'shortfall',
            width: 80,
            align: 'right',
            render: (n: number, s) =>
              n > 0 ? (
                <Typography.Text type="danger" strong>{`缺 ${n}`}</Typography.Text>
              ) : s.candidates > 0 ? (
                <Typography.Text type="success">够用</Typography.Text>
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              ),
          },
        ]}
      />
    </Card>
  );
}

/** The expected number of one subject, saved when the field is left or Enter is pressed; empty removes it. */
function ExpectedInput({ planCode, subject }: { planCode: string; subject: CapacitySubjectRow }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const [value, setValue] = useState<number | null>(subject.expected);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    const next = value === null || Number.isNaN(value) ? null : Math.round(value);
    if (next === subject.expected) return;
    setSaving(true);
    try {
      const report = await api.call('capacity.setExpected', { planCode, subjectCode: subject.code, expected: next });
      queryClient.setQueryData(['capacity.get', { planCode }], report);
    } catch (e) {
      message.error((e as Error).message);
      setValue(subject.expected);
    } finally {
      setSaving(false);
    }
  };
  return (
    <InputNumber
      size="small"
      controls={false}
      min={0}
      max={100000}
      value={value}
      disabled={saving}
      placeholder="未填"
      aria-label={`${subject.code} 预计人数`}
      onChange={(v) => setValue(v)}
      onBlur={() => void save()}
      onPressEnter={() => void save()}
      style={{ width: 90 }}
    />
  );
}
