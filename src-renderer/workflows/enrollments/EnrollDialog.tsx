import { App as AntApp, Alert, Button, Checkbox, Flex, Form, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { CandidateFilter } from '../../../src-shared/api/candidates';
import type { CandidateIssue, EnrollInput, EnrollPlanRow, EnrollPreview } from '../../../src-shared/api/enrollments';
import { ENROLL_MODE_LABELS, type EnrollMode } from '../../../src-shared/domain/enrollment';
import type { AppError } from '../../../src-shared/errors';
import { useApi, useOp } from '../../api/hooks';
import { ENROLLMENT_QUERIES } from './enrollment-queries';

export type CandidateChoice = { ids: number[] } | { filter: CandidateFilter };

interface Choice {
  planCode?: string;
  mode: EnrollMode;
  /** `code/level` of the certificate chosen. */
  certificate?: string;
  subjectCodes: string[];
}

function planState(p: EnrollPlanRow) {
  if (p.open) return <Tag color="processing">报名中</Tag>;
  return p.closedReason?.includes('尚未开始') ? <Tag>尚未开始报名</Tag> : <Tag>报名已结束</Tag>;
}

const certKey = (c: { code: string; level: string }) => `${c.code}/${c.level}`;

/**
 * 报考 from the candidate list (the manual's 2.2.7): the plan, 按证书 (every subject of a
 * certificate and level) or 按科目 (chosen subjects), then the core's check — who can be enrolled,
 * who not and why, or what stops the whole request (the window, the quota) — before anything is written.
 */
export function EnrollDialog({ count, candidates, onClose, onDone }: { count: number; candidates: CandidateChoice; onClose: () => void; onDone: () => void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const plans = useOp('enrollments.plans', {});
  const [choice, setChoice] = useState<Choice>({ mode: 'certificate', subjectCodes: [] });
  const [preview, setPreview] = useState<EnrollPreview | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const plan = plans.data?.find((p) => p.code === choice.planCode);
  const certificate = plan?.certificates.find((c) => certKey(c) === choice.certificate);
  const change = (patch: Partial<Choice>) => {
    setChoice((c) => ({ ...c, ...patch }));
    setPreview(null);
    setError(null);
  };

  const input = useMemo((): EnrollInput | null => {
    if (!choice.planCode || !certificate) return null;
    if (choice.mode === 'certificate')
      return { candidates, planCode: choice.planCode, mode: 'certificate', certificateCode: certificate.code, level: certificate.level as EnrollInput['level'] };
    if (!choice.subjectCodes.length) return null;
    return { candidates, planCode: choice.planCode, mode: 'subject', subjectCodes: choice.subjectCodes };
  }, [candidates, certificate, choice]);

  const run = async (what: 'check' | 'enroll') => {
    if (!input) return;
    setBusy(true);
    setError(null);
    try {
      if (what === 'check') setPreview(await api.call('enrollments.preview', input));
      else {
        const done = await api.call('enrollments.enroll', input);
        await Promise.all(ENROLLMENT_QUERIES.map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
        message.success(`已为 ${done.counts.accepted} 名考生报考 ${done.written} 个科目`);
        onDone();
      }
    } catch (e) {
      setError(e as AppError);
    } finally {
      setBusy(false);
    }
  };

  const ready = preview && !preview.problems.length && preview.counts.accepted > 0;
  return (
    <Modal
      open
      title={`报考（已选 ${count} 名考生）`}
      width={760}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          {ready ? (
            <Button type="primary" loading={busy} onClick={() => void run('enroll')}>
              报考 {preview.counts.accepted} 名考生
            </Button>
          ) : (
            <Button type="primary" disabled={!input} loading={busy} onClick={() => void run('check')}>
              检查
            </Button>
          )}
        </Space>
      }
    >
      <Form layout="vertical" requiredMark={false}>
        <Form.Item label="考试计划" required>
          <Select
            autoFocus
            aria-label="考试计划"
            placeholder="选择考试计划"
            loading={plans.isPending}
            value={choice.planCode}
            onChange={(planCode: string) => change({ planCode, certificate: undefined, subjectCodes: [] })}
            options={plans.data?.map((p) => ({
              value: p.code,
              label: `${p.name}（${p.code}）`,
              title: `报名时间 ${p.registration.start} ~ ${p.registration.end}`,
            }))}
            optionRender={(o) => {
              const p = plans.data!.find((x) => x.code === o.value)!;
              return (
                <Flex justify="space-between" gap={8}>
                  <span>{o.label}</span>
                  <span>
                    <Typography.Text type="secondary" style={{ fontSize: 12, marginRight: 8 }}>
                      报名 {p.registration.start} ~ {p.registration.end}
                    </Typography.Text>
                    {planState(p)}
                  </span>
                </Flex>
              );
            }}
          />
        </Form.Item>
        {plan && !plan.open && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`${plan.closedReason}：报考和删除报考只能在报名时间内进行。`} />}
        <Form.Item label="报考方式">
          <Radio.Group
            aria-label="报考方式"
            value={choice.mode}
            onChange={(e) => change({ mode: e.target.value as EnrollMode, subjectCodes: [] })}
            options={(['certificate', 'subject'] as const).map((m) => ({ value: m, label: ENROLL_MODE_LABELS[m] }))}
          />
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 12 }}>
            {choice.mode === 'certificate' ? '报考该证书等级在本计划中的全部科目。' : '只报考选中的科目；参考对象不是“所有考生”的科目，须与考生类别相符。'}
          </Typography.Paragraph>
        </Form.Item>
        <Form.Item label="证书等级" required>
          <Select
            aria-label="证书等级"
            placeholder={plan ? '选择证书和等级' : '先选择考试计划'}
            disabled={!plan}
            value={choice.certificate}
            onChange={(c: string) => change({ certificate: c, subjectCodes: [] })}
            options={plan?.certificates.map((c) => ({
              value: certKey(c),
              disabled: !c.quota,
              label: `${c.name} ${c.level}${c.quota ? `（本年度剩余指标 ${c.quota.left}）` : '（本年度未获批，不能报考）'}`,
            }))}
          />
        </Form.Item>
        {choice.mode === 'subject' && certificate && (
          <Form.Item label="考试科目" required>
            <Checkbox.Group
              aria-label="考试科目"
              value={choice.subjectCodes}
              onChange={(v) => change({ subjectCodes: v as string[] })}
              style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
              options={certificate.subjects.map((s) => ({ value: s.code, label: `${s.code} ${s.name}（${s.method}，${s.target}）` }))}
            />
          </Form.Item>
        )}
      </Form>
      {error && <Alert type="error" showIcon title="没有报考" description={error.message} />}
      {preview && <PreviewView preview={preview} />}
    </Modal>
  );
}

