import { ArrowRightOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Result, Space, Typography } from 'antd';
import { Fragment, type CSSProperties, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useJobFileSaver } from '../job-files';
import { CommitBar } from './panels';

/** The refused rows: how many, that the rest can go ahead, and their workbook (each row with its reason). */
export function RefusedRowsAlert({
  count,
  jobId,
  file,
  title,
  description,
  style,
}: {
  count: number;
  jobId: string;
  file: string | null;
  title?: string;
  description?: string;
  style?: CSSProperties;
}) {
  const { saving, save } = useJobFileSaver();
  if (count === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={style}
      title={title ?? `有 ${count} 行有错误，导入时会被退回`}
      description={description ?? '其余的行可以先导入。下载退回的行（每行附错误原因），在 Excel 中改正后，再导入即可。'}
      action={
        file && (
          <Button icon={<DownloadOutlined />} onClick={() => void save(jobId, file)} loading={saving}>
            下载退回的行
          </Button>
        )
      }
    />
  );
}

const shown = (v: unknown) => (v === null || v === undefined || v === '' ? '（空）' : String(v));

/** A row's changed fields as old → new: only those are written. */
export function ChangesCell({ changes }: { changes: readonly { field: string; old: unknown; new: unknown }[] }) {
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: 12, rowGap: 2 }}>
      {changes.map((c) => (
        <Fragment key={c.field}>
          <Typography.Text type="secondary">{c.field}</Typography.Text>
          <Flex gap={6} align="baseline" wrap>
            <Typography.Text delete type="secondary">
              {shown(c.old)}
            </Typography.Text>
            <ArrowRightOutlined style={{ fontSize: 11, color: 'var(--ant-color-text-tertiary)' }} />
            <Typography.Text strong>{shown(c.new)}</Typography.Text>
          </Flex>
        </Fragment>
      ))}
    </div>
  );
}

/** The preview step: what was found, a failed commit's reason, and the bar that commits it or starts over. */
export function PreviewCommit({
  children,
  error,
  errorTitle = '导入失败，数据没有改动',
  summary,
  commitLabel,
  canCommit,
  danger,
  onRestart,
  onCommit,
}: {
  children: ReactNode;
  error: { message: string } | null | undefined;
  errorTitle?: string;
  summary: string;
  commitLabel: string;
  canCommit: boolean;
  /** The commit removes data (批量删除): shown as a danger button. */
  danger?: boolean;
  onRestart: () => void;
  onCommit: () => void;
}) {
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {children}
      {error && <Alert type="error" showIcon title={errorTitle} description={error.message} />}
      <CommitBar summary={<Typography.Text>{summary}</Typography.Text>}>
        <Space>
          <Button onClick={onRestart}>重新选择</Button>
          <Button type="primary" danger={danger} disabled={!canCommit} onClick={onCommit}>
            {commitLabel}
          </Button>
        </Space>
      </CommitBar>
    </Space>
  );
}

/** The done step: what was written, where to see it, and another sheet. */
export function ImportDone({ title, subTitle, links, onAgain }: { title: string; subTitle: string; links: { label: string; to: string }[]; onAgain: () => void }) {
  const navigate = useNavigate();
  return (
    <Result
      status="success"
      title={title}
      subTitle={subTitle}
      extra={[
        ...links.map((l, i) => (
          <Button key={l.to} type={i === 0 ? 'primary' : 'default'} onClick={() => void navigate(l.to)}>
            {l.label}
          </Button>
        )),
        <Button key="again" onClick={onAgain}>
          再导入一个表格
        </Button>,
      ]}
    />
  );
}
