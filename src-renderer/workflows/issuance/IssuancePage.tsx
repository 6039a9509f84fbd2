import { CheckOutlined, CloseOutlined, ExportOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Segmented, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { IssuanceRow } from '../../../src-shared/api/issuance';
import { ISSUANCE_STATUS_LABELS, ISSUANCE_STATUSES, type IssuanceDecision, type IssuanceStatus } from '../../../src-shared/domain/issuance';
import { useOp } from '../../api/hooks';
import { useSession } from '../../app/session';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { RowAction } from '../../ui/RowAction';
import { DecideModal } from './DecideModal';
import { IssuanceStatusCell, LocalOutcomeCell } from './issuance-cells';

type Tab = IssuanceStatus | 'all';

/**
 * 证书发放管理 (the manual's 3.2): the organisation's list of certificates waiting for the
 * institution, each beside the app's own result. The principal confirms one (审核) or many (批量
 * 确认签发), or refuses with a reason; coordinators follow the list.
 */
export function IssuancePage() {
  const navigate = useNavigate();
  const { user } = useSession();
  const principal = user?.role === 'principal';
  const [tab, setTab] = useState<Tab>('waiting');
  const [planCode, setPlanCode] = useState<string | undefined>(undefined);
  const list = useOp('issuance.list', { ...(planCode ? { planCode } : {}), ...(tab === 'all' ? {} : { status: tab }) });
  const [selected, setSelected] = useState<string[]>([]);
  const [deciding, setDeciding] = useState<{ rows: IssuanceRow[]; decision: IssuanceDecision } | null>(null);
  const data = list.data;
  const rows = data?.rows ?? [];
  const chosen = rows.filter((r) => selected.includes(r.recordId));
  // Ticks and 审核 only where something waits: a decided record has nothing left to do.
  const canDecide = principal && rows.some((r) => r.status === 'waiting');

  const decide = (decision: IssuanceDecision, which: IssuanceRow[] = chosen) => setDeciding({ rows: which, decision });
  const counts = data?.counts;
  const tabs = [...ISSUANCE_STATUSES, 'all' as const].map((s) => ({
    value: s,
    label: `${s === 'all' ? '全部' : ISSUANCE_STATUS_LABELS[s]}${counts ? ` ${counts[s]}` : ''}`,
  }));

  return (
    <>
      <PageHeader
        title="证书发放管理"
        description="培训评价组织生成通过考核的待签发名单后，由试点院校负责人在线签字确认签发（可单个审核，也可批量确认签发），或写明理由不予签发。一旦完成操作，不可撤回。"
        extra={
          principal && (
            <Space>
              <Button icon={<CloseOutlined />} danger disabled={!chosen.length} onClick={() => decide('refused')}>
                不予签发{chosen.length ? `（${chosen.length}）` : ''}
              </Button>
              <Button type="primary" icon={<CheckOutlined />} disabled={!chosen.length} onClick={() => decide('confirmed')}>
                批量确认签发{chosen.length ? `（${chosen.length}）` : ''}
              </Button>
            </Space>
          )
        }
      />
      <QueryError error={list.error} />
      <Space orientation="vertical" size={8} style={{ width: '100%', marginBottom: 12 }}>
        {data && principal && !data.hasSeal && (
          <Alert
            type="warning"
            showIcon
            title="尚未上传签名章：确认签发需加盖签名章。"
            action={
              <Button size="small" onClick={() => void navigate('/institution/seal')}>
                上传签名章
              </Button>
            }
          />
        )}
        {!principal && <Alert type="info" showIcon title="签发由试点院校负责人在线签字确认，本页面仅供查看。" />}
        {data && data.unsent > 0 && (
          <Alert
            type="info"
            showIcon
            title={`有 ${data.unsent} 条签发决定尚未报送平台。`}
            action={
              <Button size="small" icon={<ExportOutlined />} onClick={() => void navigate('/packages/export?kinds=issuance-decisions')}>
                生成数据包
              </Button>
            }
          />
        )}
        {data?.inPublicity.map((p) => (
          <Alert key={p.planCode} type="warning" showIcon title={`${p.planName}：成绩公示至 ${p.end} 结束，公示期内成绩仍可能更正，请核对后再确认签发。`} />
        ))}
        {data?.unlisted.map((u) => (
          <Alert key={u.planCode} type="info" showIcon title={`${u.planName}：本地计算有 ${u.count} 人通过，尚未列入培训评价组织的证书发放名单。`} />
        ))}
      </Space>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Segmented<Tab>
          value={tab}
          onChange={(t) => {
            setTab(t);
            setSelected([]);
          }}
          options={tabs}
          aria-label="签发状态"
        />
        <Select
          allowClear
          placeholder="全部考试计划"
          aria-label="考试计划"
          style={{ minWidth: 280 }}
          value={planCode}
          onChange={(v: string | undefined) => {
            setPlanCode(v);
            setSelected([]);
          }}
          options={(data?.plans ?? []).map((p) => ({ value: p.code, label: p.name }))}
        />
      </Flex>
      <Table<IssuanceRow>
        rowKey="recordId"
        size="middle"
        loading={list.isPending}
        dataSource={rows}
        rowSelection={
          canDecide
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as string[]),
                getCheckboxProps: (r) => ({ disabled: r.status !== 'waiting', 'aria-label': `选择 ${r.name}` }),
              }
            : undefined
        }
        pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 条` }}
        locale={{ emptyText: tab === 'waiting' ? '没有待签发的记录：培训评价组织的证书发放名单以数据包导入。' : '没有记录' }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 80 },
          { title: '身份证号', dataIndex: 'idNumber', width: 150 },
          {
            title: '证书',
            key: 'cert',
            render: (_, r) => (
              <Flex vertical>
                <span>
                  {r.certificateName}（{r.level}）
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.planName}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: '平台综合成绩',
            dataIndex: 'platformComposite',
            width: 110,
            align: 'right',
            render: (v: number | null) => (v === null ? '—' : v.toFixed(1)),
          },
          { title: '本地考证结果', key: 'local', width: 110, render: (_, r) => <LocalOutcomeCell local={r.local} /> },
          { title: '状态', key: 'status', width: 160, render: (_, r) => <IssuanceStatusCell row={r} /> },
          {
            title: '证书编号',
            dataIndex: 'certificateNumber',
            width: 190,
            render: (v: string | null) =>
              v ? (
                <Typography.Text copyable style={{ fontFamily: 'monospace', fontSize: 12 }}>
                  {v}
                </Typography.Text>
              ) : (
                '—'
              ),
          },
          ...(canDecide
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  width: 60,
                  render: (_: unknown, r: IssuanceRow) =>
                    r.status === 'waiting' && <RowAction onClick={() => decide(r.confirmable ? 'confirmed' : 'refused', [r])}>审核</RowAction>,
                },
              ]
            : []),
        ]}
      />
      {deciding && (
        <DecideModal
          rows={deciding.rows}
          decision={deciding.decision}
          inPublicity={data?.inPublicity ?? []}
          onClose={() => setDeciding(null)}
          onDone={() => {
            setDeciding(null);
            setSelected([]);
          }}
        />
      )}
    </>
  );
}
