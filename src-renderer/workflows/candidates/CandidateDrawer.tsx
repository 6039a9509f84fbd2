import { DeleteOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, AutoComplete, Button, Col, Divider, Drawer, Flex, Form, Input, InputNumber, Row, Select } from 'antd';
import { useMemo, useRef, useState } from 'react';
import type { CandidateRow } from '../../../src-shared/api/candidates';
import { CANDIDATE_KIND_LABELS, checkName, EDUCATION_LEVELS, pinyinOf, type CandidateKind } from '../../../src-shared/domain/candidate';
import { MAJOR_LEVELS } from '../../../src-shared/domain/catalog';
import type { AppError } from '../../../src-shared/errors';
import { useApi, useOp } from '../../api/hooks';
import { fieldErrors } from '../../ui/format';
import { useUnsavedForm } from '../../ui/use-unsaved-guard';
import { CandidatePhotoField } from './CandidatePhotoField';
import { entryYearRules, idNumberRules, nameRules, phoneRules, pinyinRules, requiredText } from './candidate-rules';
import { RealnameTag } from './CandidateTags';
import { CANDIDATE_QUERIES } from './candidate-queries';
import { confirmedMessage } from './realname-message';

interface FormValues {
  name: string;
  namePinyin?: string;
  idNumber: string;
  phone: string;
  major?: string;
  majorLevel?: string;
  entryYear?: number | null;
  education?: string;
  employer?: string;
}

const LIVE_CHECK_DEBOUNCE_MS = 300;

function initialValues(c: CandidateRow | null): Partial<FormValues> {
  if (!c) return {};
  return {
    name: c.name,
    namePinyin: c.namePinyin,
    idNumber: c.idNumber,
    phone: c.phone ?? '',
    major: c.major ?? undefined,
    majorLevel: c.majorLevel ?? undefined,
    entryYear: c.entryYear,
    education: c.education ?? undefined,
    employer: c.employer ?? undefined,
  };
}

/**
 * 新增 / 编辑考生: every field checked as it is typed with the shared rules; the pinyin follows
 * the name until the person edits it; the server's field errors land on their fields. Opened
 * from 实名认证 (`offerConfirm`), it also saves and confirms the real-name check in one go.
 */
