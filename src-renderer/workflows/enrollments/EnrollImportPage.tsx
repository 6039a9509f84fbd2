import { App as AntApp, Descriptions, Flex, Result, Segmented, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import type { EnrollImportPreview, EnrollImportResult } from '../../../src-shared/api/enrollments';
import { ENROLL_COLUMNS } from '../../../src-shared/domain/enrollment-columns';
import { ENROLL_SHEET_LABELS, type EnrollSheet } from '../../../src-shared/domain/enrollment';
import { useApi } from '../../api/hooks';
import { CountCards } from '../../ui/CountCards';
import { ImportWizard } from '../../ui/import-flow/ImportWizard';
import { RefusedRowsAlert } from '../../ui/import-flow/preview-pieces';
import { ColumnList, SheetDropZone, TemplateButton } from '../../ui/import-flow/sheet-chooser';
import { useImportFlow } from '../../ui/import-flow/use-import-flow';
import { PageHeader } from '../../ui/PageHeader';
import { IssuesTable } from '../../ui/import-flow/IssuesTable';
import { ENROLLMENT_QUERIES } from './enrollment-queries';

type Purpose = 'enroll' | 'delete';

const TEXT: Record<Purpose, { title: string; description: string; commit: string; verb: string }> = {
  enroll: {
    title: '导入报考',
    description: '按平台的模板为考生批量报考：按证书报考该证书等级的全部科目，按科目只报考填写的科目。必须在考试计划的报名时间内完成。',
    commit: '导入报考',
    verb: '报考',
  },
  delete: {
    title: '批量删除报考',
    description: '导入错误需要重新导入时，按模板填写要删除的报考后导入即可删除。同样只能在考试计划的报名时间内进行；已确认缴费的报考不能删除。',
    commit: '删除报考',
    verb: '删除',
  },
};

function useSheetParam(purpose: Purpose): [EnrollSheet, (s: EnrollSheet) => void] {
  const [params, setParams] = useSearchParams();
  if (purpose === 'delete') return ['delete', () => {}];
  const sheet: EnrollSheet = params.get('mode') === 'subject' ? 'subject' : 'certificate';
  return [sheet, (s) => setParams(s === 'certificate' ? {} : { mode: s }, { replace: true })];
}

/**
 * 批量导入报考 / 批量删除报考 (the manual's 2.2.7): choose → check (a job: every row by the rules,
 * refused rows with their reasons) → preview → commit (a job, one transaction) → done.
 */
export function EnrollImportPage({ purpose }: { purpose: Purpose }) {
  const api = useApi();
  const { message } = AntApp.useApp();
  const [sheet, setSheet] = useSheetParam(purpose);
  const text = TEXT[purpose];
  const flow = useImportFlow<EnrollImportPreview, EnrollImportResult>({
    check: (fileId) => api.call('enrollments.importPreview', { fileId, sheet }),
    commit: (fileId, preview) => api.call('enrollments.importCommit', { fileId, sheet, fileHash: preview.fileHash }),
    invalidates: ENROLLMENT_QUERIES,
    onCancelledCommit: () => message.info('已取消，数据没有改动'),
  });
  const { stage } = flow;

  return (
    <>
      <PageHeader
        title={text.title}
        description={text.description}
        extra={
          purpose === 'enroll' && (
            <Segmented<EnrollSheet>
              value={sheet}
              onChange={setSheet}
              disabled={stage.step !== 'choose'}
              options={(['certificate', 'subject'] as const).map((s) => ({ value: s, label: ENROLL_SHEET_LABELS[s] }))}
              aria-label="报考方式"
            />
          )
        }
      />
      <ImportWizard
        flow={flow}
        commitLabel={text.commit}
        what="报考"
        choose={<Choose sheet={sheet} onFile={(f) => void flow.start(f)} />}
        preview={(preview, jobId) => ({
          summary: commitSummary(preview, text.verb),
          canCommit: preview.counts.accepted > 0,
          errorTitle: `${text.commit}失败，数据没有改动`,
          danger: purpose === 'delete',
          body: <PreviewView preview={preview} jobId={jobId} verb={text.verb} />,
        })}
        done={(result, preview) => ({
          title: `已${text.verb} ${result.written} 个科目（${result.counts.accepted} 行）`,
          subTitle: result.counts.refused > 0 ? `退回的 ${result.counts.refused} 行没有写入；改正后可以再导入。` : preview.fileName,
          links: [{ label: '查看报考名单', to: '/enrollments' }],
        })}
      />
    </>
  );
}

function commitSummary(p: EnrollImportPreview, verb: string): string {
  const { counts } = p;
  if (!counts.accepted) return '没有可以写入的行：请先改正错误。';
  return `将${verb} ${counts.accepted} 行（${counts.enrollments} 个科目），在一个事务中写入${counts.refused ? `；退回的 ${counts.refused} 行不会写入` : ''}。`;
}

function PreviewView({ preview, jobId, verb }: { preview: EnrollImportPreview; jobId: string; verb: string }) {
  const { counts } = preview;
  const tabs = [
    preview.errors.length > 0 && { key: 'errors', label: `错误（${preview.errors.length}）`, children: <IssuesTable issues={preview.errors} label="错误" /> },
    preview.warnings.length > 0 && { key: 'warnings', label: `提醒（${preview.warnings.length}）`, children: <IssuesTable issues={preview.warnings} label="提醒" /> },
  ].filter((t) => t !== false);
  return (
    <>
      <Descriptions
        size="small"
        column={3}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'file', label: '表格', children: preview.fileName },
          { key: 'sheet', label: '类型', children: ENROLL_SHEET_LABELS[preview.sheet] },
          { key: 'header', label: '表头', children: `第 ${preview.headerRow} 行` },
        ]}
      />
      <CountCards
        unit=""
        style={{ marginBottom: 16 }}
        items={[
          { key: 'accepted', label: `可${verb}（行）`, value: counts.accepted, color: 'var(--ant-color-success)' },
          { key: 'enrollments', label: `${verb}科目（个）`, value: counts.enrollments, color: 'var(--ant-color-primary)' },
          { key: 'refused', label: '退回（行）', value: counts.refused, color: 'var(--ant-color-error)' },
        ]}
      />
      <RefusedRowsAlert
        count={counts.refused}
        jobId={jobId}
        file={preview.refusedFile}
        style={{ marginBottom: 16 }}
        description="其余的行可以先导入。下载退回的行（每行附错误原因），在 Excel 中改正后再导入。"
      />
      {tabs.length > 0 ? <Tabs items={tabs} /> : <Result status="success" title="所有行都通过了检查" />}
    </>
  );
}

function Choose({ sheet, onFile }: { sheet: EnrollSheet; onFile: (file: File) => void }) {
  const api = useApi();
  return (
    <Flex vertical gap={24} style={{ maxWidth: 760, margin: '0 auto' }}>
      <section aria-label="第一步">
        <Typography.Title level={5}>1. 下载{ENROLL_SHEET_LABELS[sheet]}模板并填写</Typography.Title>
        <Typography.Paragraph type="secondary">
          模板的列：
          <ColumnList columns={ENROLL_COLUMNS[sheet]} />
          。考试计划、证书和科目可从下拉列表选择（来自本机导入的考试计划），身份证号和编号列已设为文本格式；“可报考的计划与科目”页列出每个科目的参考对象和本年度剩余指标。
        </Typography.Paragraph>
        <TemplateButton load={() => api.call('enrollments.template', { sheet })} />
      </section>
      <section aria-label="第二步">
        <Typography.Title level={5}>2. 选择填好的表格</Typography.Title>
        <SheetDropZone label="选择报考表格" onFile={onFile} />
      </section>
    </Flex>
  );
}
