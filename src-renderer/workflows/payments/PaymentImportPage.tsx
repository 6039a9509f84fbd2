import { App as AntApp, Descriptions, Flex, Form, Radio, Select, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import type { PaymentImportPreview, PaymentImportResult } from '../../../src-shared/api/payments';
import { formatYuan, groupLabel, PAYMENT_BASES, PAYMENT_BASIS_LABELS, type PaymentBasis, type PaymentGroup } from '../../../src-shared/domain/payment';
import { PAYMENT_COLUMNS } from '../../../src-shared/domain/payment-template';
import { useApi, useOp } from '../../api/hooks';
import { CountCards } from '../../ui/CountCards';
import { ImportWizard } from '../../ui/import-flow/ImportWizard';
import { RefusedRowsAlert } from '../../ui/import-flow/preview-pieces';
import { ColumnList, SheetDropZone, TemplateButton } from '../../ui/import-flow/sheet-chooser';
import { useImportFlow } from '../../ui/import-flow/use-import-flow';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { IssuesTable } from '../../ui/import-flow/IssuesTable';
import { PAYMENT_QUERIES } from './payment-status';

/**
 * 导入缴费单: the platform's two templates (按报考证书 / 按报考科目), one plan at a time: choose →
 * check (a job) → preview → 生成缴费单 (a job) → done. The accepted rows become one order;
 * refused rows are listed with their reasons and never land.
 */
export function PaymentImportPage() {
  const api = useApi();
  const { message } = AntApp.useApp();
  const [planCode, setPlanCode] = useState<string | undefined>();
  const [basis, setBasis] = useState<PaymentBasis>('subject');
  const flow = useImportFlow<PaymentImportPreview, PaymentImportResult>({
    check: (fileId) => api.call('payments.importPreview', { fileId, planCode: planCode!, basis }),
    commit: (fileId, preview) => api.call('payments.importCommit', { fileId, planCode: preview.planCode, basis: preview.basis, fileHash: preview.fileHash }),
    invalidates: PAYMENT_QUERIES,
    onCancelledCommit: () => message.info('已取消，没有生成缴费单'),
  });

  return (
    <>
      <PageHeader title="导入缴费单" description="按平台的模板填写本次要缴费的报考记录（按报考证书：每个证书一行；按报考科目：每个科目一行），检查无误后生成一张缴费单。" />
      <ImportWizard
        flow={flow}
        commitLabel="生成缴费单"
        what="缴费单"
        choose={<Choose planCode={planCode} basis={basis} onPlan={setPlanCode} onBasis={setBasis} onFile={(f) => void flow.start(f)} />}
        preview={(preview, jobId) => ({
          summary: commitSummary(preview),
          canCommit: preview.lineCount > 0,
          errorTitle: '没有生成缴费单',
          body: <PreviewView preview={preview} jobId={jobId} />,
        })}
        done={(result) => ({
          title: `已生成缴费单 ${result.order.orderNo}`,
          subTitle: `${result.order.lineCount} 条，应缴金额 ¥${formatYuan(result.order.amountFen)} 元${result.counts.refused ? `；退回的 ${result.counts.refused} 行没有写入` : ''}。`,
          links: [{ label: '返回缴费管理', to: '/payments' }],
        })}
      />
    </>
  );
}

function commitSummary(p: PaymentImportPreview): string {
  const unit = p.basis === 'certificate' ? '人' : '科次';
  if (p.lineCount === 0) return '没有可以生成缴费单的行：请先改正错误。';
  return `将生成一张缴费单：${p.lineCount} ${unit}，应缴金额 ¥${formatYuan(p.amountFen)} 元${p.counts.refused ? `；退回的 ${p.counts.refused} 行不会写入` : ''}。`;
}

function PreviewView({ preview, jobId }: { preview: PaymentImportPreview; jobId: string }) {
  const unit = preview.basis === 'certificate' ? '人' : '科次';
  const groups = (
    <Table<PaymentGroup>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={preview.groups}
      columns={[
        { title: preview.basis === 'certificate' ? '报考证书（等级）' : '报考科目', key: 'label', render: (_, g) => groupLabel(g) },
        { title: '数量', dataIndex: 'count', width: 90, align: 'right', render: (n: number) => `${n} ${unit}` },
        { title: '收费标准（元）', dataIndex: 'feeFen', width: 130, align: 'right', render: formatYuan },
        { title: '小计（元）', dataIndex: 'subtotalFen', width: 130, align: 'right', render: formatYuan },
      ]}
    />
  );
  return (
    <Flex vertical gap={16}>
      <Descriptions
        size="small"
        column={2}
        items={[
          { key: 'file', label: '表格', children: preview.fileName },
          { key: 'plan', label: '考试计划', children: `${preview.planName}（${preview.planCode}）` },
          { key: 'basis', label: '生成方式', children: PAYMENT_BASIS_LABELS[preview.basis] },
          { key: 'header', label: '表头', children: `第 ${preview.headerRow} 行` },
        ]}
      />
      <CountCards
        unit="行"
        items={[
          { key: 'new', label: '可生成缴费单', value: preview.counts.new, color: 'var(--ant-color-success)' },
          { key: 'refused', label: '退回', value: preview.counts.refused, color: 'var(--ant-color-error)' },
        ]}
      />
      <RefusedRowsAlert
        count={preview.counts.refused}
        jobId={jobId}
        file={preview.refusedFile}
        title={`有 ${preview.counts.refused} 行有错误，不会写入缴费单`}
        description="其余的行可以先生成缴费单。下载退回的行（每行附错误原因），改正后再导入即可。"
      />
      <Tabs
        items={[
          { key: 'groups', label: `缴费单内容（${preview.lineCount} ${unit}）`, children: groups },
          ...(preview.errors.length ? [{ key: 'errors', label: `错误（${preview.errors.length}）`, children: <IssuesTable issues={preview.errors} label="错误" /> }] : []),
        ]}
      />
    </Flex>
  );
}

function Choose({
  planCode,
  basis,
  onPlan,
  onBasis,
  onFile,
}: {
  planCode: string | undefined;
  basis: PaymentBasis;
  onPlan: (code: string) => void;
  onBasis: (b: PaymentBasis) => void;
  onFile: (file: File) => void;
}) {
  const api = useApi();
  const plans = useOp('payments.plans', {});
  const plan = plans.data?.find((p) => p.code === planCode);

  return (
    <Flex vertical gap={24} style={{ maxWidth: 760, margin: '0 auto' }}>
      <QueryError error={plans.error} />
      <section aria-label="第一步">
        <Typography.Title level={5}>1. 选择考试计划和生成方式，下载模板</Typography.Title>
        <Form layout="vertical">
          <Form.Item label="考试计划" required>
            <Select
              value={planCode}
              onChange={(code: string) => {
                onPlan(code);
                const next = plans.data?.find((p) => p.code === code);
                if (next?.basis) onBasis(next.basis);
              }}
              placeholder="请选择考试计划"
              loading={plans.isPending}
              options={(plans.data ?? []).map((p) => ({ value: p.code, label: `${p.name}（未生成缴费单 ${p.open} 条）` }))}
              aria-label="考试计划"
              autoFocus
            />
          </Form.Item>
          <Form.Item label="生成方式" extra={plan?.basis ? `本考试计划已${PAYMENT_BASIS_LABELS[plan.basis]}生成过缴费单。` : undefined}>
            <Radio.Group
              value={basis}
              onChange={(e) => onBasis(e.target.value as PaymentBasis)}
              optionType="button"
              aria-label="生成方式"
              options={PAYMENT_BASES.map((b) => ({ value: b, label: PAYMENT_BASIS_LABELS[b], disabled: Boolean(plan?.basis && plan.basis !== b) }))}
            />
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary">
          {PAYMENT_BASIS_LABELS[basis]}模板的列：
          <ColumnList columns={PAYMENT_COLUMNS[basis]} />
          {basis === 'subject' ? '（科目编码或报考科目至少填一项）' : ''}。下载的模板已列出本计划尚未缴费、也不在其他缴费单中的报考记录，删去这次不缴费的行即可。
        </Typography.Paragraph>
        <TemplateButton load={() => api.call('payments.template', { planCode: planCode!, basis })} disabled={!planCode} />
      </section>
      <section aria-label="第二步">
        <Typography.Title level={5}>2. 选择填好的表格</Typography.Title>
        <SheetDropZone label="选择缴费单表格" onFile={onFile} disabled={!planCode} disabledText="请先选择考试计划" after="生成缴费单" />
      </section>
    </Flex>
  );
}
