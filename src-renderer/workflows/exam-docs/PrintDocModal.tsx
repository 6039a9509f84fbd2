import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Checkbox, Flex, Modal, Result, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ExamDocFileResult, ExamDocKindName, TicketZipFileResult } from '../../../src-shared/api/exam-docs';
import type { JobInfo } from '../../../src-shared/api/jobs';
import { useApi } from '../../api/hooks';
import { JobProgress } from '../../ui/JobProgress';
import { openJobFile, useJobFileSaver } from '../../ui/job-files';

/** The documents printed per room sitting, in the order their buttons stand. */
export const ROOM_DOCS = [
  { kind: 'signin', label: '签到表' },
  { kind: 'desk', label: '桌贴' },
  { kind: 'door', label: '门贴' },
] as const;

/** What to print: one of the documents as a PDF, or the tickets as a ZIP; `selection` as `examDocSelection` takes it. */
export interface PrintRequest {
  kind: ExamDocKindName | 'zip';
  /** The modal's title: 打印签到表（13号机房 08:30）. */
  title: string;
  selection: { planCode: string; scheduleRoomId?: number; roomId?: number; sessionId?: number; date?: string };
  /** A sign-in sheet's 含照片, ticked to begin with. */
  photos?: boolean;
}

type Done = ExamDocFileResult | TicketZipFileResult;

/**
 * The document made by a job with its progress; once made, a PDF opens at once ready to print
 * (a new tab in the browser mode), a ZIP is offered to save. When the browser blocked the tab
 * (the job outlived the click), the button opens it. A sign-in sheet first asks whether to print
 * the candidates' photos (含照片); the other documents have no choice and start at once.
 */
export function PrintDocModal({ request, onClose }: { request: PrintRequest; onClose: () => void }) {
  const api = useApi();
  const { message } = AntApp.useApp();
  const [job, setJob] = useState<JobInfo<Done> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);
  const [photos, setPhotos] = useState(request.photos ?? false);
  const [begun, setBegun] = useState(false);
  const { saving, save } = useJobFileSaver();
  const started = useRef(false);
  const zip = request.kind === 'zip';
  const asks = request.kind === 'signin';

  const begin = useCallback(
    (withPhotos: boolean) => {
      if (started.current) return;
      started.current = true;
      setBegun(true);
      const call: Promise<JobInfo<Done>> =
        request.kind === 'zip'
          ? api.call('examDocs.ticketZip', request.selection)
          : api.call('examDocs.render', { ...request.selection, kind: request.kind, ...(withPhotos ? { photos: true } : {}) });
      call.then(setJob, (e: unknown) => setError((e as Error).message));
    },
    [api, request],
  );

  useEffect(() => {
    if (!asks) begin(false);
  }, [asks, begin]);

  const open = async (id: string) => {
    setOpening(true);
    try {
      if (!(await openJobFile(api, id, 'pdf'))) message.info('浏览器拦截了新标签页：请点击“打开 PDF”。');
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setOpening(false);
    }
  };

  const finished = (j: JobInfo<Done>) => {
    setJob(j);
    if (j.state !== 'done') return;
    if (zip) void save(j.id, 'zip');
    else void open(j.id);
  };

  let body: ReactNode = <Spin />;
  if (asks && !begun)
    body = (
      <Flex vertical gap={12}>
        <div>
          <Checkbox checked={photos} onChange={(e) => setPhotos(e.target.checked)}>
            含照片
          </Checkbox>
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0 24px' }}>
            每位考生的照片印在签名旁，供核对本人；页数会多一些。
          </Typography.Paragraph>
        </div>
        <Flex justify="flex-end">
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => begin(photos)} autoFocus>
            生成签到表
          </Button>
        </Flex>
      </Flex>
    );
  else if (error) body = <Alert type="error" showIcon title="无法生成文档" description={error} />;
  else if (job && job.state !== 'done') body = <JobProgress job={job} onFinished={finished} />;
  else if (job?.result) {
    const r = job.result;
    const summary =
      'pages' in r
        ? `${r.fileName}：${r.count} ${r.kind === 'tickets' ? '张准考证' : '个考场场次'}，共 ${r.pages} 页${r.withoutPhoto ? `，${r.withoutPhoto} 处没有照片` : ''}。A4 纸打印。`
        : `${r.fileName}：${r.files} 位考生的准考证，每人一个 PDF${r.withoutPhoto ? `，${r.withoutPhoto} 位没有照片` : ''}。`;
    body = (
      <Result
        status="success"
        title="文档已生成"
        subTitle={summary}
        extra={
          <Space>
            {!zip && (
              <Button type="primary" icon={<PrinterOutlined />} loading={opening} onClick={() => void open(job.id)} autoFocus>
                打开 PDF
              </Button>
            )}
            <Button type={zip ? 'primary' : 'default'} icon={<DownloadOutlined />} loading={saving} onClick={() => void save(job.id, zip ? 'zip' : 'pdf')}>
              {zip ? '再次下载 ZIP' : '下载 PDF'}
            </Button>
          </Space>
        }
      />
    );
  }
  return (
    <Modal open title={request.title} footer={null} onCancel={onClose} destroyOnHidden>
      {body}
    </Modal>
  );
}

/** A print modal for a page: `print(request)` opens it, `modal` goes into the page. */
export function usePrintDoc(onOpenChange?: (open: boolean) => void): { print: (r: PrintRequest) => void; modal: ReactNode } {
  const [request, setRequest] = useState<PrintRequest | null>(null);
  const print = (r: PrintRequest) => {
    onOpenChange?.(true);
    setRequest(r);
  };
  const close = () => {
    setRequest(null);
    onOpenChange?.(false);
  };
  return { print, modal: request && <PrintDocModal request={request} onClose={close} /> };
}
