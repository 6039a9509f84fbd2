import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Form, Input, Modal, Radio, Typography } from 'antd';
import { useCallback, useRef, useState } from 'react';
import type { IssuanceList, IssuanceRow } from '../../../src-shared/api/issuance';
import { IRREVERSIBLE_NOTICE, ISSUANCE_DECISION_LABELS, MAX_REFUSAL_REASON, type IssuanceDecision } from '../../../src-shared/domain/issuance';
import type { AppError } from '../../../src-shared/errors';
import { useApi } from '../../api/hooks';
import { SignatureField, type SignatureHandle } from './SignatureField';

interface DecideForm {
  decision: IssuanceDecision;
  reason?: string;
  password: string;
}

const named = (rows: IssuanceRow[]) => {
  const shown = rows.slice(0, 3).map((r) => `${r.name}（${r.certificateName}${r.level}）`);
  return rows.length > 3 ? `${shown.join('、')} 等 ${rows.length} 条` : shown.join('、');
};

/**
 * 签发 one or many records in one sitting: 确认签发 or 不予签发 (with its reason), the password
 * typed again and a signature drawn on screen, then one last confirmation that it cannot be
 * undone. The server checks all of it again; nothing is decided unless all of it holds.
 */
export function DecideModal({
  rows,
  decision: initial,
  inPublicity,
  onClose,
  onDone,
}: {
  rows: IssuanceRow[];
  decision: IssuanceDecision;
  inPublicity: IssuanceList['inPublicity'];
  onClose: () => void;
  onDone: () => void;
}) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { modal, message } = AntApp.useApp();
  const [form] = Form.useForm<DecideForm>();
  const decision = Form.useWatch('decision', form) ?? initial;
  const signature = useRef<SignatureHandle>(null);
  const [signatureError, setSignatureError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onSignatureChange = useCallback((empty: boolean) => {
    if (!empty) setSignatureError(null);
  }, []);
  const notConfirmable = rows.filter((r) => !r.confirmable);
  const chosenPlans = new Set(rows.map((r) => r.planCode));
  const stillPublic = inPublicity.filter((p) => chosenPlans.has(p.planCode));

  const submit = async (v: DecideForm) => {
    setError(null);
    if (!signature.current || signature.current.isEmpty()) return setSignatureError('请先在签名板上手写签名');
    const label = ISSUANCE_DECISION_LABELS[v.decision];
    const ok = await modal.confirm({
      title: `${label} ${rows.length} 条证书发放记录？`,
      content: `${v.decision === 'confirmed' ? IRREVERSIBLE_NOTICE : '不予签发后，须由培训评价组织处理好再重新发起签发。一旦完成操作，不可撤回。'}`,
      okText: `确定${label}`,
      okButtonProps: v.decision === 'refused' ? { danger: true } : {},
      cancelText: '再看看',
    });
    if (!ok) return;
    setBusy(true);
    try {
      const done = await api.call('issuance.decide', {
        recordIds: rows.map((r) => r.recordId),
        decision: v.decision,
        ...(v.decision === 'refused' ? { reason: v.reason ?? '' } : {}),
        password: v.password,
        signaturePng: signature.current.pngBase64(),
      });
      message.success(`已${label} ${done.decided} 条记录`);
      await queryClient.invalidateQueries({ queryKey: ['issuance.list'] });
      onDone();
    } catch (e) {
      const err = e as AppError;
      if (err.details?.field === 'password') form.setFields([{ name: 'password', value: '', errors: [err.message] }]);
      else if (err.details?.field === 'signature') setSignatureError(err.message);
      else setError(err.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={640}
      title="签发证书"
      okText={decision === 'refused' ? '不予签发' : '确认签发'}
      okButtonProps={{ danger: decision === 'refused', loading: busy, disabled: decision === 'confirmed' && notConfirmable.length > 0 }}
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
    >
      <Typography.Paragraph>
        已选 {rows.length} 条：{named(rows)}
      </Typography.Paragraph>
      <Form<DecideForm> form={form} layout="vertical" initialValues={{ decision: initial }} onFinish={submit} disabled={busy}>
        <Form.Item name="decision" label="签发决定">
          <Radio.Group
            options={[
              { value: 'confirmed', label: '确认签发' },
              { value: 'refused', label: '不予签发' },
            ]}
          />
        </Form.Item>
        {decision === 'confirmed' && notConfirmable.length > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            title={`${named(notConfirmable)}按本地成绩计算未通过或成绩未齐，不能确认签发；请核对成绩，或选择“不予签发”并写明原因。`}
          />
        )}
        {decision === 'confirmed' &&
          stillPublic.map((p) => (
            <Alert
              key={p.planCode}
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={`“${p.planName}”的成绩公示至 ${p.end} 结束，公示期内成绩仍可能更正；确认签发即确认成绩准确无误。`}
            />
          ))}
        {decision === 'refused' && (
          <Form.Item name="reason" label="不予签发原因" rules={[{ required: true, whitespace: true, message: '请写明不予签发的原因' }]}>
            <Input.TextArea rows={3} maxLength={MAX_REFUSAL_REASON} showCount placeholder="例如：考生身份信息有误，请培训评价组织核实后重新发起签发" />
          </Form.Item>
        )}
        <Form.Item name="password" label="再次输入负责人登录密码" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item label="手写签名" required validateStatus={signatureError ? 'error' : ''} help={signatureError ?? undefined}>
          <SignatureField ref={signature} onChange={onSignatureChange} disabled={busy} />
        </Form.Item>
      </Form>
      <Alert type="warning" showIcon title={IRREVERSIBLE_NOTICE} />
      {error && <Alert type="error" showIcon style={{ marginTop: 12 }} title={error} />}
    </Modal>
  );
}
