import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Flex, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { SiteRow } from '../../../src-shared/api/sites';
import { SITE_STATUS_LABELS, SITE_STATUSES, type SiteStatus } from '../../../src-shared/domain/exam-site';
import { useApi, useOp } from '../../api/hooks';
import { formatTime } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { SiteDrawer } from './SiteDrawer';
import { SITE_QUERIES, SiteStatusTag } from './site-status';

type Tab = SiteStatus | 'all';

/** 申报考点 (the manual's 2.2.5): the school's exam sites, their status and what the organisation decided. */
export function SitesPage() {
  const api = useApi();
  const queryClient = useQueryClient();
  const { modal, message } = AntApp.useApp();
  const [tab, setTab] = useState<Tab>('all');
  const list = useOp('sites.list', tab === 'all' ? {} : { status: tab });
  // undefined: closed; null: a new site.
  const [open, setOpen] = useState<number | null | undefined>(undefined);
  const refresh = () => Promise.all(SITE_QUERIES.map((k) => queryClient.invalidateQueries({ queryKey: [k] })));

  const submit = (s: SiteRow) =>
    modal.confirm({
      title: `提交“${s.name}”的申报？`,
      content: '提交后不能修改（审核不通过后可以修改再提交）。提交后请在“数据交换 → 生成数据包”中选择“考核站点申报”，把申报交给平台。',
      okText: '提交',
      cancelText: '取消',
      onOk: async () => {
        try {
          await api.call('sites.submit', { id: s.id, confirm: true });
          message.success(`已提交“${s.name}”的申报`);
          await refresh();
        } catch (e) {
          message.error((e as Error).message);
        }
      },
    });

  const remove = (s: SiteRow) =>
    modal.confirm({
      title: `删除“${s.name}”？`,
      content: '只有未提交的站点可以删除；它的佐证材料一并删除。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await api.call('sites.delete', { id: s.id });
          message.success(`已删除“${s.name}”`);
          await refresh();
        } catch (e) {
          message.error((e as Error).message);
        }
      },
    });

  const counts = list.data?.counts;
  const tabs: { value: Tab; label: string }[] = [
    { value: 'all', label: `全部${counts ? ` ${counts.all}` : ''}` },
    ...SITE_STATUSES.map((s) => ({ value: s, label: `${SITE_STATUS_LABELS[s]}${counts ? ` ${counts[s]}` : ''}` })),
  ];

  return (
    <>
      <PageHeader
        title="申报考点"
        description="组织证书考试前，需要向培训评价组织申报考核站点，审核通过后方可组织考试；不符合考核站点建设标准的，可由培训评价组织安排到其他院校的考核站点借考。"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(null)}>
            申报考核站点
          </Button>
        }
      />
      <QueryError error={list.error} />
      <Flex style={{ marginBottom: 12 }}>
        <Segmented<Tab> value={tab} onChange={setTab} options={tabs} aria-label="申报状态" />
      </Flex>
      <Table<SiteRow>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 个考核站点` }}
        locale={{ emptyText: tab === 'all' ? '还没有申报考核站点：点右上角“申报考核站点”开始。' : '没有这个状态的考核站点' }}
        columns={[
          {
            title: '站点名称',
            dataIndex: 'name',
            render: (name: string, s) => (
              <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => setOpen(s.id)}>
                {name}
              </Button>
            ),
          },
          { title: '申报对象', dataIndex: 'orgName', width: 200 },
          {
            title: '申报的证书',
            key: 'certificates',
            width: 230,
            render: (_, s) => (
              <Flex gap={4} wrap>
                {s.certificates.map((c) => (
                  <Tag key={`${c.certificateCode}/${c.level}`}>{`${c.certificateName.replace(/职业技能等级证书$/, '')}（${c.level}）`}</Tag>
                ))}
              </Flex>
            ),
          },
          { title: '联系人', key: 'contact', width: 130, render: (_, s) => `${s.contactName} ${s.contactPhone}` },
          {
            title: '状态',
            key: 'status',
            width: 240,
            render: (_, s) => (
              <Flex vertical gap={4} align="flex-start">
                <SiteStatusTag status={s.status} />
                {s.status === 'rejected' && s.reason && <Typography.Text type="danger">{s.reason}</Typography.Text>}
                {s.borrowedText && <Typography.Text type="warning">{s.borrowedText}</Typography.Text>}
                {s.status === 'submitted' && <Typography.Text type="secondary">{s.sentAt ? `已于 ${formatTime(s.sentAt)} 报送平台` : '尚未报送平台'}</Typography.Text>}
              </Flex>
            ),
          },
          {
            title: '操作',
            key: 'actions',
            width: 170,
            render: (_, s) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setOpen(s.id)}>
                  {s.canEdit ? '修改' : '查看'}
                </Button>
                {s.canSubmit && (
                  <Button type="link" size="small" onClick={() => submit(s)}>
                    提交
                  </Button>
                )}
                {s.canDelete && (
                  <Button type="link" size="small" danger onClick={() => remove(s)}>
                    删除
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {open !== undefined && <SiteDrawer siteId={open} onClose={() => setOpen(undefined)} />}
    </>
  );
}