function PreviewView({ preview }: { preview: EnrollPreview }) {
  const { counts } = preview;
  if (preview.problems.length)
    return (
      <Alert
        type="error"
        showIcon
        title="不能报考，没有写入任何数据"
        description={
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {preview.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        }
      />
    );
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert
        type={counts.accepted ? (counts.refused ? 'warning' : 'success') : 'error'}
        showIcon
        title={
          counts.accepted
            ? `可以为 ${counts.accepted} 名考生报考 ${counts.enrollments} 个科目${counts.refused ? `；${counts.refused} 名不能报考（见下表），不会写入` : ''}`
            : '选择的考生都不能报考'
        }
      />
      {preview.refusals.length > 0 && <IssueList label="不能报考的考生" issues={preview.refusals} />}
      {preview.warnings.length > 0 && <IssueList label="提醒" issues={preview.warnings} />}
    </Space>
  );
}

function IssueList({ label, issues }: { label: string; issues: CandidateIssue[] }) {
  return (
    <section aria-label={label}>
      <Typography.Text strong>{label}</Typography.Text>
      <Table<CandidateIssue>
        size="small"
        rowKey={(i) => `${i.candidateId}:${i.code}`}
        dataSource={issues}
        pagination={{ pageSize: 5, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 名` }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 90 },
          { title: '身份证号', dataIndex: 'idNumber', width: 180 },
          { title: '原因', dataIndex: 'message' },
        ]}
      />
    </section>
  );
}
