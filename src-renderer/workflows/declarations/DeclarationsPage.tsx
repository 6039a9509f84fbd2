import { App as AntApp, Card, Descriptions, Drawer, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { DeclarationDetail, DeclarationPlanRow, DeclarationRow } from '../../../src-shared/api/declarations';
import { DECLARATION_TABS, type DeclarationTab } from '../../../src-shared/domain/declaration';
import { useApi, useOp, useOpMutation } from '../../api/hooks';
import { formatTime } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { RowAction } from '../../ui/RowAction';
import { DeclarationDrawer } from './DeclarationDrawer';
import { DECLARATION_QUERIES } from './declaration-queries';
import { ProfileAlert } from './ProfileAlert';
import { PlansTable } from './PlansTable';

const STATUS_COLORS: Record<DeclarationRow['status'], string> = { draft: 'default', submitted: 'processing', city_approved: 'cyan', approved: 'success', rejected: 'error' };

type Editing = { plan: DeclarationPlanRow; declaration: DeclarationDetail | null } | null;

/**
 * 证书试点申报 (the manual's 1.2.2–1.2.4): the province's plans, the year's declarations in the
 * manual's tabs, the form, and 提交审核 with its confirmation.
 */
export function DeclarationsPage() {
  const api = useApi();
  const { message, modal } = AntApp.useApp();
  const [tab, setTab] = useState<DeclarationTab>('all');
  const [editing, setEditing] = useState<Editing>(null);
  const plans = useOp('declarations.plans', {});
  const list = useOp('declarations.list', { tab });
  const profile = useOp('institution.profile', {});
  const submit = useOpMutation('declarations.submit', { invalidates: DECLARATION_QUERIES });
  const remove = useOpMutation('declarations.delete', { invalidates: DECLARATION_QUERIES });
  const complete = (profile.data?.problems.length ?? 1) === 0;

  const edit = async (row: DeclarationRow) => {
    const plan = plans.data?.find((p) => p.code === row.planCode);
    if (!plan) return;
    try {
      setEditing({ plan, declaration: await api.call('declarations.get', { id: row.id }) });
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  const confirmSubmit = (row: DeclarationRow) =>
    modal.confirm({
      title: `提交“${row.certificateName} ${row.level}”的申报？`,
      content: '提交后不能修改，只能等待审核结果；只有审核不通过的申报才能修改后重新提交。',
      okText: '提交审核',
      cancelText: '再看看',
      onOk: async () => {
        try {
          await submit.mutateAsync({ id: row.id, confirm: true });
          message.success('已提交审核：请在“生成数据包”中导出“证书试点申报”报送');
        } catch (e) {
          message.error((e as Error).message);
        }
      },
    });

  const confirmDelete = (row: DeclarationRow) =>
    modal.confirm({
      title: `删除“${row.certificateName} ${row.level}”的申报草稿？`,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await remove.mutateAsync({ id: row.id });
          message.success('草稿已删除');
        } catch (e) {
          message.error((e as Error).message);
        }
      },
    });

  const counts = list.data?.counts;
  return (
    <>
      <PageHeader
        title="证书试点申报"
        description="每年按省级教育行政部门的申报计划，在规定时间内申报本年度要试点的证书。审核通过的培训人数就是本年度的指标，过了本年度未使用的直接作废。"
      />
      <ProfileAlert />
      <PlansTable plans={plans.data ?? []} loading={plans.isPending} canDeclare={complete} onDeclare={(plan) => setEditing({ plan, declaration: null })} />
      <Card>
        <Tabs activeKey={tab} onChange={(k) => setTab(k as DeclarationTab)} items={DECLARATION_TABS.map((t) => ({ key: t.key, label: `${t.label} ${counts?.[t.key] ?? 0}` }))} />
        <Table<DeclarationRow>
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data?.rows}
          pagination={{ pageSize: 10, showTotal: (n) => `共 ${n} 条` }}
          locale={{ emptyText: '暂无数据' }}
          expandable={{
            rowExpandable: (r) => Boolean(r.reason),
            expandedRowRender: (r) => <Typography.Text type={r.status === 'rejected' ? 'danger' : 'secondary'}>审核意见：{r.reason}</Typography.Text>,
          }}
          columns={[
            { title: '申报批次', dataIndex: 'batch' },
            { title: '证书名称', render: (_, r) => `${r.certificateName}（${r.level}）` },
            { title: '颁证机构', dataIndex: 'orgName' },
            { title: '拟申报培训人数', dataIndex: 'proposedCount', align: 'right' },
            { title: '已批准培训人数', dataIndex: 'approvedCount', align: 'right', render: (v: number | null) => v ?? '—' },
            { title: '状态', render: (_, r) => <Tag color={STATUS_COLORS[r.status]}>{r.statusLabel}</Tag> },
            {
              title: '操作',
              render: (_, r) => (
                <Space size={12}>
                  <RowAction onClick={() => void edit(r)}>{r.canEdit ? '修改' : '查看'}</RowAction>
                  {r.canSubmit && <RowAction onClick={() => confirmSubmit(r)}>提交审核</RowAction>}
                  {r.canDelete && (
                    <RowAction danger onClick={() => confirmDelete(r)}>
                      删除
                    </RowAction>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {editing && (editing.declaration === null || editing.declaration.canEdit) && (
        <DeclarationDrawer plan={editing.plan} declaration={editing.declaration} onClose={() => setEditing(null)} />
      )}
      {editing?.declaration && !editing.declaration.canEdit && <DeclarationView declaration={editing.declaration} onClose={() => setEditing(null)} />}
    </>
  );
}

function DeclarationView({ declaration: d, onClose }: { declaration: DeclarationDetail; onClose: () => void }) {
  return (
    <Drawer open size="large" title={`${d.certificateName}（${d.level}）`} onClose={onClose} extra={<Tag color={STATUS_COLORS[d.status]}>{d.statusLabel}</Tag>}>
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          { key: 'batch', label: '申报批次', children: d.batch },
          { key: 'org', label: '颁证机构', children: d.orgName },
          { key: 'proposed', label: '拟申报培训人数', children: d.proposedCount },
          { key: 'approved', label: '已批准培训人数', children: d.approvedCount ?? '—' },
          { key: 'majors', label: '专业', children: d.majors.map((m) => `${m.name}（${m.level}）`).join('、') || '—' },
          { key: 'teachers', label: '师资', children: d.teachers.map((t) => `${t.name}（${t.title}${t.certificates ? `，${t.certificates}` : ''}）`).join('；') || '—' },
          { key: 'facilities', label: '场地', children: d.facilities.map((f) => `${f.name} ${f.seats} 座${f.equipment ? `，${f.equipment}` : ''}`).join('；') || '—' },
          { key: 'notes', label: '备注', children: d.notes || '—' },
          { key: 'submitted', label: '提交时间', children: d.submittedAt ? formatTime(d.submittedAt) : '—' },
          ...(d.reason
            ? [{ key: 'reason', label: '审核意见', children: <Typography.Text type={d.status === 'rejected' ? 'danger' : undefined}>{d.reason}</Typography.Text> }]
            : []),
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        已提交的申报不能修改；审核不通过后可以修改并重新提交。
      </Typography.Paragraph>
    </Drawer>
  );
}
