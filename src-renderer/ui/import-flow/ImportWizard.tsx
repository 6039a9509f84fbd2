import { Card } from 'antd';
import type { ReactNode } from 'react';
import { CheckingPanel, CommittingPanel, ImportSteps, NothingWritten } from './panels';
import { ImportDone, PreviewCommit } from './preview-pieces';
import type { ImportFlow } from './use-import-flow';

export interface WizardPreview {
  summary: string;
  canCommit: boolean;
  body: ReactNode;
  /** The alert's title when the commit fails (default: PreviewCommit's own). */
  errorTitle?: string;
  /** The commit removes data: a red button. */
  danger?: boolean;
}

export interface WizardDone {
  title: string;
  subTitle: string;
  links: { label: string; to: string }[];
}

interface Props<P, R> {
  flow: ImportFlow<P, R>;
  /** The commit step's name and button (导入, 生成缴费单, …). */
  commitLabel: string;
  /** What a refused file leaves untouched (数据, 报考, …). */
  what: string;
  /** Step 1: the template and the file chooser. */
  choose: ReactNode;
  preview(preview: P, checkJobId: string): WizardPreview;
  done(result: R, preview: P): WizardDone;
}

/**
 * The frame every import page shares — 选择表格 → 检查 → 预览 → commit → 完成 — around the flow
 * of useImportFlow; a page brings only its chooser, its preview and its words.
 */
export function ImportWizard<P, R>({ flow, commitLabel, what, choose, preview, done }: Props<P, R>) {
  const { stage } = flow;
  const shown = stage.step === 'preview' ? preview(stage.preview, stage.checkJobId) : null;
  const finished = stage.step === 'done' ? done(stage.result, stage.preview) : null;
  return (
    <Card>
      <ImportSteps stage={stage} titles={['选择表格', '检查', '预览', stage.step === 'done' ? '完成' : commitLabel]} />
      {stage.step === 'choose' && choose}
      {stage.step === 'checking' && <CheckingPanel job={stage.job} fileName={stage.fileName} onFinished={flow.checked} />}
      {stage.step === 'refused' && <NothingWritten message={stage.error.message} fileName={stage.fileName} what={what} retryLabel="重新选择表格" onRetry={flow.restart} />}
      {stage.step === 'preview' && shown && (
        <PreviewCommit
          error={stage.error}
          errorTitle={shown.errorTitle}
          summary={shown.summary}
          commitLabel={commitLabel}
          canCommit={shown.canCommit}
          danger={shown.danger}
          onRestart={flow.restart}
          onCommit={() => void flow.commit()}
        >
          {shown.body}
        </PreviewCommit>
      )}
      {stage.step === 'committing' && <CommittingPanel job={stage.job} onFinished={(j) => void flow.committed(j)} />}
      {finished && <ImportDone title={finished.title} subTitle={finished.subTitle} links={finished.links} onAgain={flow.restart} />}
    </Card>
  );
}
