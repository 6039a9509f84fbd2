import { DownloadOutlined, ExportOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Checkbox, Descriptions, Form, Input, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { JobInfo } from '../../../src-shared/api/jobs';
import type { ExportResult } from '../../../src-shared/api/packages';
import { isOutboundKind, OUTBOUND_KINDS, PACKAGE_KINDS } from '../../../src-shared/domain/package-kinds';
import type { AppError } from '../../../src-shared/errors';
import { useApi, useOpMutation } from '../../api/hooks';
import { formatBytes } from '../../ui/format';
import { JobProgress } from '../../ui/JobProgress';
import { PageHeader } from '../../ui/PageHeader';
import { downloadPackage } from './download';
import { countsSummary } from './package-labels';

interface ExportForm {
  kinds: string[];
  folder?: string;
  /** 考生信息: also candidates who cannot enroll yet. */
  includeIncomplete?: boolean;
}

/** 生成数据包: what this site sends the platform, written to the outbox and, if asked, a folder (a USB stick). */
export function ExportPage() {
  const { message } = AntApp.useApp();
  const api = useApi();
  const navigate = useNavigate();
  // A workflow's page links here with its kind chosen (?kinds=invigilators).
  const [params] = useSearchParams();
  const preselected = (params.get('kinds') ?? '').split(',').filter(isOutboundKind);
  const queryClient = useQueryClient();
  const start = useOpMutation('packages.export');
  const [form] = Form.useForm<ExportForm>();
  const [job, setJob] = useState<JobInfo<ExportResult> | null>(null);
  const [result, setResult] = useState<ExportResult | null>(null);
  const running = job !== null && !job.finishedAt;

  const submit = async (v: ExportForm) => {
    setResult(null);
    form.setFields([{ name: 'folder', errors: [] }]);
    try {
      const includeIncomplete = v.kinds.includes('candidates') && v.includeIncomplete === true;
      setJob(await start.mutateAsync({ kinds: v.kinds, ...(v.folder?.trim() ? { folder: v.folder.trim() } : {}), ...(includeIncomplete ? { includeIncomplete } : {}) }));
    } catch (e) {
      const err = e as AppError;
      if (err.details?.field === 'folder') form.setFields([{ name: 'folder', errors: [err.message] }]);
      else message.error(err.message);
    }
  };

  const download = async (historyId: number) => {
    try {
      await downloadPackage(api, historyId);
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  return (
    <>
      <PageHeader title="生成数据包" description="把本院校的数据打包，交给平台（用 U 盘拷贝，或在线交换）。每个数据包都带一份汇总表（summary.xlsx），打开即可核对内容。" />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Form<ExportForm>
            form={form}
            layout="vertical"
            onFinish={submit}
            initialValues={{ kinds: preselected, folder: '' }}
            onValuesChange={(changed: Partial<ExportForm>) => 'folder' in changed && form.setFields([{ name: 'folder', errors: [] }])}
            style={{ maxWidth: 640 }}
            disabled={running}
          >
            <Form.Item label="包含的数据" name="kinds" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一种数据' }]}>
              <Checkbox.Group options={OUTBOUND_KINDS.map((k) => ({ value: k, label: PACKAGE_KINDS[k].label }))} />
            </Form.Item>
            <Form.Item noStyle dependencies={['kinds']}>
              {() =>
                (form.getFieldValue('kinds') as string[] | undefined)?.includes('candidates') && (
                  <Form.Item
                    name="includeIncomplete"
                    valuePropName="checked"
                    extra="默认只发送信息完整、有照片并通过实名认证的考生。第一次发送考生（平台还没有做实名认证）时请勾选。"
                  >
                    <Checkbox>包括信息不完整的考生</Checkbox>
                  </Form.Item>
                )
              }
            </Form.Item>
            <Form.Item
              label="保存到文件夹"
              name="folder"
              extra="填写本机上完整的文件夹路径，例如 U 盘 E:\ 或 /media/usb。留空则只保存在数据目录的 outbox 文件夹中，之后可在“交换记录”中下载或写到文件夹。"
            >
              <Input placeholder="留空：保存在数据目录的 outbox 文件夹" autoComplete="off" />
            </Form.Item>
            <Button type="primary" htmlType="submit" icon={<ExportOutlined />} loading={start.isPending || running}>
              生成
            </Button>
          </Form>
        </Card>
        {job && (
          <Card>
            <JobProgress
              job={job}
              onFinished={(j) => {
                setJob(j);
                void queryClient.invalidateQueries({ queryKey: ['packages.history'] });
                if (j.state === 'done' && j.result) setResult(j.result);
              }}
            />
            {result && (
              <Result
                status="success"
                title="数据包已生成"
                subTitle={result.fileName}
                extra={[
                  <Button key="download" type="primary" icon={<DownloadOutlined />} onClick={() => void download(result.historyId)}>
                    下载
                  </Button>,
                  <Button key="history" onClick={() => void navigate('/packages/history')}>
                    查看交换记录
                  </Button>,
                ]}
              >
                <Descriptions
                  size="small"
                  column={1}
                  style={{ maxWidth: 720, margin: '0 auto' }}
                  items={[
                    { key: 'path', label: '保存位置', children: <Typography.Text copyable>{result.path}</Typography.Text> },
                    { key: 'seq', label: '序号', children: `第 ${result.sequence} 号` },
                    { key: 'counts', label: '包含', children: countsSummary(result.counts) },
                    { key: 'size', label: '大小', children: formatBytes(result.size) },
                    { key: 'hash', label: '文件指纹', children: <Typography.Text copyable={{ text: result.fileHash }} code>{`${result.fileHash.slice(0, 16)}…`}</Typography.Text> },
                  ]}
                />
              </Result>
            )}
          </Card>
        )}
      </Space>
    </>
  );
}
