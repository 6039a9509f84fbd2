import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Col, Drawer, Flex, Form, Input, Row, Select, Skeleton, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import type { CertificateRow } from '../../../src-shared/api/catalog';
import type { SiteDetail } from '../../../src-shared/api/sites';
import { contactEmail, contactMobile, siteFields, suggestedSiteName, type SiteCertificate } from '../../../src-shared/domain/exam-site';
import type { Institution } from '../../../src-shared/domain/institution';
import type { AppError } from '../../../src-shared/errors';
import { useApi, useOp } from '../../api/hooks';
import { fieldErrors } from '../../ui/format';
import { RegionCascader, type RegionValue } from '../../ui/RegionCascader';
import { zodRule } from '../../ui/zod-rule';
import { SiteCertificatesField } from './SiteCertificatesField';
import { SiteFilesField, type FileEntry } from './SiteFilesField';
import { SITE_QUERIES, SiteStatusTag } from './site-status';
import { SiteView } from './SiteView';

interface FormValues {
  name: string;
  region?: RegionValue;
  address: string;
  orgCode?: string;
  certificates: SiteCertificate[];
  description: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
}

function initialValues(site: SiteDetail | null, inst: Institution | undefined): Partial<FormValues> {
  if (site)
    return {
      name: site.name,
      region: { province: site.province, city: site.city, district: site.district },
      address: site.address,
      orgCode: site.orgCode,
      certificates: site.certificates.map((c) => ({ certificateCode: c.certificateCode, level: c.level as SiteCertificate['level'] })),
      description: site.description,
      contactName: site.contactName,
      contactPhone: site.contactPhone,
      contactEmail: site.contactEmail,
    };
  // A new site starts from the institution's own details.
  return {
    name: inst ? suggestedSiteName(inst.name, []) : '',
    ...(inst ? { region: { province: inst.province, city: inst.city, district: inst.district } } : {}),
    address: inst?.address ?? '',
    certificates: [],
    description: '',
    contactName: inst?.contactName ?? '',
    contactPhone: inst?.contactPhone ?? '',
    contactEmail: inst?.contactEmail ?? '',
  };
}

/** 申报考核站点 as a drawer: the manual's form for a draft or a rejected site, read-only once submitted. */
export function SiteDrawer({ siteId, onClose }: { siteId: number | null; onClose: () => void }) {
  const site = useOp('sites.get', { id: siteId ?? 0 }, { enabled: siteId !== null });
  const inst = useOp('institution.get', {});
  const certificates = useOp('catalog.certificates', {});
  const ready = (siteId === null || site.data) && inst.data && certificates.data;
  const title = siteId === null ? '申报考核站点' : (site.data?.name ?? '考核站点');
  return (
    <Drawer open title={title} size={720} onClose={onClose} destroyOnHidden extra={site.data && <SiteStatusTag status={site.data.status} />} footer={null}>
      {site.error && <Alert type="error" showIcon title={site.error.message} />}
      {!ready && !site.error && <Skeleton active />}
      {ready &&
        (site.data && !site.data.canEdit ? (
          <SiteView site={site.data} onClose={onClose} />
        ) : (
          <SiteForm site={site.data ?? null} inst={inst.data} certificates={certificates.data} onClose={onClose} />
        ))}
    </Drawer>
  );
}