export function CandidateDrawer({ kind, candidate, offerConfirm, onClose }: { kind: CandidateKind; candidate: CandidateRow | null; offerConfirm?: boolean; onClose: () => void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { modal, message } = AntApp.useApp();
  const [form] = Form.useForm<FormValues>();
  // The record being edited: the one opened, or the one just created here; kept fresh (photo, status).
  const [base, setBase] = useState<CandidateRow | null>(candidate);
  const fresh = useOp('candidates.get', { id: base?.id ?? 0 }, { enabled: base !== null });
  const current = base ? (fresh.data?.id === base.id ? fresh.data : base) : null;
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'confirm' | 'delete' | null>(null);
  const autoPinyin = useRef(candidate && candidate.namePinyin === pinyinOf(candidate.name) ? candidate.namePinyin : '');
  const [initial] = useState(() => initialValues(candidate));
  const { markSaved, confirmDiscard } = useUnsavedForm(form, initial);
  const close = () => confirmDiscard(onClose);

  const facets = useOp('candidates.facets', { kind });
  const catalog = useOp('catalog.majors', {}, { enabled: kind === 'school' });
  const majorOptions = useMemo(() => {
    const names = [...new Set([...(catalog.data ?? []).map((m) => m.name), ...(facets.data?.majors ?? [])])];
    return names.map((n) => ({ value: n }));
  }, [catalog.data, facets.data]);
  const levelOptions = [...new Set([...MAJOR_LEVELS, ...(facets.data?.majorLevels ?? [])])].map((l) => ({ value: l, label: l }));

  const refresh = () => Promise.all(CANDIDATE_QUERIES.map((k) => queryClient.invalidateQueries({ queryKey: [k] })));

  const onValuesChange = (changed: Partial<FormValues>) => {
    if ('name' in changed) {
      const name = checkName(changed.name);
      const pinyin = form.getFieldValue('namePinyin') as string | undefined;
      // The pinyin follows the name for as long as nobody has typed their own.
      if (name.ok && (!pinyin || pinyin === autoPinyin.current)) {
        autoPinyin.current = pinyinOf(name.value);
        form.setFieldValue('namePinyin', autoPinyin.current);
      }
      if (form.isFieldTouched('namePinyin') || form.getFieldValue('namePinyin')) void form.validateFields(['namePinyin']).catch(() => {});
    }
    if ('major' in changed && changed.major && !form.getFieldValue('majorLevel')) {
      const known = catalog.data?.find((m) => m.name === changed.major);
      if (known) form.setFieldValue('majorLevel', known.level);
    }
  };

  const save = async (andConfirm: boolean) => {
    let v: FormValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setProblem(null);
    setBusy(andConfirm ? 'confirm' : 'save');
    const input = {
      kind,
      name: v.name,
      namePinyin: v.namePinyin ?? '',
      idNumber: v.idNumber,
      phone: v.phone,
      ...(kind === 'school'
        ? { major: v.major ?? null, majorLevel: v.majorLevel ?? null, entryYear: v.entryYear ?? null }
        : { education: v.education ?? null, employer: v.employer ?? null }),
    };
    try {
      const row = current ? await api.call('candidates.update', { ...input, id: current.id }) : await api.call('candidates.create', input);
      const confirmed = andConfirm ? await api.call('realname.confirm', { id: row.id }) : null;
      await refresh();
      if (confirmed) {
        message.success(confirmedMessage(confirmed, true));
        onClose();
      } else if (current) {
        message.success(`已保存 ${row.name} 的信息`);
        onClose();
      } else {
        // A new candidate stays open, now editable, so the photo can be added right away.
        message.success(`已添加考生 ${row.name}，可以上传照片了`);
        markSaved();
        setBase(row);
      }
    } catch (e) {
      const err = e as AppError;
      const fields = fieldErrors(err.details).filter((f) => f.name[0] !== 'photo');
      if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
      if (err.code !== 'VALIDATION' || !fields.length) setProblem(err.message);
    } finally {
      setBusy(null);
    }
  };

  const remove = () => {
    if (!current) return;
    modal.confirm({
      title: `删除考生“${current.name}”？`,
      content: '该考生的信息和照片都会删除，删除记入审计日志。已有报考记录的考生不能删除。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        setBusy('delete');
        try {
          await api.call('candidates.delete', { id: current.id });
          message.success(`已删除考生 ${current.name}`);
          // Closed first: a refresh while open would ask again for the candidate just deleted.
          onClose();
          void refresh();
        } catch (e) {
          setProblem((e as Error).message);
        } finally {
          setBusy(null);
        }
      },
    });
  };

  const title = current ? `编辑考生：${current.name}` : `新增${CANDIDATE_KIND_LABELS[kind]}`;
  return (
    <Drawer
      open
      title={title}
      size={560}
      onClose={close}
      destroyOnHidden
      extra={current && <RealnameTag status={current.realnameStatus} reason={current.realnameReason} />}
      footer={
        <Flex justify="space-between">
          <div>
            {current && (
              <Button danger icon={<DeleteOutlined />} onClick={remove} loading={busy === 'delete'}>
                删除
              </Button>
            )}
          </div>
          <Flex gap={8}>
            <Button onClick={close}>{current && !candidate ? '完成' : '取消'}</Button>
            {offerConfirm && current && (
              <Button onClick={() => void save(true)} loading={busy === 'confirm'} disabled={!current.hasPhoto}>
                保存并确认无误
              </Button>
            )}
            <Button type="primary" onClick={() => void save(false)} loading={busy === 'save'}>
              保存
            </Button>
          </Flex>
        </Flex>
      }
    >
      {problem && <Alert type="error" showIcon title={problem} closable={{ onClose: () => setProblem(null) }} style={{ marginBottom: 16 }} />}
      {current?.realnameStatus === 'failed' && current.realnameReason && (
        <Alert type="warning" showIcon title="平台实名认证未通过" description={current.realnameReason} style={{ marginBottom: 16 }} />
      )}
      {offerConfirm && current && !current.hasPhoto && (
        <Alert
          type="info"
          showIcon
          title="请先上传照片再人工确认"
          description="人工确认要核对照片确属本人：在下方上传照片后，才能“保存并确认无误”。"
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<FormValues>
        form={form}
        name="candidate"
        layout="vertical"
        initialValues={initialValues(candidate)}
        onValuesChange={onValuesChange}
        onFinish={() => void save(false)}
        requiredMark
        autoComplete="off"
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label="姓名" name="name" required rules={nameRules} validateDebounce={LIVE_CHECK_DEBOUNCE_MS}>
              <Input autoFocus maxLength={30} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="姓名拼音" name="namePinyin" rules={pinyinRules(form)} validateDebounce={LIVE_CHECK_DEBOUNCE_MS} extra="按姓名自动生成，可以修改">
              <Input maxLength={120} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="身份证号" name="idNumber" required rules={idNumberRules} validateDebounce={LIVE_CHECK_DEBOUNCE_MS}>
              <Input maxLength={40} style={{ fontVariantNumeric: 'tabular-nums' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="手机号" name="phone" required rules={phoneRules} validateDebounce={LIVE_CHECK_DEBOUNCE_MS}>
              <Input maxLength={20} inputMode="tel" />
            </Form.Item>
          </Col>
          {kind === 'school' ? (
            <>
              <Col span={24}>
                <Form.Item label="就读专业" name="major" required rules={requiredText('请填写就读专业')} extra="本校的专业名称：可从专业目录中选择，也可直接填写">
                  <AutoComplete options={majorOptions} showSearch={{ filterOption: (input, option) => String(option?.value ?? '').includes(input.trim()) }} maxLength={100} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label="专业层次" name="majorLevel" required rules={requiredText('请选择专业层次')}>
                  <Select options={levelOptions} placeholder="请选择" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label="入学年份" name="entryYear" required rules={entryYearRules} validateDebounce={LIVE_CHECK_DEBOUNCE_MS}>
                  <InputNumber controls={false} placeholder="如 2024" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </>
          ) : (
            <>
              <Col span={12}>
                <Form.Item label="最高学历" name="education">
                  <Select allowClear options={EDUCATION_LEVELS.map((e) => ({ value: e, label: e }))} placeholder="请选择" />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item label="工作单位" name="employer">
                  <Input maxLength={200} />
                </Form.Item>
              </Col>
            </>
          )}
        </Row>
        <button type="submit" hidden />
      </Form>
      <Divider />
      {current ? <CandidatePhotoField candidate={current} /> : <Alert type="info" showIcon title="保存考生信息后即可上传照片。" />}
    </Drawer>
  );
}
