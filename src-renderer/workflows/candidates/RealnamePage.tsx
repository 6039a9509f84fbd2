import { CameraOutlined, CheckOutlined, EditOutlined } from '@ant-design/icons';
import { keepPreviousData, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Segmented, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import type { CandidateRow } from '../../../src-shared/api/candidates';
import { CANDIDATE_KIND_LABELS, CANDIDATE_KINDS, missingAfterConfirm, type CandidateKind } from '../../../src-shared/domain/candidate';
import { useApi, useOp } from '../../api/hooks';
import { formatTime } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { CandidateDrawer } from './CandidateDrawer';
import { confirmedMessage } from './realname-message';
import { CandidatePhoto } from './CandidatePhoto';
import { RealnameTag } from './CandidateTags';
import { CANDIDATE_QUERIES } from './candidate-queries';
import { useKindParam } from './kind-param';

type Shown = 'failed' | 'confirmed';

/**
 * 人工确认学生信息 (the manual's 2.2.4 (2)): the candidates whose 人脸核身 failed, with the
 * platform's reason. 确认无误 when the name, ID number and photo are right; otherwise edit,
 * then confirm. A candidate without a photo has nothing to confirm yet: the row offers the
 * upload instead. The dialog says what else, if anything, still keeps the candidate from
 * enrolling. Every confirmation is audited.
 */
export function RealnamePage() {
  const api = useApi();
  const queryClient = useQueryClient();
  const { modal, message } = AntApp.useApp();
  const [kind, setKind] = useKindParam();
  const [shown, setShown] = useState<Shown>('failed');
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const [editing, setEditing] = useState<CandidateRow | null>(null);
  const summary = useOp('candidates.summary', {});
  const list = useOp(
    'candidates.list',
    { kind, realnameStatus: shown, sort: 'name', order: 'asc', offset: (page.current - 1) * page.pageSize, limit: page.pageSize },
    { placeholderData: keepPreviousData },
  );

  const confirm = (c: CandidateRow) => {
    const still = missingAfterConfirm(c);
    modal.confirm({
      title: `确认考生“${c.name}”的信息无误？`,
      content: (
        <>
          <Typography.Paragraph>请核对姓名、身份证号 {c.idNumber} 和照片确属本人。</Typography.Paragraph>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            确认后实名状态变为“人工确认”，记入审计日志
            {still.length ? `；该考生还缺${still.join('、')}，补齐后才能报考。` : '，该考生即可报考。'}
          </Typography.Paragraph>
        </>
      ),
      okText: '确认无误',
      cancelText: '取消',
      onOk: async () => {
        try {
          const after = await api.call('realname.confirm', { id: c.id });
          await Promise.all(CANDIDATE_QUERIES.map((k) => queryClient.invalidateQueries({ queryKey: [k] })));
          message.success(confirmedMessage(after));
        } catch (e) {
          message.error((e as Error).message);
        }
      },
    });
  };

  const failedCount = (k: CandidateKind) => summary.data?.[k].realnameFailed;

  return (
    <>
      <PageHeader title="实名认证" description="平台通过人脸核身为考生做实名认证。少数考生因照片不清晰等原因未通过，需要学校人工核对：信息无误点“确认无误”；有误先修改，再确认。" />
      <Tabs
        activeKey={kind}
        onChange={(k) => {
          setKind(k as CandidateKind);
          setPage((p) => ({ ...p, current: 1 }));
        }}
        items={CANDIDATE_KINDS.map((k) => ({ key: k, label: `${CANDIDATE_KIND_LABELS[k]}${failedCount(k) ? `（待确认 ${failedCount(k)}）` : ''}` }))}
      />
      <Segmented<Shown>
        value={shown}
        onChange={(v) => {
          setShown(v);
          setPage((p) => ({ ...p, current: 1 }));
        }}
        options={[
          { value: 'failed', label: '认证未通过，待确认' },
          { value: 'confirmed', label: '已人工确认' },
        ]}
        aria-label="实名状态"
        style={{ marginBottom: 16 }}
      />
      <QueryError error={list.error} />
      <Table<CandidateRow>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.rows}
        locale={{ emptyText: shown === 'failed' ? '没有待确认的考生：平台的实名认证结果导入后，未通过的考生会列在这里。' : '还没有人工确认过的考生。' }}
        pagination={{
          ...page,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => `共 ${t} 名`,
          onChange: (current, pageSize) => setPage({ current, pageSize }),
        }}
        columns={[
          { title: '照片', key: 'photo', width: 72, render: (_, c) => <CandidatePhoto id={c.id} hasPhoto={c.hasPhoto} name={c.name} width={48} /> },
          { title: '姓名', dataIndex: 'name', width: 110, render: (n: string) => <Typography.Text strong>{n}</Typography.Text> },
          { title: '身份证号', dataIndex: 'idNumber', width: 190 },
          { title: '手机号', dataIndex: 'phone', width: 130, render: (p: string | null) => p ?? '—' },
          kind === 'school'
            ? { title: '就读专业', dataIndex: 'major', width: 160, render: (m: string | null) => m ?? '—' }
            : { title: '工作单位', dataIndex: 'employer', width: 160, render: (m: string | null) => m ?? '—' },
          shown === 'failed'
            ? { title: '平台反馈', dataIndex: 'realnameReason', render: (r: string | null) => <Typography.Text type="danger">{r ?? '未说明原因'}</Typography.Text> }
            : {
                title: '状态',
                key: 'status',
                render: (_, c) => (
                  <Space>
                    <RealnameTag status={c.realnameStatus} />
                    <Typography.Text type="secondary">{formatTime(c.updatedAt)}</Typography.Text>
                  </Space>
                ),
              },
          {
            title: '操作',
            key: 'actions',
            width: 200,
            render: (_, c) => (
              <Space>
                {shown === 'failed' &&
                  (c.hasPhoto ? (
                    <Button size="small" type="primary" icon={<CheckOutlined />} onClick={() => confirm(c)} aria-label={`确认无误 ${c.name}`}>
                      确认无误
                    </Button>
                  ) : (
                    // 人工确认 compares the photo with the person: the photo comes first.
                    <Button size="small" type="primary" icon={<CameraOutlined />} onClick={() => setEditing(c)} aria-label={`上传照片 ${c.name}`}>
                      上传照片
                    </Button>
                  ))}
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(c)} aria-label={`修改 ${c.name}`}>
                  修改
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing && <CandidateDrawer key={editing.id} kind={editing.kind} candidate={editing} offerConfirm={shown === 'failed'} onClose={() => setEditing(null)} />}
    </>
  );
}
