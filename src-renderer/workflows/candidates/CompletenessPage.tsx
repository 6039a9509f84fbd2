import { Button, Card, Col, Flex, Row, Segmented, Statistic, Tabs, Typography } from 'antd';
import { useState } from 'react';
import type { CandidateFilter, CandidateRow } from '../../../src-shared/api/candidates';
import { CANDIDATE_KIND_LABELS, CANDIDATE_KINDS, type CandidateKind } from '../../../src-shared/domain/candidate';
import { useOp } from '../../api/hooks';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { VirtualTable, type VirtualColumn } from '../../ui/VirtualTable';
import { CandidateDrawer } from './CandidateDrawer';
import { MissingTags } from './CandidateTags';
import { ExportButton } from './ExportButton';
import { useKindParam } from './kind-param';
import { useCandidateWindow } from './use-candidate-window';

type Lack = 'all' | 'photo' | 'unverified' | 'failed';

const LACKS: { value: Lack; label: string; filter: Partial<CandidateFilter> }[] = [
  { value: 'all', label: '全部不完整', filter: {} },
  { value: 'photo', label: '缺照片', filter: { hasPhoto: false } },
  { value: 'unverified', label: '未实名认证', filter: { realnameStatus: 'unverified' } },
  { value: 'failed', label: '实名认证失败', filter: { realnameStatus: 'failed' } },
];

/**
 * 信息完整性: who cannot be enrolled yet and what each still lacks (a field, the photo, the
 * real-name check), with the counts and an export of the list to chase the missing pieces.
 */
export function CompletenessPage() {
  const [kind, setKind] = useKindParam();
  const [lack, setLack] = useState<Lack>('all');
  const [editing, setEditing] = useState<CandidateRow | null>(null);
  const summary = useOp('candidates.summary', {});
  const filter: CandidateFilter = { kind, complete: false, ...LACKS.find((l) => l.value === lack)!.filter };
  const view = { filter, sort: 'name' as const, order: 'asc' as const };
  const rows = useCandidateWindow(view);
  const s = summary.data?.[kind];

  const columns: VirtualColumn<CandidateRow>[] = [
    { key: 'name', title: '姓名', width: 90, render: (r) => r.name },
    { key: 'idNumber', title: '身份证号', width: 172, render: (r) => r.idNumber },
    { key: 'phone', title: '手机号', width: 112, render: (r) => r.phone ?? '—' },
    kind === 'school'
      ? { key: 'major', title: '就读专业', width: 140, render: (r) => r.major ?? '—' }
      : { key: 'employer', title: '工作单位', width: 140, render: (r) => r.employer ?? '—' },
    { key: 'missing', title: '尚缺', width: 260, render: (r) => <MissingTags missing={r.missing} max={5} /> },
    { key: 'reason', title: '平台反馈', width: 200, grow: true, render: (r) => <span title={r.realnameReason ?? undefined}>{r.realnameReason ?? ''}</span> },
    {
      key: 'actions',
      title: '操作',
      width: 56,
      render: (r) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setEditing(r)} aria-label={`修改 ${r.name}`}>
          修改
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader title="信息完整性" description="信息完整、有照片并通过实名认证的考生才能报考和发证。这里列出还不能报考的考生和各自还缺什么。" />
      <Tabs activeKey={kind} onChange={(k) => setKind(k as CandidateKind)} items={CANDIDATE_KINDS.map((k) => ({ key: k, label: CANDIDATE_KIND_LABELS[k] }))} />
      <Row gutter={16} style={{ marginBottom: 16 }} role="group" aria-label="考生概况">
        <Col span={6}>
          <Card size="small">
            <Statistic title="考生总数" value={s?.total ?? '—'} suffix="名" />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic title="信息不完整" value={s?.incomplete ?? '—'} suffix="名" styles={{ content: { color: s?.incomplete ? 'var(--ant-color-warning)' : undefined } }} />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic title="缺照片" value={s?.noPhoto ?? '—'} suffix="名" />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic
              title="实名认证失败"
              value={s?.realnameFailed ?? '—'}
              suffix="名"
              styles={{ content: { color: s?.realnameFailed ? 'var(--ant-color-error)' : undefined } }}
            />
          </Card>
        </Col>
      </Row>
      <QueryError error={rows.error} />
      <Flex justify="space-between" align="center" gap={12} style={{ marginBottom: 12 }}>
        <Segmented<Lack> value={lack} onChange={setLack} options={LACKS.map((l) => ({ value: l.value, label: l.label }))} aria-label="缺什么" />
        <Flex gap={8} align="center">
          <Typography.Text type="secondary">{rows.total === undefined ? '读取中…' : rows.stale ? '筛选中…' : `${rows.total} 名`}</Typography.Text>
          <ExportButton filter={filter} sort={{ sort: view.sort, order: view.order }} label="导出此名单" />
        </Flex>
      </Flex>
      <VirtualTable<CandidateRow>
        label="信息不完整的考生"
        columns={columns}
        count={rows.total ?? 0}
        rowAt={rows.rowAt}
        rowKey={(r) => r.id}
        onRangeChange={rows.onRangeChange}
        loading={rows.loading}
        height="max(320px, calc(100vh - 450px))"
        onOpen={setEditing}
        resetKey={JSON.stringify(view)}
        empty={<Typography.Text type="secondary">{lack === 'all' ? '所有考生的信息都完整，可以报考。' : '没有这类考生。'}</Typography.Text>}
      />
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
        ↑ ↓ 选择考生，回车或双击打开编辑。
      </Typography.Text>
      {editing && <CandidateDrawer key={editing.id} kind={editing.kind} candidate={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
