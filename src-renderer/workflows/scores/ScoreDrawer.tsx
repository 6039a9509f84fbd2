import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Descriptions, Drawer, Input, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { OpName } from '../../../src-shared/api';
import type { ScoreChange, ScoreRow } from '../../../src-shared/api/scores';
import { DISPUTE_NOTE_MAX, formatScore } from '../../../src-shared/domain/scores';
import { useApi, useOp } from '../../api/hooks';
import { formatTime } from '../../ui/format';
import { QueryError } from '../../ui/QueryError';
import { disputeText, STAGE_COLORS } from './score-labels';

/** What a flag or a withdrawal changes on screen. */
const AFFECTED: OpName[] = ['scores.list', 'scores.candidate', 'scores.plans', 'yearboard.get'];

/**
 * One candidate's subjects of the plan: each score with its earlier values and its 有异议 flag,
 * flagged (with a required note) or withdrawn here while the plan is not locked.
 */
export function ScoreDrawer({ planCode, candidateId, onClose }: { planCode: string; candidateId: number; onClose: () => void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { modal, message } = AntApp.useApp();
  const data = useOp('scores.candidate', { planCode, candidateId });
  const [busy, setBusy] = useState<number | null>(null);
  const c = data.data;
  const locked = c?.stage === 'locked';

  const run = async (row: ScoreRow, call: () => Promise<ScoreChange>): Promise<boolean> => {
    setBusy(row.enrollmentId);
    try {
      void message.success((await call()).message);
      return true;
    } catch (e) {
      void message.error((e as Error).message);
      return false;
    } finally {
      setBusy(null);
      await Promise.all(AFFECTED.map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
    }
  };

  const flag = (row: ScoreRow) => {
    let note = '';
    modal.confirm({
      title: `${row.name} · ${row.subjectName}（${formatScore(row.score, row.absent)}）有异议`,
      content: (
        <Input.TextArea
          aria-label="异议说明"
          autoFocus
          maxLength={DISPUTE_NOTE_MAX}
          showCount
          rows={3}
          placeholder="例如：考生反映实操考核已全部完成，成绩可能漏登"
          style={{ marginBottom: 16 }}
          onChange={(e) => (note = e.target.value)}
        />
      ),
      okText: '标记有异议',
      cancelText: '取消',
      // Called with `close`, the dialog stays open until there is a note and it is recorded.
      onOk: (close: () => void) => {
        if (!note.trim()) return void message.error('请填写异议说明');
        void run(row, () => api.call('scores.flag', { scoreId: row.scoreId!, note })).then((ok) => ok && close());
      },
    });
  };

  const withdraw = (row: ScoreRow) =>
    modal.confirm({
      title: `撤回${row.name}${row.subjectName}成绩的异议？`,
      content: row.dispute?.sentAt ? '这条异议已报送平台；撤回后请同时告知培训评价组织。' : '撤回后这条异议不会报送平台。',
      okText: '撤回异议',
      cancelText: '取消',
      onOk: () => run(row, () => api.call('scores.withdraw', { scoreId: row.scoreId! })),
    });

  return (
    <Drawer open title={c ? `${c.name} 的科目成绩` : '科目成绩'} size={880} onClose={onClose} destroyOnHidden>
      <QueryError error={data.error} />
      {!c ? (
        <Spin />
      ) : (
        <>
          <Descriptions
            size="small"
            column={2}
            bordered
            style={{ marginBottom: 16 }}
            items={[
              { key: 'name', label: '姓名', children: c.name },
              { key: 'id', label: '身份证号', children: c.idNumber },
              { key: 'plan', label: '考试计划', children: `${c.planName}（${c.planCode}）` },
              { key: 'stage', label: '成绩状态', children: <Tag color={STAGE_COLORS[c.stageLabel]}>{c.stageLabel}</Tag> },
            ]}
          />
          <Table<ScoreRow>
            rowKey="enrollmentId"
            size="small"
            pagination={false}
            dataSource={c.rows}
            columns={[
              { key: 'subject', title: '科目', width: 170, render: (_, r) => `${r.subjectCode} ${r.subjectName}` },
              { key: 'ticket', title: '准考证号', width: 180, render: (_, r) => r.ticketNumber ?? '—' },
              {
                key: 'score',
                title: '成绩',
                width: 200,
                render: (_, r) =>
                  r.scoreId === null ? (
                    <Typography.Text type="secondary">未出成绩</Typography.Text>
                  ) : (
                    <div>
                      <Typography.Text strong>{formatScore(r.score, r.absent)}</Typography.Text>
                      <div style={{ fontSize: 12, color: 'var(--ant-color-text-tertiary)' }}>{formatTime(r.issuedAt)} 发布</div>
                      {r.history.map((h) => (
                        <div key={h.replacedAt + h.issuedAt} style={{ fontSize: 12, color: 'var(--ant-color-text-tertiary)' }}>
                          原成绩 {formatScore(h.score, h.absent)}（{formatTime(h.issuedAt)} 发布）
                        </div>
                      ))}
                    </div>
                  ),
              },
              {
                key: 'dispute',
                title: '异议',
                render: (_, r) => {
                  const t = disputeText(r.dispute);
                  if (!t || !r.dispute) return null;
                  return (
                    <div>
                      <Tag color={t.tone === 'orange' ? 'orange' : t.tone === 'success' ? 'success' : 'default'}>{t.label}</Tag>
                      {t.detail && <Typography.Text type="secondary">{t.detail}</Typography.Text>}
                      <div style={{ fontSize: 12 }}>{r.dispute.note}</div>
                      <div style={{ fontSize: 12, color: 'var(--ant-color-text-tertiary)' }}>
                        {r.dispute.flaggedBy} {formatTime(r.dispute.flaggedAt)}
                      </div>
                    </div>
                  );
                },
              },
              {
                key: 'actions',
                title: '操作',
                width: 110,
                render: (_, r) =>
                  r.scoreId === null || locked ? null : (
                    <Space size={0}>
                      {r.dispute?.open ? (
                        <Button type="link" size="small" loading={busy === r.enrollmentId} onClick={() => withdraw(r)} aria-label={`撤回${r.subjectName}成绩的异议`}>
                          撤回异议
                        </Button>
                      ) : (
                        <Button type="link" size="small" danger loading={busy === r.enrollmentId} onClick={() => flag(r)} aria-label={`${r.subjectName}成绩有异议`}>
                          有异议
                        </Button>
                      )}
                    </Space>
                  ),
              },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
            {locked
              ? '公示已结束，成绩已永久锁定，不能再标记或撤回异议。'
              : '标记有异议后，在“生成数据包”中选择“成绩异议”报送平台；平台更正后导入新的成绩数据包，原成绩保留在修改记录中。'}
          </Typography.Paragraph>
        </>
      )}
    </Drawer>
  );
}
