import { ExportOutlined, ImportOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Flex, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { HistoryRow, KindCount } from '../../../src-shared/api/packages';
import { useApi, useOp } from '../../api/hooks';
import { formatTime } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { RowAction } from '../../ui/RowAction';
import { downloadPackage } from './download';
import { useOnlineExchange } from './OnlineExchange';
import { countsSummary, kindLabel } from './package-labels';
import { RewriteModal } from './RewriteModal';

type Direction = 'all' | 'in' | 'out';

/** Inbound rows count new/changed/unchanged; outbound rows count records per kind. */
function Counts({ counts }: { counts: Record<string, KindCount | number> }) {
  const values = Object.values(counts);
  if (values.length === 0 || values.every((c) => typeof c === 'number')) return <>{countsSummary(counts)}</>;
  const sum = values.reduce<KindCount>((a, c) => (typeof c === 'number' ? a : { new: a.new + c.new, changed: a.changed + c.changed, unchanged: a.unchanged + c.unchanged }), {
    new: 0,
    changed: 0,
    unchanged: 0,
  });
  return (
    <div style={{ lineHeight: 1.6 }}>
      <div>
        新增 <Typography.Text type={sum.new ? 'success' : 'secondary'}>{sum.new}</Typography.Text>
      </div>
      <div>
        变更 <Typography.Text type={sum.changed ? 'warning' : 'secondary'}>{sum.changed}</Typography.Text>
      </div>
      <div>
        未变 <Typography.Text type="secondary">{sum.unchanged}</Typography.Text>
      </div>
    </div>
  );
}

/** The stored text is “已验证（keyId）” or “未签名”. */
function SignatureCell({ signature }: { signature: string }) {
  const m = /^已验证（(.+)）$/.exec(signature);
  if (m)
    return (
      <Tooltip title={`密钥编号 ${m[1]}`}>
        <Tag color="success">已验证</Tag>
      </Tooltip>
    );
  return <Tag>{signature}</Tag>;
}

/** Every package in and out: when, what, from whom, how many, who did it, and its fingerprint. */
export function HistoryPage() {
  const { message } = AntApp.useApp();
  const api = useApi();
  const navigate = useNavigate();
  const settings = useOp('settings.get', {});
  const [direction, setDirection] = useState<Direction>('all');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const history = useOp('packages.history', { ...(direction === 'all' ? {} : { direction }), page, pageSize });
  const [rewriting, setRewriting] = useState<HistoryRow | null>(null);
  const exchange = useOnlineExchange();

  const download = async (row: HistoryRow) => {
    try {
      await downloadPackage(api, row.id);
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  return (
    <>
      <PageHeader
        title="交换记录"
        description="与平台往来的每一个数据包：导入的和生成的。导出的数据包保存在数据目录的 outbox 文件夹中，可以随时再下载或写到 U 盘。"
        extra={
          <Space>
            <Button icon={<ImportOutlined />} onClick={() => void navigate('/packages/import')}>
              导入数据包
            </Button>
            <Button icon={<ExportOutlined />} onClick={() => void navigate('/packages/export')}>
              生成数据包
            </Button>
            {settings.data?.onlineExchange && exchange.button}
          </Space>
        }
      />
      {exchange.panel}
      <QueryError error={history.error} />
      <Flex style={{ marginBottom: 16 }}>
        <Segmented<Direction>
          value={direction}
          onChange={(v) => (setDirection(v), setPage(1))}
          options={[
            { value: 'all', label: '全部' },
            { value: 'in', label: '导入' },
            { value: 'out', label: '导出' },
          ]}
          aria-label="方向"
        />
      </Flex>
      <Table<HistoryRow>
        rowKey="id"
        size="middle"
        loading={history.isPending}
        dataSource={history.data?.items}
        locale={{ emptyText: '还没有交换过数据包。导入平台下发的数据包，或生成本院校的数据包后，会记录在这里。' }}
        pagination={{
          current: page,
          pageSize,
          total: history.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => `共 ${t} 条`,
          onChange: (p, s) => (setPage(p), setPageSize(s)),
        }}
        columns={[
          {
            title: '时间',
            dataIndex: 'processedAt',
            width: 104,
            render: (t: string) => {
              const [date, time] = formatTime(t).split(' ');
              return (
                <>
                  <div>{date}</div>
                  <Typography.Text type="secondary">{time}</Typography.Text>
                </>
              );
            },
          },
          {
            title: '方向',
            dataIndex: 'direction',
            width: 76,
            render: (d: HistoryRow['direction'], r) => (
              <Flex vertical gap={4} align="flex-start">
                {d === 'in' ? <Tag color="blue">导入</Tag> : <Tag color="green">导出</Tag>}
                {r.uploadedAt && (
                  <Tooltip title={`已于 ${formatTime(r.uploadedAt)} 上传到平台`}>
                    <Tag>已上传</Tag>
                  </Tooltip>
                )}
              </Flex>
            ),
          },
          { title: '数据类型', dataIndex: 'kinds', width: 130, render: (kinds: string[]) => kinds.map(kindLabel).join('、') },
          { title: '序号', dataIndex: 'sequence', width: 60, align: 'right' },
          { title: '发送方', dataIndex: 'senderName', width: 150 },
          { title: '数量', dataIndex: 'counts', width: 120, render: (c: Record<string, KindCount | number>) => <Counts counts={c} /> },
          { title: '操作人', dataIndex: 'actor', width: 90 },
          { title: '签名', dataIndex: 'signature', width: 90, render: (sig: string) => <SignatureCell signature={sig} /> },
          {
            title: '文件',
            key: 'file',
            render: (_, r) => (
              <>
                <div style={{ wordBreak: 'break-all', fontSize: 13 }}>{r.fileName}</div>
                <Typography.Text type="secondary" copyable={{ text: r.fileHash, tooltips: ['复制 SHA-256', '已复制'] }} style={{ fontSize: 12, fontFamily: 'monospace' }}>
                  {r.fileHash.slice(0, 12)}
                </Typography.Text>
              </>
            ),
          },
          {
            title: '操作',
            key: 'actions',
            width: 116,
            render: (_, r) =>
              r.direction === 'out' ? (
                r.canRewrite ? (
                  <Flex vertical gap={2} align="flex-start" style={{ whiteSpace: 'nowrap' }}>
                    <RowAction onClick={() => void download(r)}>下载</RowAction>
                    <RowAction onClick={() => setRewriting(r)}>写到文件夹…</RowAction>
                  </Flex>
                ) : (
                  <Typography.Text type="secondary">文件已不在</Typography.Text>
                )
              ) : null,
          },
        ]}
      />
      {rewriting && <RewriteModal row={rewriting} onClose={() => setRewriting(null)} />}
    </>
  );
}