function SiteForm({ site, inst, certificates, onClose }: { site: SiteDetail | null; inst: Institution; certificates: CertificateRow[]; onClose: () => void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<FormValues>();
  const [files, setFiles] = useState<FileEntry[]>(site?.files.map((f) => ({ key: `stored-${f.id}`, storedId: f.id, name: f.name, size: f.size, format: f.format })) ?? []);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const orgCode = Form.useWatch('orgCode', form);
  // The suggested name follows the certificates for as long as nobody has typed their own.
  const autoName = useRef(site ? (site.name === suggestedSiteName(inst.name, shortNamesOf(site.certificates)) ? site.name : '') : suggestedSiteName(inst.name, []));

  const organisations = useMemo(() => [...new Map(certificates.map((c) => [c.orgCode, c.orgName])).entries()].map(([value, label]) => ({ value, label })), [certificates]);
  function shortNamesOf(list: readonly { certificateCode: string }[]) {
    return list.map((c) => certificates.find((x) => x.code === c.certificateCode)?.shortName ?? '');
  }

  const onValuesChange = (changed: Partial<FormValues>) => {
    if ('orgCode' in changed) {
      // Only the chosen organisation's certificates can be declared to it.
      const kept = (form.getFieldValue('certificates') as SiteCertificate[]).filter((c) => certificates.find((x) => x.code === c.certificateCode)?.orgCode === changed.orgCode);
      form.setFieldValue('certificates', kept);
    }
    if ('orgCode' in changed || 'certificates' in changed) {
      const name = form.getFieldValue('name') as string;
      if (!name || name === autoName.current) {
        autoName.current = suggestedSiteName(inst.name, shortNamesOf(form.getFieldValue('certificates') as SiteCertificate[]));
        form.setFieldValue('name', autoName.current);
      }
    }
  };

  const save = async () => {
    let v: FormValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setProblem(null);
    setBusy(true);
    const input = {
      name: v.name,
      region: v.region!,
      address: v.address,
      orgCode: v.orgCode!,
      certificates: v.certificates,
      description: v.description,
      contactName: v.contactName,
      contactPhone: v.contactPhone,
      contactEmail: v.contactEmail,
      keepFiles: files.flatMap((f) => (f.storedId !== undefined ? [f.storedId] : [])),
      addFiles: files.flatMap((f) => (f.fileId ? [f.fileId] : [])),
    };
    try {
      const saved = site ? await api.call('sites.update', { ...input, id: site.id }) : await api.call('sites.create', input);
      await Promise.all(SITE_QUERIES.map((k) => queryClient.invalidateQueries({ queryKey: [k] })));
      message.success(`已保存“${saved.name}”；确认无误后请在列表中点“提交”申报`);
      onClose();
    } catch (e) {
      const err = e as AppError;
      const fields = fieldErrors(err.details).filter((f) =>
        ['name', 'region', 'address', 'orgCode', 'certificates', 'description', 'contactName', 'contactPhone', 'contactEmail'].includes(String(f.name[0])),
      );
      if (fields.length) form.setFields(fields.map((f) => ({ ...f, name: [f.name[0]!] })) as Parameters<typeof form.setFields>[0]);
      setProblem(err.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {site?.status === 'rejected' && <Alert type="error" showIcon title="审核不通过" description={site.reason} style={{ marginBottom: 16 }} />}
      {problem && <Alert type="error" showIcon title={problem} closable={{ onClose: () => setProblem(null) }} style={{ marginBottom: 16 }} />}
      <Form<FormValues>
        form={form}
        name="site"
        layout="vertical"
        initialValues={initialValues(site, inst)}
        onValuesChange={onValuesChange}
        onFinish={() => void save()}
        requiredMark
        autoComplete="off"
      >
        <Form.Item
          label="站点名称"
          name="name"
          required
          rules={[zodRule(siteFields.shape.name)]}
          extra="为了提高辨识度，建议按“学校名称+证书简称+考核站点”命名，例如：昌平职业技术学校Python证书考核站点"
        >
          <Input autoFocus maxLength={100} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item label="所在区域" name="region" required rules={[{ required: true, message: '请选择省、市、区县' }]}>
              <RegionCascader />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item label="详细地址" name="address" required rules={[zodRule(siteFields.shape.address)]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="申报对象" name="orgCode" required rules={[{ required: true, message: '请选择需要向哪个培训评价组织申报' }]}>
          <Select options={organisations} placeholder="请选择需要向哪个培训评价组织申报" showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item label="申报的证书" name="certificates" required rules={[zodRule(siteFields.shape.certificates)]}>
          <SiteCertificatesField certificates={certificates} orgCode={orgCode} />
        </Form.Item>
        <Form.Item label="考点简介" name="description" required rules={[zodRule(siteFields.shape.description)]}>
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder="考场数量、设备配置、考务人员等情况" />
        </Form.Item>
        <Form.Item
          label="其他佐证材料（选填）"
          extra={
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              请上传 pdf 或 word 格式的文档（每个不超过 20 MB，最多 5 个）。注：该申请材料请根据培训评价组织的要求来提供，如果没有要求可以不提供。
            </Typography.Text>
          }
        >
          <SiteFilesField value={files} onChange={setFiles} editable />
        </Form.Item>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item label="联系人姓名" name="contactName" required rules={[zodRule(siteFields.shape.contactName)]}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="联系人手机" name="contactPhone" required rules={[zodRule(contactMobile)]} validateDebounce={300}>
              <Input maxLength={20} inputMode="tel" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="联系人邮箱" name="contactEmail" required rules={[zodRule(contactEmail)]} validateDebounce={300}>
              <Input maxLength={100} inputMode="email" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary">所有标 * 的均为必填项。保存后仍可修改；在列表中点“提交”申报后不能再修改。</Typography.Paragraph>
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>关闭</Button>
          <Button type="primary" htmlType="submit" loading={busy}>
            保存
          </Button>
        </Flex>
      </Form>
    </>
  );
}
